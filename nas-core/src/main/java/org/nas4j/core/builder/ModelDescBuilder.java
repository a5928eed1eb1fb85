package org.nas4j.core.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the model desc of a cell network from the {@code model_desc} conf section (Archai
 * semantics).
 *
 * <p>Reduction cells sit at {@code n_cells*(i+1)//(n_reductions+1)}; node channels start at {@code
 * init_node_ch} and double at each reduction cell. Model stems output {@code
 * init_node_ch*stem_multiplier} channels. Each cell has a stem per input ({@code prepr_reduce} on
 * c_{k-2} after a reduction cell, else {@code prepr_normal}) mapping it to the node channels, its
 * nodes, and a post op ({@code concate_channels} or {@code proj_channels}). An aux tower follows
 * cell {@code 2*n_cells//3} when {@code aux_weight > 0}. The built desc is validated.
 *
 * <p>By default cells get {@code n_nodes} nodes without edges (a macro skeleton). Algorithms
 * subclass and override the hooks, chiefly {@link #buildNodes}:
 *
 * <pre>{@code
 * class DartsModelDescBuilder extends ModelDescBuilder {
 *     protected List<NodeDesc> buildNodes(CellContext ctx) {
 *         // one mixed_op edge from every earlier state to every node
 *     }
 * }
 * }</pre>
 *
 * <p>With a template (a saved final desc), every regular cell copies the nodes of the template's
 * first regular cell and every reduction cell those of its first reduction cell, with channels,
 * strides and BatchNorm affinity rewritten for the new network.
 */
public class ModelDescBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ModelDescBuilder.class);

    /** Post ops the default {@link #buildCellPostOp} knows. */
    public static final List<String> POST_OPS = List.of("concate_channels", "proj_channels");

    /**
     * Builds the desc of a phase from its conf section.
     *
     * @param section the {@code nas.<phase>.model_desc} section
     * @param phase {@code search} (non-affine BatchNorm) or {@code eval} (affine)
     * @param template a saved final desc whose cells to copy, or null
     */
    public ModelDesc build(Conf section, String phase, ModelDesc template) {
        boolean affine;
        if ("eval".equals(phase)) {
            affine = true;
        } else if ("search".equals(phase)) {
            affine = false;
        } else {
            throw new ConfException("Phase '" + phase + "' is not one of: search, eval.");
        }
        return build(ModelDescParams.fromConf(section), affine, template);
    }

    /**
     * Builds the desc.
     *
     * @param p the model_desc values
     * @param affine whether BatchNorm layers are affine (true in evaluation, false in search)
     * @param template a saved final desc whose cells to copy, or null to call {@link #buildNodes}
     * @throws DescFormatException when the template lacks a cell type the network needs
     */
    public ModelDesc build(ModelDescParams p, boolean affine, ModelDesc template) {
        List<OpDesc> modelStems = buildModelStems(p, affine);
        List<Integer> reductions = reductionCellIds(p.nCells(), p.nReductions());
        int auxCell = p.auxWeight() > 0 ? auxTowerCellId(p.nCells()) : -1;
        // channels of every state in order: model stem 0, model stem 1, cell 0, cell 1, ...
        List<Integer> stateCh = new ArrayList<>();
        stateCh.add(modelStems.get(0).conv().chOut());
        stateCh.add(modelStems.get(1).conv().chOut());
        List<CellDesc> cells = new ArrayList<>();
        AuxTowerDesc[] aux = new AuxTowerDesc[p.nCells()];
        int[] firstOfType = {-1, -1};
        int nodeCh = p.initNodeCh();
        int size = p.imgSize(); // model stems keep the spatial size
        for (int k = 0; k < p.nCells(); k++) {
            boolean reduction = reductions.contains(k);
            CellType type = reduction ? CellType.REDUCTION : CellType.REGULAR;
            if (reduction) {
                nodeCh *= 2;
            }
            if (firstOfType[type.ordinal()] < 0) {
                firstOfType[type.ordinal()] = k;
            }
            boolean fromReduction = k > 0 && cells.get(k - 1).isReduction();
            CellContext ctx =
                    new CellContext(
                            k,
                            type,
                            nodeCh,
                            fromReduction,
                            stateCh.get(k),
                            stateCh.get(k + 1),
                            size,
                            firstOfType[type.ordinal()],
                            affine,
                            p);
            CellDesc cell = buildCell(ctx, template);
            cells.add(cell);
            stateCh.add(cell.outChannels());
            if (reduction) {
                size = (size + 1) / 2;
            }
            if (k == auxCell) {
                aux[k] = buildAuxTower(ctx, cell.outChannels(), size);
            }
        }
        int lastCh = stateCh.get(stateCh.size() - 1);
        OpDesc pool = buildPoolOp(p, lastCh, affine);
        OpDesc logits = buildLogitsOp(p, pool.conv().chOut(), affine);
        ModelDesc desc =
                new ModelDesc(
                        modelStems,
                        cells,
                        Arrays.asList(aux),
                        pool,
                        logits,
                        p.nClasses(),
                        List.of(p.channels(), p.imgSize(), p.imgSize()),
                        Map.of());
        DescValidator.validate(desc, "the model desc built by " + getClass().getSimpleName());
        LOG.debug(
                "Built model desc: {} cells, reductions at {}, template {}",
                p.nCells(),
                reductions,
                template != null);
        return desc;
    }

    /** Ids of the reduction cells: {@code nCells*(i+1)/(nReductions+1)} for each i. */
    public static List<Integer> reductionCellIds(int nCells, int nReductions) {
        List<Integer> ids = new ArrayList<>(nReductions);
        for (int i = 0; i < nReductions; i++) {
            ids.add(nCells * (i + 1) / (nReductions + 1));
        }
        return List.copyOf(ids);
    }

    /** Id of the cell after which the aux tower sits: {@code 2*nCells/3}. */
    public static int auxTowerCellId(int nCells) {
        return 2 * nCells / 3;
    }

    private CellDesc buildCell(CellContext ctx, ModelDesc template) {
        List<OpDesc> stems = buildCellStems(ctx);
        if (stems.size() != 2) {
            throw new IllegalStateException(
                    getClass().getSimpleName()
                            + ".buildCellStems returned "
                            + stems.size()
                            + " stems; a cell has exactly 2.");
        }
        List<NodeDesc> nodes =
                template == null
                        ? buildNodes(ctx)
                        : buildNodesFromTemplate(ctx, TemplateCells.first(template, ctx));
        List<Integer> nodeChannels = nodes.stream().map(n -> n.conv().chOut()).toList();
        OpDesc post = buildCellPostOp(ctx, nodes);
        int out = post.conv().chOut();
        return new CellDesc(
                ctx.cellId(),
                ctx.cellType(),
                new ConvMacroParams(stems.get(0).conv().chOut(), out),
                stems.get(0),
                stems.get(1),
                nodes,
                nodeChannels,
                post,
                out,
                ctx.trainablesFrom());
    }

    /** The two model stems, each reading the image and producing the stem channels (stride 1). */
    protected List<OpDesc> buildModelStems(ModelDescParams p, boolean affine) {
        ConvMacroParams conv =
                new ConvMacroParams(p.channels(), p.initNodeCh() * p.stemMultiplier());
        return List.of(
                OpDesc.of(p.modelStem0Op(), conv, 1, affine),
                OpDesc.of(p.modelStem1Op(), conv, 1, affine));
    }

    /**
     * The cell stems mapping c_{k-2} and c_{k-1} to the node channels; {@code prepr_reduce} (stride
     * 2) on c_{k-2} when it is twice the size of c_{k-1}.
     */
    protected List<OpDesc> buildCellStems(CellContext ctx) {
        OpDesc s0 =
                ctx.inputFromReduction()
                        ? OpDesc.of(
                                "prepr_reduce",
                                new ConvMacroParams(ctx.ch0In(), ctx.nodeCh()),
                                2,
                                ctx.affine())
                        : OpDesc.of(
                                "prepr_normal",
                                new ConvMacroParams(ctx.ch0In(), ctx.nodeCh()),
                                1,
                                ctx.affine());
        OpDesc s1 =
                OpDesc.of(
                        "prepr_normal",
                        new ConvMacroParams(ctx.ch1In(), ctx.nodeCh()),
                        1,
                        ctx.affine());
        return List.of(s0, s1);
    }

    /**
     * The nodes of a cell; by default {@code n_nodes} nodes of {@code nodeCh} channels without
     * edges, which algorithms replace with their edges.
     */
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < ctx.params().nNodes(); i++) {
            nodes.add(new NodeDesc(List.of(), ConvMacroParams.of(ctx.nodeCh())));
        }
        return nodes;
    }

    /**
     * The nodes of a cell copied from a template cell of the same type: node and edge-op channels
     * become {@code nodeCh}, edges reading a cell input of a reduction cell get stride 2 (all
     * others 1), and BatchNorm affinity follows the phase.
     */
    protected List<NodeDesc> buildNodesFromTemplate(CellContext ctx, CellDesc templateCell) {
        return TemplateCells.copyNodes(ctx, templateCell);
    }

    /**
     * The op merging the last {@code out_nodes} node outputs: {@code concate_channels} (cell output
     * has their summed channels) or {@code proj_channels} (projected back to the node channels).
     */
    protected OpDesc buildCellPostOp(CellContext ctx, List<NodeDesc> nodes) {
        String name = ctx.params().cellPostOp();
        int outStates = Math.min(ctx.params().outNodes(), nodes.size());
        int chIn = 0;
        for (int i = nodes.size() - outStates; i < nodes.size(); i++) {
            chIn += nodes.get(i).conv().chOut();
        }
        int chOut;
        if (name.equals("concate_channels")) {
            chOut = chIn;
        } else if (name.equals("proj_channels")) {
            chOut = ctx.nodeCh();
        } else {
            throw new ConfException(
                    "model_desc.cell_post_op = '"
                            + name
                            + "' is not a post op "
                            + getClass().getSimpleName()
                            + " knows; valid: "
                            + String.join(", ", POST_OPS)
                            + ".");
        }
        return OpDesc.of(name, new ConvMacroParams(chIn, chOut), 1, ctx.affine())
                .withParam("out_states", outStates);
    }

    /**
     * The aux tower after a cell whose output has {@code chIn} channels and {@code size x size}
     * pixels; the stride of its 5x5 average pool makes the pooled map 2x2 (8 -> 3, 7 -> 2).
     */
    protected AuxTowerDesc buildAuxTower(CellContext ctx, int chIn, int size) {
        if (size < 6) {
            throw new ConfException(
                    "The aux tower after cell "
                            + ctx.cellId()
                            + " would read a "
                            + size
                            + "x"
                            + size
                            + " map, but its 5x5 pool needs at least 6x6 to give 2x2; set"
                            + " model_desc.aux_weight to 0 or use larger images.");
        }
        // floor((size - 5) / stride) + 1 == 2 holds for stride = size - 5
        return new AuxTowerDesc(chIn, ctx.params().nClasses(), size - 5);
    }

    /** The pooling before the classifier ({@code model_post_op}), keeping the channels. */
    protected OpDesc buildPoolOp(ModelDescParams p, int chIn, boolean affine) {
        return OpDesc.of(p.modelPostOp(), ConvMacroParams.of(chIn), 1, affine);
    }

    /** The classifier ({@code logits_op}) from {@code chIn} features to one logit per class. */
    protected OpDesc buildLogitsOp(ModelDescParams p, int chIn, boolean affine) {
        return OpDesc.of(p.logitsOp(), new ConvMacroParams(chIn, p.nClasses()), 1, affine);
    }
}
