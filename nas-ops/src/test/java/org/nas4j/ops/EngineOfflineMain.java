package org.nas4j.ops;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Started in a fresh JVM by {@link EngineOfflineTest}: starts the PyTorch engine, runs a 3x3
 * convolution of ones over a 4x4 image of ones (four outputs of 9) and prints the engine version
 * and the sum of the output.
 */
public final class EngineOfflineMain {
    private EngineOfflineMain() {}

    public static void main(String[] args) {
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = engine.newBaseManager()) {
            NDArray image = manager.ones(new Shape(1, 1, 4, 4));
            NDArray kernel = manager.ones(new Shape(1, 1, 3, 3));
            NDArray out = Conv2d.conv2d(image, kernel).singletonOrThrow();
            // The child's stdout is this test's channel to the parent JVM.
            System.out.println("engine=" + engine.getEngineName() + " " + engine.getVersion());
            System.out.println(
                    "conv_shape=" + out.getShape() + " conv_sum=" + out.sum().getFloat());
        }
    }
}
