package org.nas4j.algos.manual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpRegistry;

/**
 * Turns a {@link ManualModel} into a {@link ModelDesc}, so that a hand-designed network is drawn,
 * counted, saved, exported and reported like a searched one.
 *
 * <p>The mapping: model stem 1 is the model's stem and model stem 0 is {@code unused} (no cell
 * reads it); each stage is one cell (a reduction cell when one of its blocks has stride 2) whose
 * stem on c_{k-1} is {@code identity} and whose stem on c_{k-2} is {@code unused}; each block is a
 * node with one edge, the block's op, reading the node before it (the cell input for the first) or,
 * with {@code inputs: all}, the cell input and every earlier block's output, where a {@code
 * concate_channels} node of a {@code group} stands for its members. With {@code output: all} a last
 * {@code concate_channels} node joins the cell input and every block's output. The cell's post op
 * passes on its last node. BatchNorm is affine: the desc is the network that is trained, in both
 * phases.
 */
public final class ManualDescs {
    /** The desc parameter naming the manual model a desc was built from. */
    public static final String MODEL_PARAM = "manual_model";

    private final ManualModel model;
    private final OpRegistry registry;

    private ManualDescs(ManualModel model, OpRegistry registry) {
        this.model = model;
        this.registry = registry;
    }

    /**
     * The desc of {@code model} for inputs of {@code channels x imgSize x imgSize} and {@code
     * nClasses} classes, validated.
     *
     * @throws ConfException naming the model file and key of an op {@code registry} does not know
     * @throws org.nas4j.core.DescFormatException if the desc is inconsistent
     */
    public static ModelDesc build(
            ManualModel model, int channels, int imgSize, int nClasses, OpRegistry registry) {
        return new ManualDescs(model, registry).build(channels, imgSize, nClasses);
    }

    private ModelDesc build(int channels, int imgSize, int nClasses) {
        ManualModel.Stem s = model.stem();
        int stemCh = s.ch() == null ? channels : s.ch();
        ConvMacroParams stemConv = new ConvMacroParams(channels, stemCh);
        List<OpDesc> stems =
                List.of(
                        op("unused", stemConv, 1, "model.stem"),
                        op(s.op(), stemConv, s.stride(), "model.stem.op"));
        // channels of every state in order: model stem 0, model stem 1, cell 0, cell 1, ...
        List<Integer> stateCh = new ArrayList<>(List.of(stemCh, stemCh));
        List<CellDesc> cells = new ArrayList<>();
        for (int k = 0; k < model.stages().size(); k++) {
            CellDesc cell = cell(k, stateCh.get(k), stateCh.get(k + 1));
            cells.add(cell);
            stateCh.add(cell.outChannels());
        }
        int last = stateCh.get(stateCh.size() - 1);
        ModelDesc desc =
                new ModelDesc(
                        stems,
                        cells,
                        Collections.nCopies(cells.size(), (AuxTowerDesc) null),
                        op(model.pool(), ConvMacroParams.of(last), 1, "model.pool"),
                        op(model.logits(), new ConvMacroParams(last, nClasses), 1, "model.logits"),
                        nClasses,
                        List.of(channels, imgSize, imgSize),
                        Map.of(MODEL_PARAM, model.name()));
        DescValidator.validate(desc, "the desc of manual model '" + model.name() + "'");
        return desc;
    }

    /**
     * Stage {@code k} as a cell reading c_{k-2} ({@code ch0} channels) and c_{k-1} ({@code ch1}).
     */
    private CellDesc cell(int k, int ch0, int ch1) {
        ManualModel.Stage stage = model.stages().get(k);
        String path = "model.stages[" + k + "]";
        StageNodes s = new StageNodes(ch1);
        for (int j = 0; j < stage.blocks().size(); j++) {
            ManualModel.Block b = stage.blocks().get(j);
            String bp = path + ".blocks[" + j + "]";
            List<Integer> members = new ArrayList<>();
            for (int r = 0; r < b.repeat(); r++) {
                if (b.group() > 1 && members.size() == b.group()) {
                    s.group(members);
                    members.clear();
                }
                List<Integer> ins = b.dense() ? s.visible() : List.of(s.last());
                int chOut = b.ch() == null ? s.channels(s.last()) : b.ch();
                OpDesc o =
                        op(
                                        b.op(),
                                        new ConvMacroParams(s.channels(ins), chOut),
                                        r == 0 ? b.stride() : 1,
                                        bp + ".op")
                                .withInLen(ins.size());
                members.add(s.addBlock(withParams(o, params(b, r), bp), ins));
            }
            if (b.group() > 1 && members.size() == b.group()) {
                s.group(members); // a later dense block or the concatenation reads the group
            }
        }
        // the stage output is always its last node: the last block, or the concatenation
        int outId = stage.concatAll() ? s.concatAll() : s.last();
        List<NodeDesc> nodes = s.nodes();
        int out = s.channels(outId);
        OpDesc post =
                OpDesc.of("concate_channels", ConvMacroParams.of(out), 1, true)
                        .withParam("out_states", 1);
        OpDesc stem0 = op("unused", new ConvMacroParams(ch0, ch1), 1, path);
        OpDesc stem1 = op("identity", ConvMacroParams.of(ch1), 1, path);
        return new CellDesc(
                k,
                stage.reduces() ? CellType.REDUCTION : CellType.REGULAR,
                new ConvMacroParams(ch1, out),
                stem0,
                stem1,
                nodes,
                nodes.stream().map(n -> n.conv().chOut()).toList(),
                post,
                out,
                k);
    }

    /** The op parameters of repeat {@code r} of {@code b}: its params, then its cycled ones. */
    private static Map<String, Object> params(ManualModel.Block b, int r) {
        Map<String, Object> p = new LinkedHashMap<>(b.params());
        b.cycle().forEach((k, values) -> p.put(k, values.get(r % values.size())));
        return p;
    }

    private OpDesc withParams(OpDesc op, Map<String, Object> params, String path) {
        try {
            return op.withParams(params);
        } catch (IllegalArgumentException e) {
            throw new ConfException(model.source() + ": " + path + ".params: " + e.getMessage(), e);
        }
    }

    /** An affine op, refused with {@code path} when the registry does not know its name. */
    private OpDesc op(String name, ConvMacroParams conv, int stride, String path) {
        if (!registry.contains(name)) {
            throw new ConfException(
                    model.source()
                            + ": "
                            + path
                            + " = '"
                            + name
                            + "' is not a registered op; `nas ops` lists them.");
        }
        return OpDesc.of(name, conv, stride, true);
    }
}
