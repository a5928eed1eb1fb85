package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.genotype.Genotypes;
import org.nas4j.eval.GenotypeDescs;

class CellWordsTest {
    /** gs and divnas finalize two ops on one input as a multi_op: the cell line names both. */
    @Test
    void aMultiOpEdgeShowsItsOps() {
        Conf conf = Conf.load(AlgoConfs.confPaths("darts", false, null, null), List.of());
        ModelDesc desc =
                GenotypeDescs.build(
                        Genotypes.named("DARTS_V2"), conf.child("nas.search.model_desc"), "search");
        CellDesc cell = desc.cells().get(0);
        NodeDesc node = cell.nodes().get(0);
        EdgeDesc first = node.edges().get(0);
        OpDesc o = first.op();
        OpDesc multi =
                OpDesc.of("multi_op", o.conv(), o.stride(), o.affine())
                        .withChildren(
                                List.of(o.withName("sep_conv_3x3"), o.withName("skip_connect")),
                                List.of());
        List<NodeDesc> nodes = new ArrayList<>(cell.nodes());
        nodes.set(0, node.withEdges(List.of(first.withOp(multi), node.edges().get(1))));
        List<CellDesc> cells = new ArrayList<>(desc.cells());
        cells.set(0, cell.withNodes(nodes));
        String words = CellWords.describe(desc.withCells(cells));
        assertTrue(words.contains("n0 = sep_conv_3x3(c_{k-2}) + skip_connect(c_{k-2}) + "), words);
        assertTrue(!words.contains("multi_op"), words);
    }
}
