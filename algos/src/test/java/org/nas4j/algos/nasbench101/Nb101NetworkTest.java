package org.nas4j.algos.nasbench101;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.search.Algorithms;

/** The benchmark's network: its parameter counts against the published figures, its shapes. */
class Nb101NetworkTest {
    /** The benchmark's network on CIFAR-10 (3x32x32, 10 classes): config.py's defaults. */
    private static final Nb101Macro BENCHMARK = new Nb101Macro(128, 3, 3, 0.997, 10, 3, 32);

    private static final OpRegistry OPS = Algorithms.installed().opRegistry();

    private static long params(Nb101Spec spec) {
        return ModelStats.paramCount(Nb101ModelDescBuilder.network(spec, BENCHMARK), OPS);
    }

    @Test
    void theReadmeCellHasTheParameterCountTheBenchmarkRecords() {
        // google-research/nasbench NASBench.ipynb, the query of this cell:
        // "trainable_parameters: 2694282"
        assertEquals(2_694_282, params(Nb101Specs.INCEPTION_LIKE));
    }

    @Test
    void nnisExampleCellHasTheParameterCountTheBenchmarkRecords() {
        // microsoft/nni docs/en_US/NAS/BenchmarksExample.ipynb: 'parameters': 8.55553 (millions,
        // rounded). By hand: stem 3,712 + stacks 420,480 + 1,627,392 + 6,498,816 + dense 5,130.
        assertEquals(8_555_530, params(Nb101Specs.NNI_EXAMPLE));
    }

    @Test
    void aCellOfInputToOutputOnlyIsTheProjection() {
        // stem 3*9*128 + 2*128; per cell a 1x1 projection C_in*C + 2C; dense 512*10 + 10
        long cells = 3 * (128 * 128 + 256);
        cells += 128 * 256 + 512 + 2 * (256 * 256 + 512);
        cells += 256 * 512 + 1024 + 2 * (512 * 512 + 1024);
        Nb101Spec s = Nb101Spec.parse("[[0,1],[0,0]]", "[input,output]");
        assertEquals(3 * 9 * 128 + 256 + cells + 5130, params(s));
    }

    @Test
    void theNetworkHasTheBenchmarksStacksAndRunsForwardToOneLogitPerClass() {
        Nb101Macro tiny = new Nb101Macro(8, 3, 2, 0.9, 10, 1, 9);
        ModelDesc d = Nb101ModelDescBuilder.network(Nb101Specs.NNI_EXAMPLE, tiny);
        assertEquals(6, d.cells().size());
        List<Integer> outs = d.cells().stream().map(CellDesc::outChannels).toList();
        assertEquals(List.of(8, 8, 16, 16, 32, 32), outs);
        List<Boolean> down = d.cells().stream().map(CellDesc::isReduction).toList();
        assertEquals(List.of(false, false, true, false, true, false), down);
        assertEquals(Nb101Specs.NNI_EXAMPLE, Nb101ModelDescBuilder.specOf(d));
        try (NDManager m = NDManager.newBaseManager()) {
            ModelBlock net = new ModelBlock(d, OPS);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 1, 9, 9));
            NDArray x = m.randomNormal(new Shape(2, 1, 9, 9));
            NDArray y =
                    net.forward(new ParameterStore(m, false), new NDList(x), true)
                            .singletonOrThrow();
            assertEquals(new Shape(2, 10), y.getShape());
            assertTrue(y.isInfinite().logicalNot().all().getBoolean());
        }
    }

    @Test
    void theDescSavesAndLoadsWithItsCell(@TempDir Path tmp) {
        ModelDesc d = Nb101ModelDescBuilder.network(Nb101Specs.INCEPTION_LIKE, BENCHMARK);
        Path f = tmp.resolve("d.json");
        DescJson.save(d, f);
        ModelDesc back = DescJson.load(f);
        assertEquals(d, back);
        assertEquals(Nb101Specs.INCEPTION_LIKE, Nb101ModelDescBuilder.specOf(back));
    }

    @Test
    void theShippedConfsDrawTheCellFromTheSeedAndTheEvalRebuildsIt() {
        Conf conf = Conf.load(AlgoConfs.confPaths("nasbench101", false, null, null), List.of());
        Nb101Algorithm algo = new Nb101Algorithm();
        algo.checkConf(conf);
        ModelDesc searched =
                algo.searchDescBuilder(conf)
                        .build(conf.child("nas.search.model_desc"), "search", null);
        ModelDesc again =
                algo.searchDescBuilder(conf)
                        .build(conf.child("nas.search.model_desc"), "search", null);
        assertEquals(searched, again);
        ModelDesc eval =
                algo.evalDescBuilder(conf)
                        .build(conf.child("nas.eval.model_desc"), "eval", searched);
        assertEquals(searched, eval);
        java.util.Set<Nb101Spec> cells = new java.util.HashSet<>();
        for (int seed = 0; seed < 4; seed++) {
            Conf c =
                    Conf.load(
                            AlgoConfs.confPaths("nasbench101", false, null, null),
                            List.of("--common.seed", String.valueOf(seed)));
            ModelDesc drawn =
                    algo.searchDescBuilder(c)
                            .build(c.child("nas.search.model_desc"), "search", null);
            cells.add(Nb101ModelDescBuilder.specOf(drawn));
        }
        assertTrue(cells.size() > 1, "four seeds drew one cell: " + cells);
        InvalidSpecException e =
                assertThrows(
                        InvalidSpecException.class,
                        () -> Nb101ModelDescBuilder.specOf(searched.withParam("nb101_ops", "x")));
        assertTrue(e.getMessage().contains("not built by nasbench101"), e.getMessage());
    }
}
