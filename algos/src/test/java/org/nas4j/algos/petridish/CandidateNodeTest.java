package org.nas4j.algos.petridish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.search.Algorithms;

/** Growing a cell by a candidate node, finalizing the node, and rebuilding a hull model. */
class CandidateNodeTest {
    @Test
    void aCandidateNodeGoesBeforeTheLastNodeAndFeedsIt() {
        ModelDesc seed = TinyPetridish.seed(1, 3, 1);
        ModelDesc grown = TinyPetridish.grow(seed);
        DescValidator.validate(grown, "grown");
        for (CellDesc cell : grown.cells()) {
            assertEquals(2, cell.nodes().size());
            EdgeDesc cand = cell.nodes().get(0).edges().get(0);
            assertEquals(PetridishOp.NAME, cand.op().name());
            assertEquals(List.of(0, 1), cand.inputIds());
            assertEquals(2, cand.op().inLen());
            double s = cell.isReduction() ? 2.0 : 1.0;
            assertEquals(List.of(s, s), cand.op().params().get(CandidateEdgeReader.STRIDES));
            List<EdgeDesc> last = cell.nodes().get(1).edges();
            assertEquals(List.of(1), last.get(0).inputIds()); // the seed's skip of c_{k-1}
            assertEquals(List.of(2), last.get(1).inputIds()); // the link from the candidate
            assertEquals("skip_connect", last.get(1).op().name());
            assertEquals(
                    2 * cell.stem1().conv().chOut(), cell.postOp().conv().chIn()); // both nodes
            assertEquals(2.0, cell.postOp().params().get("out_states"));
        }
        ModelDesc twice = TinyPetridish.grow(finalized(grown));
        DescValidator.validate(twice, "grown twice");
        CellDesc cell = twice.cells().get(1); // the reduction cell
        assertTrue(cell.isReduction());
        assertEquals(3, cell.nodes().size());
        EdgeDesc cand = cell.nodes().get(1).edges().get(0);
        assertEquals(List.of(0, 1, 2), cand.inputIds());
        assertEquals(List.of(2.0, 2.0, 1.0), cand.op().params().get(CandidateEdgeReader.STRIDES));
        assertEquals(List.of(3), cell.nodes().get(2).edges().get(2).inputIds());
    }

    /**
     * Inputs 0, 1; ops max, skip, sep, none: none strongest, then (1, sep), (0, max), (1, skip).
     */
    private static final List<Double> ALPHAS =
            List.of(-0.3, 0.01, 0.02, 0.9, 0.05, -0.2, 0.5, -0.8);

    /** {@code grown} with {@link #ALPHAS} saved on every candidate edge, then finalized. */
    static ModelDesc finalized(ModelDesc grown) {
        List<CellDesc> cells = new ArrayList<>();
        for (CellDesc c : grown.cells()) {
            List<NodeDesc> nodes = new ArrayList<>(c.nodes());
            NodeDesc cand = nodes.get(nodes.size() - 2);
            EdgeDesc e = cand.edges().get(0);
            nodes.set(
                    nodes.size() - 2,
                    cand.withEdges(
                            List.of(e.withOp(e.op().withTrainables(Map.of("alphas", alphas(e)))))));
            cells.add(c.withNodes(nodes));
        }
        return new PetridishFinalizers(3, Algorithms.installed().opRegistry())
                .finalizeModel(grown.withCells(cells));
    }

    private static List<Double> alphas(EdgeDesc e) {
        List<Double> out = new ArrayList<>(ALPHAS);
        while (out.size() < e.inputIds().size() * 4) {
            out.add(0.0);
        }
        return out;
    }

    @Test
    void theCandidateBecomesItsThreeStrongestPairsOneEdgePerInput() {
        ModelDesc fin = finalized(TinyPetridish.grow(TinyPetridish.seed(1, 3, 1)));
        DescValidator.validate(fin, "final");
        for (CellDesc cell : fin.cells()) {
            List<EdgeDesc> edges = cell.nodes().get(0).edges();
            assertEquals(2, edges.size());
            int stride = cell.isReduction() ? 2 : 1;
            assertEquals(List.of(0), edges.get(0).inputIds());
            assertEquals("max_pool_3x3", edges.get(0).op().name());
            assertEquals(stride, edges.get(0).op().stride());
            assertEquals(List.of(1), edges.get(1).inputIds());
            OpDesc multi = edges.get(1).op();
            assertEquals("multi_op", multi.name());
            assertEquals(
                    List.of("sep_conv_3x3", "skip_connect"),
                    multi.children().stream().map(OpDesc::name).toList());
            assertEquals(stride, multi.children().get(0).stride());
            assertFalse(edges.toString().contains("none"));
            assertEquals(2, cell.nodes().get(1).edges().size()); // the last node is kept whole
        }
        try (NDManager m = NDManager.newBaseManager()) {
            var model = TinyPetridish.model(fin, m, 1);
            var y =
                    model.forward(
                            new ParameterStore(m, false),
                            new NDList(m.ones(new Shape(2, 1, 8, 8))),
                            false);
            assertEquals(new Shape(2, 4), y.head().getShape());
        }
    }

    @Test
    void aHullModelIsRetrainedWithItsReductionsAndScaledCells() {
        ModelDesc fin = finalized(TinyPetridish.grow(TinyPetridish.seed(1, 3, 1)));
        Conf md = Conf.of(TinyPetridish.modelDescMap(5, 2), "test");
        ModelDesc full = PetridishModelDescBuilder.eval(2.0).build(md, "eval", fin);
        assertEquals(5, full.cells().size()); // ceil(3 * 2) capped at n_cells 5
        assertEquals(1, full.cells().stream().filter(CellDesc::isReduction).count());
        for (CellDesc c : full.cells()) {
            assertEquals(2, c.nodes().size());
            assertTrue(c.stem1().affine());
            assertEquals(2 * c.stem1().conv().chOut(), c.postOp().conv().chIn());
        }
        ModelDesc same = PetridishModelDescBuilder.eval(1.0).build(md, "eval", fin);
        assertEquals(3, same.cells().size());
        assertEquals(
                fin.cells().stream().map(CellDesc::isReduction).toList(),
                same.cells().stream().map(CellDesc::isReduction).toList());
    }
}
