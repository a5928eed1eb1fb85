package org.nas4j.ops.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * Hand-written model descs with the DARTS macro structure (CIFAR layout): two 3x3 conv stems to
 * {@code 3 * ch} channels, cells whose node channels double at each reduction, {@code prepr_reduce}
 * after a reduction, concatenation of the 4 nodes, global average pool and a linear classifier.
 */
final class TestDescs {
    /** DARTS V2 normal cell (Liu et al. 2019): pairs of (op, input), two edges per node. */
    static final String[][] DARTS_V2_NORMAL = {
        {"sep_conv_3x3", "0"}, {"sep_conv_3x3", "1"},
        {"sep_conv_3x3", "0"}, {"sep_conv_3x3", "1"},
        {"sep_conv_3x3", "1"}, {"skip_connect", "0"},
        {"skip_connect", "0"}, {"dil_conv_3x3", "2"}
    };

    /** DARTS V2 reduction cell. */
    static final String[][] DARTS_V2_REDUCE = {
        {"max_pool_3x3", "0"}, {"max_pool_3x3", "1"},
        {"skip_connect", "2"}, {"max_pool_3x3", "1"},
        {"max_pool_3x3", "0"}, {"skip_connect", "2"},
        {"skip_connect", "2"}, {"max_pool_3x3", "1"}
    };

    private static final int N_NODES = 4;
    private static final int STEM_MULTIPLIER = 3;

    /** Builds the edges of one node from the cell's node channels, type and node index. */
    interface NodeEdges {
        List<EdgeDesc> edges(int node, int ch, boolean reduction, boolean affine);
    }

    private TestDescs() {}

    /** The DARTS V2 genotype as node edges. */
    static final NodeEdges DARTS_V2 =
            (node, ch, reduction, affine) -> {
                String[][] g = reduction ? DARTS_V2_REDUCE : DARTS_V2_NORMAL;
                List<EdgeDesc> edges = new ArrayList<>();
                for (int e = 2 * node; e < 2 * node + 2; e++) {
                    int input = Integer.parseInt(g[e][1]);
                    OpDesc op = op(g[e][0], ch, ch, stride(reduction, input), affine);
                    edges.add(EdgeDesc.of(op, input));
                }
                return edges;
            };

    /** The DARTS V2 evaluation network: 20 cells, 36 channels, CIFAR-10, aux tower after 13. */
    static ModelDesc dartsV2Eval() {
        return network(20, 36, Set.of(6, 13), List.of(3, 32, 32), 10, true, DARTS_V2, 13);
    }

    /** A tiny DARTS V2 evaluation network: 5 cells, 4 channels, aux tower after cell 3. */
    static ModelDesc dartsV2Small() {
        return network(5, 4, Set.of(1, 3), List.of(3, 32, 32), 10, true, DARTS_V2, 3);
    }

    /**
     * A search supernet: every node has one {@code edgeOp} edge from every earlier state, and cells
     * of the same type share architecture weights with the first cell of their type.
     */
    static ModelDesc supernet(
            int nCells, int ch, Set<Integer> reductions, List<Integer> input, String edgeOp) {
        NodeEdges all =
                (node, c, reduction, affine) -> {
                    List<EdgeDesc> edges = new ArrayList<>();
                    for (int input2 = 0; input2 < node + 2; input2++) {
                        edges.add(
                                EdgeDesc.of(
                                        op(edgeOp, c, c, stride(reduction, input2), affine),
                                        input2));
                    }
                    return edges;
                };
        return network(nCells, ch, reductions, input, 10, false, all, -1);
    }

    static ModelDesc network(
            int nCells,
            int ch,
            Set<Integer> reductions,
            List<Integer> input,
            int nClasses,
            boolean affine,
            NodeEdges nodeEdges,
            int auxAfter) {
        int stemCh = STEM_MULTIPLIER * ch;
        OpDesc stem = op("stem_conv3x3", input.get(0), stemCh, 1, affine);
        int chPrevPrev = stemCh;
        int chPrev = stemCh;
        int c = ch;
        int spatial = input.get(1);
        boolean reductionPrev = false;
        int firstNormal = -1;
        int firstReduce = -1;
        List<CellDesc> cells = new ArrayList<>();
        AuxTowerDesc[] aux = new AuxTowerDesc[nCells];
        for (int i = 0; i < nCells; i++) {
            boolean reduction = reductions.contains(i);
            if (reduction) {
                c *= 2;
                spatial /= 2;
                firstReduce = firstReduce < 0 ? i : firstReduce;
            } else {
                firstNormal = firstNormal < 0 ? i : firstNormal;
            }
            OpDesc s0 =
                    reductionPrev
                            ? op("prepr_reduce", chPrevPrev, c, 2, affine)
                            : op("prepr_normal", chPrevPrev, c, 1, affine);
            OpDesc s1 = op("prepr_normal", chPrev, c, 1, affine);
            List<NodeDesc> nodes = new ArrayList<>();
            for (int n = 0; n < N_NODES; n++) {
                nodes.add(
                        new NodeDesc(
                                nodeEdges.edges(n, c, reduction, affine), ConvMacroParams.of(c)));
            }
            int out = N_NODES * c;
            OpDesc post =
                    new OpDesc(
                            "concate_channels",
                            new ConvMacroParams(c, out),
                            1,
                            affine,
                            N_NODES + 2,
                            Map.of("out_states", N_NODES),
                            List.of(),
                            List.of(),
                            Map.of());
            Integer[] nodeCh = new Integer[N_NODES];
            Arrays.fill(nodeCh, c);
            cells.add(
                    new CellDesc(
                            i,
                            reduction ? CellType.REDUCTION : CellType.REGULAR,
                            new ConvMacroParams(c, out),
                            s0,
                            s1,
                            nodes,
                            List.of(nodeCh),
                            post,
                            out,
                            reduction ? firstReduce : firstNormal));
            if (i == auxAfter) {
                aux[i] = new AuxTowerDesc(out, nClasses, spatial == 7 ? 2 : 3);
            }
            chPrevPrev = chPrev;
            chPrev = out;
            reductionPrev = reduction;
        }
        return new ModelDesc(
                List.of(stem, stem),
                cells,
                auxAfter < 0 ? List.of() : Arrays.asList(aux),
                op("pool_adaptive_avg2d", chPrev, chPrev, 1, affine),
                op("linear", chPrev, nClasses, 1, affine),
                nClasses,
                input,
                Map.of());
    }

    static OpDesc op(String name, int chIn, int chOut, int stride, boolean affine) {
        return OpDesc.of(name, new ConvMacroParams(chIn, chOut), stride, affine);
    }

    private static int stride(boolean reduction, int input) {
        return reduction && input < 2 ? 2 : 1;
    }
}
