package org.nas4j.algos.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
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
import org.nas4j.ops.OpRegistry;

/** Turns a DARTS genotype (by name or written out) into a final model description. */
final class GenotypeDescs {
    private GenotypeDescs() {}

    /**
     * A final desc with the macro structure of {@code nas.<phase>.model_desc} and the genotype's
     * cells.
     */
    static ModelDesc build(String nameOrText, Conf conf, String phase) {
        Genotype g =
                nameOrText.trim().startsWith("Genotype(")
                        ? Genotype.parse(nameOrText)
                        : Genotypes.named(nameOrText.trim());
        OpRegistry registry = OpRegistry.standard();
        for (Genotype.Edge e : concat(g.normal(), g.reduce())) {
            if (!registry.contains(e.op())) {
                registry.get(e.op()); // throws UnknownOpException listing the known ops
            }
        }
        checkConcat(g.normalConcat(), g.normal().size() / 2, "normal_concat");
        checkConcat(g.reduceConcat(), g.reduce().size() / 2, "reduce_concat");
        Map<String, Object> md = conf.child("nas." + phase + ".model_desc").toMap();
        int nodes = g.nodeCount();
        md.put("n_nodes", nodes);
        md.put("out_nodes", g.normalConcat().size());
        return new ModelDescBuilder().build(md, phase, template(g));
    }

    private static List<Genotype.Edge> concat(List<Genotype.Edge> a, List<Genotype.Edge> b) {
        List<Genotype.Edge> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void checkConcat(List<Integer> concat, int nodes, String field) {
        for (int i = 0; i < concat.size(); i++) {
            if (concat.get(i) != nodes + 2 - concat.size() + i) {
                throw new NasException(
                        "The genotype's "
                                + field
                                + " "
                                + concat
                                + " is not the last "
                                + concat.size()
                                + " node(s) in order ("
                                + (nodes + 2 - concat.size())
                                + ".."
                                + (nodes + 1)
                                + "); nas4j cells concatenate their last nodes.");
            }
        }
    }

    /**
     * A minimal desc holding one cell of each type with the genotype's nodes; only nodes are read.
     */
    private static ModelDesc template(Genotype g) {
        ConvMacroParams ch = ConvMacroParams.of(1);
        OpDesc stem = OpDesc.of("prepr_normal", ch, 1, false);
        List<CellDesc> cells = new ArrayList<>();
        cells.add(
                cell(0, CellType.REGULAR, g.nodes(false, 1, false), g.normalConcat().size(), stem));
        cells.add(
                cell(
                        1,
                        CellType.REDUCTION,
                        g.nodes(true, 1, false),
                        g.reduceConcat().size(),
                        stem));
        return new ModelDesc(
                List.of(stem, stem),
                cells,
                new ArrayList<>(Collections.nCopies(2, null)),
                OpDesc.of("pool_adaptive_avg2d", ch, 1, false),
                OpDesc.of("linear", ch, 1, false),
                1,
                List.of(1, 1, 1),
                Map.of());
    }

    private static CellDesc cell(
            int id, CellType type, List<NodeDesc> nodes, int outStates, OpDesc stem) {
        OpDesc post =
                OpDesc.of("concate_channels", new ConvMacroParams(1, outStates), 1, false)
                        .withParam("out_states", outStates);
        return new CellDesc(
                id,
                type,
                ConvMacroParams.of(1),
                stem,
                stem,
                nodes,
                Collections.nCopies(nodes.size(), 1),
                post,
                outStates,
                id);
    }
}
