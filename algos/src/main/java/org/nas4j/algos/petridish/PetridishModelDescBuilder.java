package org.nas4j.algos.petridish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.builder.CellContext;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.builder.ModelDescParams;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * Petridish cell networks. A seed cell has {@code n_nodes} nodes, node 0 a {@code skip_connect} of
 * c_{k-1} (Archai's one-node seed) and node {@code i > 0} a {@code skip_connect} of node {@code
 * i-1}; the post op ({@code cell_post_op}) merges every node, so a node added later reaches the
 * cell output. For a search on a given model ({@code nas.search.petridish.model_file}, which the
 * driver sets for each trial) the desc is that file. For evaluation the template's own cells and
 * reductions are kept, its cell count scaled by {@code cell_count_scale} and capped by {@code
 * n_cells} (Archai's Petridish evaluation).
 */
public class PetridishModelDescBuilder extends ModelDescBuilder {
    private final Path modelFile;
    private final double cellCountScale;

    private PetridishModelDescBuilder(Path modelFile, double cellCountScale) {
        this.modelFile = modelFile;
        this.cellCountScale = cellCountScale;
    }

    /** Seeds of {@code model_desc}'s size; what a model of the pool is made of. */
    public static PetridishModelDescBuilder seeds() {
        return new PetridishModelDescBuilder(null, 1.0);
    }

    /** The search desc: the model in {@code modelFile}, or a seed when it is null. */
    public static PetridishModelDescBuilder search(Path modelFile) {
        return new PetridishModelDescBuilder(modelFile, 1.0);
    }

    /** The evaluation network of a hull model, its cell count scaled by {@code cellCountScale}. */
    public static PetridishModelDescBuilder eval(double cellCountScale) {
        if (!(cellCountScale > 0) || cellCountScale > 100) {
            throw new ConfException(
                    "nas.eval.petridish.cell_count_scale = "
                            + cellCountScale
                            + " is out of range; expected a factor in (0, 100], e.g. 1.0.");
        }
        return new PetridishModelDescBuilder(null, cellCountScale);
    }

    @Override
    public ModelDesc build(Conf section, String phase, ModelDesc template) {
        if (modelFile != null && template == null) {
            return DescJson.load(modelFile);
        }
        return super.build(section, phase, template);
    }

    @Override
    public ModelDesc build(ModelDescParams p, boolean affine, ModelDesc template) {
        return super.build(template == null ? p : scaled(p, template), affine, template);
    }

    /** The seed of {@code p}'s macro parameters with {@code cells}, {@code reductions}, nodes. */
    public ModelDesc seed(ModelDescParams p, int reductions, int cells, int nodes, boolean affine) {
        return build(resized(p, cells, reductions, nodes), affine, null);
    }

    /** {@code p} with the template's reductions and its cell count scaled and capped. */
    private ModelDescParams scaled(ModelDescParams p, ModelDesc template) {
        int reductions =
                (int)
                        template.cells().stream()
                                .filter(c -> c.cellType() == CellType.REDUCTION)
                                .count();
        int cells = (int) Math.ceil(template.cells().size() * cellCountScale - 1e-9);
        cells = Math.max(Math.min(cells, p.nCells()), 2 * reductions + 1);
        return resized(p, cells, reductions, p.nNodes());
    }

    static ModelDescParams resized(ModelDescParams p, int cells, int reductions, int nodes) {
        return new ModelDescParams(
                cells,
                reductions,
                p.initNodeCh(),
                p.stemMultiplier(),
                nodes,
                nodes,
                p.modelStem0Op(),
                p.modelStem1Op(),
                p.cellPostOp(),
                p.modelPostOp(),
                p.logitsOp(),
                p.auxWeight(),
                p.nClasses(),
                p.channels(),
                p.imgSize(),
                p.extra());
    }

    @Override
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < ctx.params().nNodes(); i++) {
            int stride = ctx.isReduction() && i == 0 ? 2 : 1;
            OpDesc skip = OpDesc.of(CandidateNode.LINK_OP, conv, stride, ctx.affine());
            nodes.add(new NodeDesc(List.of(EdgeDesc.of(skip, i + 1)), conv));
        }
        return nodes;
    }

    @Override
    protected OpDesc buildCellPostOp(CellContext ctx, List<NodeDesc> nodes) {
        return postOp(ctx.params().cellPostOp(), ctx.nodeCh(), nodes, ctx.affine());
    }

    /** The post op of a grown cell: the cell's kind of merge over all of {@code nodes}. */
    static OpDesc postOp(CellDesc cell, List<NodeDesc> nodes) {
        return postOp(
                cell.postOp().name(), cell.stem1().conv().chOut(), nodes, cell.postOp().affine());
    }

    private static OpDesc postOp(String name, int nodeCh, List<NodeDesc> nodes, boolean affine) {
        int chIn = nodes.stream().mapToInt(n -> n.conv().chOut()).sum();
        int chOut;
        if (name.equals("concate_channels")) {
            chOut = chIn;
        } else if (name.equals("proj_channels")) {
            chOut = nodeCh;
        } else {
            throw new ConfException(
                    "model_desc.cell_post_op = '"
                            + name
                            + "' is not a merge Petridish cells know; valid: concate_channels,"
                            + " proj_channels.");
        }
        return OpDesc.of(name, new ConvMacroParams(chIn, chOut), 1, affine)
                .withParam("out_states", nodes.size());
    }
}
