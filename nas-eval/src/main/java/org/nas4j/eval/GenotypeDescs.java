package org.nas4j.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.UnknownOpException;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.genotype.Genotype;
import org.nas4j.core.genotype.Genotypes;
import org.nas4j.ops.OpInfo;
import org.nas4j.ops.OpRegistry;

/**
 * Full model descriptions from DARTS genotypes.
 *
 * <p>The genotype gives the cells; the macro structure (cell count, reductions, channels, stems,
 * head) comes from an algorithm's {@code model_desc} conf section, built by {@link
 * ModelDescBuilder} in template mode:
 *
 * <pre>{@code
 * Conf conf = Conf.load(AlgoConfs.confPaths("darts", false, null, null), List.of());
 * ModelDesc desc =
 *         GenotypeDescs.build(Genotypes.named("DARTS_V2"), conf.child("nas.eval.model_desc"), "eval");
 * }</pre>
 *
 * <p>{@code Genotype.fromDesc(desc, ...)} gives the same genotype back.
 */
public final class GenotypeDescs {
    /** Key of the desc parameter that records the genotype a desc was built from. */
    public static final String GENOTYPE_PARAM = Genotype.DESC_PARAM;

    private static final int TEMPLATE_CH = 16;

    private GenotypeDescs() {}

    /**
     * Builds the full desc of a phase for {@code genotype}.
     *
     * @param genotype the cells
     * @param section the {@code nas.<phase>.model_desc} conf section; its {@code n_nodes} and
     *     {@code out_nodes} are replaced by the genotype's
     * @param phase {@code search} (non-affine BatchNorm) or {@code eval} (affine)
     * @throws DescFormatException if the genotype's concat lists are not what a nas4j cell can
     *     merge or its cells form an impossible graph
     */
    public static ModelDesc build(Genotype genotype, Conf section, String phase) {
        int outStates = outStates(genotype);
        Conf cells =
                section.withOverrides(
                        List.of(
                                "--n_nodes",
                                String.valueOf(genotype.nodeCount()),
                                "--out_nodes",
                                String.valueOf(outStates)));
        ModelDesc desc = new ModelDescBuilder().build(cells, phase, template(genotype));
        return desc.withParam(GENOTYPE_PARAM, genotype.toString());
    }

    /**
     * A published genotype by name ({@code DARTS_V2}) or one written out ({@code Genotype(...)}),
     * with its ops checked against the standard registry.
     */
    public static Genotype resolve(String nameOrText) {
        String t = nameOrText.trim();
        Genotype g = t.startsWith("Genotype(") ? Genotype.parse(t) : Genotypes.named(t);
        checkOps(g, OpRegistry.standard());
        return g;
    }

    /**
     * Fails at the first op of {@code genotype} that {@code registry} does not know.
     *
     * @throws UnknownOpException naming the op, where it is, and the registered ops
     */
    public static void checkOps(Genotype genotype, OpRegistry registry) {
        checkOps(genotype.normal(), "normal", registry);
        checkOps(genotype.reduce(), "reduce", registry);
    }

    private static void checkOps(List<Genotype.Edge> edges, String cell, OpRegistry registry) {
        for (int i = 0; i < edges.size(); i++) {
            String op = edges.get(i).op();
            if (!registry.contains(op)) {
                List<String> known = registry.list().stream().map(OpInfo::name).toList();
                UnknownOpException inner = new UnknownOpException(op, known);
                throw new DescFormatException(
                        "Genotype "
                                + cell
                                + "["
                                + i
                                + "] names op '"
                                + op
                                + "', which is not registered. "
                                + inner.getMessage(),
                        inner);
            }
        }
    }

    /**
     * A minimal desc holding one regular and one reduction cell with the genotype's nodes, for
     * {@link ModelDescBuilder}'s template mode (which rewrites channels, strides and affinity).
     */
    static ModelDesc template(Genotype genotype) {
        int outStates = outStates(genotype);
        ConvMacroParams conv = ConvMacroParams.of(TEMPLATE_CH);
        OpDesc stem = OpDesc.of("stem_conv3x3", conv, 1, false);
        List<CellDesc> cells = new ArrayList<>();
        cells.add(templateCell(0, genotype.nodes(false, TEMPLATE_CH, false), outStates));
        cells.add(templateCell(1, genotype.nodes(true, TEMPLATE_CH, false), outStates));
        return new ModelDesc(
                List.of(stem, stem),
                cells,
                Arrays.asList(null, null),
                OpDesc.of("pool_adaptive_avg2d", conv, 1, false),
                OpDesc.of("linear", conv, 1, false),
                TEMPLATE_CH,
                List.of(1, TEMPLATE_CH, TEMPLATE_CH),
                Map.of());
    }

    private static CellDesc templateCell(int id, List<NodeDesc> nodes, int outStates) {
        ConvMacroParams conv = ConvMacroParams.of(TEMPLATE_CH);
        OpDesc stem = OpDesc.of("prepr_normal", conv, 1, false);
        int out = TEMPLATE_CH * outStates;
        OpDesc post =
                OpDesc.of("concate_channels", new ConvMacroParams(out, out), 1, false)
                        .withParam("out_states", outStates);
        return new CellDesc(
                id,
                id == 0 ? CellType.REGULAR : CellType.REDUCTION,
                new ConvMacroParams(TEMPLATE_CH, out),
                stem,
                stem,
                nodes,
                nodes.stream().map(n -> n.conv().chOut()).toList(),
                post,
                out,
                id);
    }

    /**
     * How many last nodes the cells concatenate. A nas4j cell merges its last k nodes, so each
     * concat list must be the last k node states, and both cells must agree on k.
     */
    static int outStates(Genotype g) {
        if (g.normal().size() != g.reduce().size()) {
            throw new DescFormatException(
                    "The genotype's normal cell has "
                            + g.normal().size()
                            + " edges and its reduction cell "
                            + g.reduce().size()
                            + "; nas4j networks need both cells to have the same number of nodes.");
        }
        int normal = suffixLength(g.normalConcat(), g.nodeCount(), "normal_concat");
        int reduce = suffixLength(g.reduceConcat(), g.nodeCount(), "reduce_concat");
        if (normal != reduce) {
            throw new DescFormatException(
                    "The genotype's normal_concat "
                            + g.normalConcat()
                            + " and reduce_concat "
                            + g.reduceConcat()
                            + " merge different numbers of nodes; nas4j cells of one network"
                            + " merge the same number.");
        }
        return normal;
    }

    private static int suffixLength(List<Integer> concat, int nodes, String key) {
        int k = concat.size();
        for (int i = 0; i < k; i++) {
            if (concat.get(i) != nodes + 2 - k + i) {
                List<Integer> valid = new ArrayList<>();
                for (int s = nodes + 2 - k; s < nodes + 2; s++) {
                    valid.add(s);
                }
                throw new DescFormatException(
                        "The genotype's "
                                + key
                                + " "
                                + concat
                                + " is not the last "
                                + k
                                + " node states of a "
                                + nodes
                                + "-node cell; nas4j cells merge their last nodes, so it would"
                                + " have to be "
                                + valid
                                + ".");
            }
        }
        if (k == 0) {
            throw new DescFormatException(
                    "The genotype's " + key + " is empty; a cell must output at least one node.");
        }
        return k;
    }
}
