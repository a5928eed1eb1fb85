package org.nas4j.algos.nasbench101;

/** Published NAS-Bench-101 cells the tests share. */
final class Nb101Specs {
    private Nb101Specs() {}

    /**
     * The Inception-like cell of the benchmark's README.md and example.py
     * (github.com/google-research/nasbench). Its query in the repository's NASBench.ipynb prints
     * {@code trainable_parameters: 2694282}.
     */
    static final Nb101Spec INCEPTION_LIKE =
            Nb101Spec.parse(
                    "[[0,1,1,1,0,1,0],[0,0,0,0,0,0,1],[0,0,0,0,0,0,1],[0,0,0,0,1,0,0],"
                            + "[0,0,0,0,0,0,1],[0,0,0,0,0,0,1],[0,0,0,0,0,0,0]]",
                    "[input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,"
                            + "maxpool3x3,output]");

    /**
     * The cell of NNI's NAS-Bench-101 example (github.com/microsoft/nni,
     * docs/en_US/NAS/BenchmarksExample.ipynb; benchmark hash 00005c142e6f48ac74fdcf73e3439874):
     * inputs {@code input1: [0], input2: [1], input3: [2], input4: [0], input5: [0, 3, 4], input6:
     * [2, 5]}. Its recorded size there is {@code 'parameters': 8.55553} (millions).
     */
    static final Nb101Spec NNI_EXAMPLE =
            Nb101Spec.parse(
                    "[[0,1,0,0,1,1,0],[0,0,1,0,0,0,0],[0,0,0,1,0,0,1],[0,0,0,0,0,1,0],"
                            + "[0,0,0,0,0,1,0],[0,0,0,0,0,0,1],[0,0,0,0,0,0,0]]",
                    "[input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,"
                            + "conv1x1-bn-relu,output]");
}
