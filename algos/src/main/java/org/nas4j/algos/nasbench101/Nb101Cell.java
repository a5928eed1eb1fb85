package org.nas4j.algos.nasbench101;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * One NAS-Bench-101 cell (the benchmark's {@code build_module}) as a {@link CellDesc} whose nodes
 * sum their edges.
 *
 * <p>Inner vertex {@code t} becomes two nodes: {@code n(2t-2)}, the sum of its inputs (the cell
 * input through {@code nb101_projection} to the vertex's channels, earlier vertices through {@code
 * nb101_truncate}, or {@code identity} when they are as wide), and {@code n(2t-1)}, the vertex's op
 * applied to that sum. The last node is the output vertex: every vertex feeding it through {@code
 * nb101_concat} at its channel offset (the sum of these is the benchmark's concatenation) plus the
 * projected cell input when the input feeds the output. The cell's post op passes that node on. The
 * cell reads {@code c_{k-1}} only: its stem on {@code c_{k-2}} is {@code nb101_unused_input}; its
 * stem on {@code c_{k-1}} is {@code nb101_downsample} in the first cell of a later stack, else
 * {@code identity}.
 */
final class Nb101Cell {
    private Nb101Cell() {}

    /**
     * The channels of every vertex of a pruned cell with {@code in} input and {@code out} output
     * channels (the benchmark's {@code compute_vertex_channels}): the output's channels are split
     * evenly among the vertices feeding it, the first ones taking one more when the split is
     * uneven; every other vertex takes the most channels among the vertices it feeds.
     */
    static int[] vertexChannels(int in, int out, Nb101Spec spec) {
        int n = spec.vertices();
        int[] ch = new int[n];
        ch[0] = in;
        ch[n - 1] = out;
        if (n == 2) {
            return ch;
        }
        int fanIn = 0;
        for (int v = 1; v < n - 1; v++) {
            fanIn += spec.edge(v, n - 1) ? 1 : 0;
        }
        int interior = out / fanIn;
        int correction = out % fanIn;
        for (int v = 1; v < n - 1; v++) {
            if (spec.edge(v, n - 1)) {
                ch[v] = interior + (correction-- > 0 ? 1 : 0);
            }
        }
        for (int v = n - 3; v > 0; v--) {
            if (!spec.edge(v, n - 1)) {
                for (int dst = v + 1; dst < n - 1; dst++) {
                    if (spec.edge(v, dst)) {
                        ch[v] = Math.max(ch[v], ch[dst]);
                    }
                }
            }
        }
        return ch;
    }

    /**
     * The cell.
     *
     * @param id position in the model
     * @param spec the pruned cell
     * @param ch0In channels of {@code c_{k-2}} (not read)
     * @param in channels of {@code c_{k-1}}, the cell's input
     * @param out channels of the cell's output
     * @param downsample whether the input is first max-pooled to half its size
     * @param trainablesFrom the first cell of the same type
     * @param bnMomentum the BatchNorm momentum of the cell's convolutions
     */
    static CellDesc of(
            int id,
            Nb101Spec spec,
            int ch0In,
            int in,
            int out,
            boolean downsample,
            int trainablesFrom,
            double bnMomentum) {
        int n = spec.vertices();
        int[] ch = vertexChannels(in, out, spec);
        List<NodeDesc> nodes = new ArrayList<>();
        for (int t = 1; t < n - 1; t++) {
            List<EdgeDesc> sum = new ArrayList<>();
            for (int src = 1; src < t; src++) {
                if (spec.edge(src, t)) {
                    String op = ch[src] == ch[t] ? "identity" : Nb101Ops.TRUNCATE;
                    sum.add(edge(op, ch[src], ch[t], vertexState(src)));
                }
            }
            if (spec.edge(0, t)) {
                sum.add(conv(Nb101Ops.PROJECTION, in, ch[t], bnMomentum));
            }
            nodes.add(new NodeDesc(sum, new ConvMacroParams(in, ch[t])));
            OpDesc op = vertexOp(spec.ops().get(t), ch[t], bnMomentum);
            nodes.add(
                    new NodeDesc(List.of(EdgeDesc.of(op, 2 * t)), new ConvMacroParams(in, ch[t])));
        }
        List<EdgeDesc> output = new ArrayList<>();
        int offset = 0;
        for (int t = 1; t < n - 1; t++) {
            if (spec.edge(t, n - 1)) {
                OpDesc place =
                        OpDesc.of(Nb101Ops.CONCAT, new ConvMacroParams(ch[t], out), 1, true)
                                .withParam("offset", offset);
                output.add(EdgeDesc.of(place, vertexState(t)));
                offset += ch[t];
            }
        }
        if (spec.edge(0, n - 1)) {
            output.add(conv(Nb101Ops.PROJECTION, in, out, bnMomentum));
        }
        nodes.add(new NodeDesc(output, new ConvMacroParams(in, out)));
        OpDesc stem0 = OpDesc.of(Nb101Ops.UNUSED_INPUT, new ConvMacroParams(ch0In, in), 1, true);
        OpDesc stem1 =
                downsample
                        ? OpDesc.of(Nb101Ops.DOWNSAMPLE, ConvMacroParams.of(in), 2, true)
                        : OpDesc.of("identity", ConvMacroParams.of(in), 1, true);
        OpDesc post =
                OpDesc.of("concate_channels", ConvMacroParams.of(out), 1, true)
                        .withParam("out_states", 1);
        return new CellDesc(
                id,
                downsample ? CellType.REDUCTION : CellType.REGULAR,
                new ConvMacroParams(in, out),
                stem0,
                stem1,
                nodes,
                nodes.stream().map(x -> x.conv().chOut()).toList(),
                post,
                out,
                trainablesFrom);
    }

    /** The state id of inner vertex {@code t}'s output: node {@code 2t-1}. */
    private static int vertexState(int t) {
        return 2 * t + 1;
    }

    private static EdgeDesc edge(String op, int chIn, int chOut, int state) {
        return EdgeDesc.of(OpDesc.of(op, new ConvMacroParams(chIn, chOut), 1, true), state);
    }

    /** A convolution reading the cell input (state 1). */
    private static EdgeDesc conv(String op, int chIn, int chOut, double bnMomentum) {
        return EdgeDesc.of(convOp(op, chIn, chOut, bnMomentum), 1);
    }

    static OpDesc convOp(String op, int chIn, int chOut, double bnMomentum) {
        return OpDesc.of(op, new ConvMacroParams(chIn, chOut), 1, true)
                .withParam(Nb101ConvBnRelu.BN_MOMENTUM, bnMomentum);
    }

    private static OpDesc vertexOp(String name, int ch, double bnMomentum) {
        return name.equals(Nb101Ops.MAXPOOL3X3)
                ? OpDesc.of(name, ConvMacroParams.of(ch), 1, true)
                : convOp(name, ch, ch, bnMomentum);
    }
}
