package org.nas4j.algos.divnas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.algos.darts.MixedEdgeReader;
import org.nas4j.algos.darts.TinySearch;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.ops.ArchWeights;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;

class DivnasFinalizersTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void kernelOfTwoCandidatesIsTheSampleMeanOfTheRbf() {
        double sigma = 2.0;
        NodeKernels k = new NodeKernels(sigma);
        TreeMap<Integer, NDArray> batch = new TreeMap<>();
        batch.put(0, manager.create(new float[] {0, 0, 1, 1}, new Shape(2, 2)));
        batch.put(7, manager.create(new float[] {1, 0, 1, 1}, new Shape(2, 2)));
        k.add("0:1", batch);
        // sample 0: ||(0,0) - (1,0)||^2 = 1; sample 1: identical outputs
        double off = (Math.exp(-1 / (2 * sigma * sigma)) + 1) / 2;
        NodeKernels.Kernel kernel = k.kernel("0:1");
        assertEquals(List.of(0, 7), kernel.keys());
        assertEquals(1.0, kernel.mean()[0][0], 1e-7);
        assertEquals(1.0, kernel.mean()[1][1], 1e-7);
        assertEquals(off, kernel.mean()[0][1], 1e-7);
        assertEquals(off, kernel.mean()[1][0], 1e-7);
    }

    @Test
    void tinySupernetNodesKeepTwoDiverseCandidatesFromTheTopHalf() {
        ModelDesc desc = TinySearch.desc(new DivnasModelDescBuilder(), TinySearch.MIXED, 2, 1);
        ModelBlock model = TinySearch.model(desc, manager, DataType.FLOAT32, 3);
        NodeKernels kernels = new NodeKernels(168);
        kernels.collect(model, new TinySearch.Stream(32, 8, 3), 2, manager);
        int nonNone = 3; // max_pool_3x3, sep_conv_3x3, skip_connect
        for (CellDesc cell : desc.cells()) {
            for (int n = 0; n < cell.nodes().size(); n++) {
                NodeKernels.Kernel k = kernels.kernel(NodeKernels.nodeKey(cell.id(), n));
                assertEquals((n + 2) * nonNone, k.keys().size(), "cell " + cell.id());
                double[][] m = k.mean();
                for (int i = 0; i < m.length; i++) {
                    assertEquals(1.0, m[i][i], 1e-5);
                    for (int j = 0; j < m.length; j++) {
                        assertEquals(m[i][j], m[j][i], 0.0);
                        assertTrue(m[i][j] > 0 && m[i][j] <= 1 + 1e-6, m[i][j] + "");
                    }
                }
            }
        }
        ModelDesc searched = ArchWeights.withTrainables(desc, model.archParams());
        for (MutualInfo.Search search : MutualInfo.Search.values()) {
            DivnasFinalizers f =
                    new DivnasFinalizers(2, 2, 168, search, Algorithms.installed().opRegistry());
            f.setKernels(kernels);
            ModelDesc fin = f.finalizeModel(searched);
            for (int c = 0; c < fin.cells().size(); c++) {
                for (int n = 0; n < fin.cells().get(c).nodes().size(); n++) {
                    NodeDesc node = fin.cells().get(c).nodes().get(n);
                    NodeDesc before = searched.cells().get(c).nodes().get(n);
                    assertEquals(2, chosenOps(node), search + " cell " + c + " node " + n);
                    List<String> top = topHalf(before);
                    for (EdgeDesc e : node.edges()) {
                        assertNotEquals(DivnasOp.NAME, e.op().name());
                        List<String> ops =
                                e.op().children().isEmpty()
                                        ? List.of(e.op().name())
                                        : e.op().children().stream().map(o -> o.name()).toList();
                        for (String op : ops) {
                            assertTrue(
                                    top.contains(e.inputIds().get(0) + op), op + " not in " + top);
                        }
                    }
                }
            }
        }
    }

    private static int chosenOps(NodeDesc node) {
        int n = 0;
        for (EdgeDesc e : node.edges()) {
            n += e.op().children().isEmpty() ? 1 : e.op().children().size();
        }
        return n;
    }

    /** The top half by weight of a searched node's non-none candidates, as input + op name. */
    private static List<String> topHalf(NodeDesc node) {
        record Named(String name, double weight) {}
        List<Named> all = new ArrayList<>();
        MixedEdgeReader reader = new MixedEdgeReader();
        for (EdgeDesc e : node.edges()) {
            for (EdgeCandidate c : reader.candidates(e.op())) {
                if (c.selectable()) {
                    all.add(new Named(e.inputIds().get(0) + c.name(), c.weight()));
                }
            }
        }
        return all.stream()
                .sorted(Comparator.comparingDouble(Named::weight).reversed())
                .limit((all.size() + 1) / 2)
                .map(Named::name)
                .toList();
    }
}
