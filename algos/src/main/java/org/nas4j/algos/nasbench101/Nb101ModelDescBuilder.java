package org.nas4j.algos.nasbench101;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * Builds the NAS-Bench-101 network of a cell: the cell of the template desc (a desc this builder
 * made, which keeps its spec in its params {@code nb101_matrix} and {@code nb101_ops}), or without
 * a template a cell drawn from the space with the run's seed.
 *
 * <p>The network is the benchmark's ({@code model_builder.py}): a conv3x3-bn-relu stem, stacks of
 * cells ({@link Nb101Cell}), a 2x2 max pool and twice the channels before each stack after the
 * first, global average pooling and a dense layer, sized by {@link Nb101Macro}. BatchNorm always
 * learns scale and shift, as in the benchmark; there is no supernet.
 */
public final class Nb101ModelDescBuilder extends ModelDescBuilder {
    /** The model param holding the pruned cell's matrix. */
    public static final String MATRIX_PARAM = "nb101_matrix";

    /** The model param holding the pruned cell's ops. */
    public static final String OPS_PARAM = "nb101_ops";

    private final Nb101Space space;
    private final long seed;
    private final Conf network;

    /**
     * @param space the space a cell is drawn from
     * @param seed the seed of the draw ({@code common.seed})
     * @param network the {@code model_desc} section that sizes the network whatever section {@link
     *     #build} is given (the search phase saves the drawn cell in the evaluation's network), or
     *     null to use the given one
     */
    public Nb101ModelDescBuilder(Nb101Space space, long seed, Conf network) {
        this.space = space;
        this.seed = seed;
        this.network = network;
    }

    @Override
    public ModelDesc build(Conf section, String phase, ModelDesc template) {
        Nb101Spec spec = template != null ? specOf(template) : space.sample(new Random(seed));
        return network(spec, Nb101Macro.fromConf(network != null ? network : section));
    }

    /**
     * The network of a cell.
     *
     * @param spec a pruned cell (see {@link Nb101Space#check})
     * @param macro the network's macro structure
     */
    public static ModelDesc network(Nb101Spec spec, Nb101Macro macro) {
        double bn = macro.bnMomentum();
        OpDesc stem =
                Nb101Cell.convOp(Nb101Ops.CONV3X3, macro.channels(), macro.stemChannels(), bn);
        OpDesc unused =
                OpDesc.of(Nb101Ops.UNUSED_INPUT, ConvMacroParams.of(macro.channels()), 1, true);
        List<Integer> stateCh = new ArrayList<>(List.of(macro.channels(), macro.stemChannels()));
        List<CellDesc> cells = new ArrayList<>();
        int firstDownsample = -1;
        int ch = macro.stemChannels();
        for (int s = 0; s < macro.nStacks(); s++) {
            int in = ch;
            if (s > 0) {
                ch *= 2;
            }
            for (int j = 0; j < macro.cellsPerStack(); j++) {
                int k = cells.size();
                boolean down = s > 0 && j == 0;
                if (down && firstDownsample < 0) {
                    firstDownsample = k;
                }
                int from = down ? firstDownsample : 0;
                cells.add(Nb101Cell.of(k, spec, stateCh.get(k), in, ch, down, from, bn));
                stateCh.add(ch);
                in = ch;
            }
        }
        OpDesc pool = OpDesc.of("pool_adaptive_avg2d", ConvMacroParams.of(ch), 1, true);
        OpDesc logits = OpDesc.of("linear", new ConvMacroParams(ch, macro.nClasses()), 1, true);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(MATRIX_PARAM, spec.matrix());
        params.put(OPS_PARAM, spec.ops());
        ModelDesc desc =
                new ModelDesc(
                        List.of(unused, stem),
                        cells,
                        Arrays.asList(new AuxTowerDesc[cells.size()]),
                        pool,
                        logits,
                        macro.nClasses(),
                        List.of(macro.channels(), macro.imgSize(), macro.imgSize()),
                        params);
        DescValidator.validate(desc, "the NAS-Bench-101 network of " + spec);
        return desc;
    }

    /**
     * The cell a desc built by this builder was made of.
     *
     * @throws InvalidSpecException when the desc holds no NAS-Bench-101 spec, or a malformed one
     */
    public static Nb101Spec specOf(ModelDesc desc) {
        Object m = desc.params().get(MATRIX_PARAM);
        Object o = desc.params().get(OPS_PARAM);
        if (!(m instanceof List<?> rows) || !(o instanceof List<?> ops)) {
            throw new InvalidSpecException(
                    "The model desc holds no NAS-Bench-101 cell (params "
                            + MATRIX_PARAM
                            + " and "
                            + OPS_PARAM
                            + "): it was not built by nasbench101. Evaluate it with the algorithm"
                            + " that built it, or give a cell with --nb101-spec.");
        }
        int[][] matrix = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof List<?> row)) {
                throw new InvalidSpecException(
                        "Row " + i + " of the desc's " + MATRIX_PARAM + " is not a list.");
            }
            matrix[i] = new int[row.size()];
            for (int j = 0; j < row.size(); j++) {
                if (!(row.get(j) instanceof Number x)) {
                    throw new InvalidSpecException(
                            MATRIX_PARAM
                                    + "["
                                    + i
                                    + "]["
                                    + j
                                    + "] = "
                                    + row.get(j)
                                    + " is not 0 or 1.");
                }
                matrix[i][j] = x.intValue();
            }
        }
        return Nb101Spec.of(matrix, ops.stream().map(String::valueOf).toList()).pruned();
    }
}
