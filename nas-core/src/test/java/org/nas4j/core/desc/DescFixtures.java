package org.nas4j.core.desc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-built desc using every feature of the format: edges, multi-input ids, children,
 * params, trainables, an aux tower and model params.
 *
 * <p>Frozen: {@code golden/model_desc_v1.json} was saved from {@link #small()}; change neither.
 */
final class DescFixtures {
    private DescFixtures() {}

    static OpDesc op(String name, int chIn, int chOut, int stride) {
        return OpDesc.of(name, new ConvMacroParams(chIn, chOut), stride, false);
    }

    static EdgeDesc edge(String name, int ch, int stride, int input) {
        return EdgeDesc.of(op(name, ch, ch, stride), input);
    }

    static ModelDesc small() {
        List<OpDesc> stems = List.of(op("stem_conv3x3", 1, 12, 1), op("stem_conv3x3", 1, 12, 1));
        OpDesc mixed =
                op("mixed_op", 4, 4, 1)
                        .withChildren(
                                List.of(op("sep_conv_3x3", 4, 4, 1), op("none", 4, 4, 1)),
                                List.of(List.of(0), List.of(0)))
                        .withTrainables(Map.of("alphas", List.of(0.125, -0.25)));
        CellDesc c0 =
                new CellDesc(
                        0,
                        CellType.REGULAR,
                        new ConvMacroParams(4, 8),
                        op("prepr_normal", 12, 4, 1),
                        op("prepr_normal", 12, 4, 1),
                        List.of(
                                node(4, edge("sep_conv_3x3", 4, 1, 0), edge("skip_connect", 4, 1, 1)),
                                node(4, EdgeDesc.of(mixed, 0), edge("max_pool_3x3", 4, 1, 2))),
                        List.of(4, 4),
                        op("concate_channels", 8, 8, 1).withParam("out_states", 2),
                        8,
                        0);
        Map<String, Object> dil = new LinkedHashMap<>();
        dil.put("kernel", 3);
        dil.put("dilation", 2);
        dil.put("note", "dilated");
        dil.put("shares", List.of(true, 0.5));
        CellDesc c1 =
                new CellDesc(
                        1,
                        CellType.REDUCTION,
                        new ConvMacroParams(8, 16),
                        op("prepr_normal", 12, 8, 1),
                        op("prepr_normal", 8, 8, 1),
                        List.of(
                                node(
                                        8,
                                        EdgeDesc.of(op("dil_conv_3x3", 8, 8, 2).withParams(dil), 0),
                                        edge("avg_pool_3x3", 8, 2, 1)),
                                node(
                                        8,
                                        new EdgeDesc(
                                                op("sum_inputs", 8, 8, 1).withInLen(2),
                                                List.of(2, 1)),
                                        edge("skip_connect", 8, 2, 1))),
                        List.of(8, 8),
                        op("concate_channels", 16, 16, 1).withParam("out_states", 2),
                        16,
                        1);
        CellDesc c2 =
                new CellDesc(
                        2,
                        CellType.REGULAR,
                        new ConvMacroParams(8, 8),
                        op("prepr_reduce", 8, 8, 2),
                        op("prepr_normal", 16, 8, 1),
                        List.of(
                                node(8, edge("sep_conv_5x5", 8, 1, 1)),
                                node(8, edge("max_pool_3x3", 8, 1, 2))),
                        List.of(8, 8),
                        op("proj_channels", 16, 8, 1).withParam("out_states", 2),
                        8,
                        0);
        List<AuxTowerDesc> aux = new ArrayList<>(Arrays.asList(null, new AuxTowerDesc(16, 10, 2), null));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("algo", "darts");
        params.put("seed", 2);
        params.put("lr", 0.025);
        params.put("primitives", List.of("sep_conv_3x3", "none"));
        return new ModelDesc(
                stems,
                List.of(c0, c1, c2),
                aux,
                op("pool_adaptive_avg2d", 8, 8, 1),
                op("linear", 8, 10, 1),
                10,
                List.of(1, 8, 8),
                params);
    }

    private static NodeDesc node(int ch, EdgeDesc... edges) {
        return new NodeDesc(List.of(edges), ConvMacroParams.of(ch));
    }
}
