package org.nas4j.core.archai;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.io.TextFiles;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads an Archai {@code final_model_desc.yaml} into a {@link ModelDesc}, and checks the result
 * with {@link DescValidator} before returning it.
 *
 * <p>Archai does not record the input image size, so the caller gives it (32 for CIFAR, 28 for
 * (Fashion-)MNIST). Errors name the file and the YAML path of the bad or missing field.
 *
 * <p>The three layouts Archai's {@code model_desc.py} has pickled are read:
 *
 * <ul>
 *   <li>2020-04: model stems {@code stem0_op}/{@code stem1_op}, cell stems {@code s0_op}/{@code
 *       s1_op}, {@code alphas_from}, node channels in the cell's {@code conv_params};
 *   <li>2020-07: model stems as the list {@code model_stems}, otherwise as 2020-04;
 *   <li>2020-10 on: cell stems as the list {@code stems}, {@code trainables_from}, each node's own
 *       {@code conv_params}, the cell's channels in {@code out_shape}.
 * </ul>
 *
 * <p>In every layout the final linear layer's params are {@code {n_ch, n_classes}} (no {@code conv}
 * entry); they become the op's input and output channels.
 */
public final class ArchaiImporter {
    private final String source;

    private ArchaiImporter(String source) {
        this.source = source;
    }

    /** Imports the file at {@code path} for inputs of {@code imgSize} x {@code imgSize}. */
    public static ModelDesc importFile(Path path, int imgSize) {
        String text = TextFiles.read(path, "Archai desc");
        return importYaml(text, path.toString(), imgSize);
    }

    /** Imports YAML text; {@code source} names it in error messages. */
    public static ModelDesc importYaml(String yamlText, String source, int imgSize) {
        Object root;
        try {
            LoaderOptions options = PlainDataConstructor.options();
            DumperOptions dump = new DumperOptions();
            root =
                    new Yaml(
                                    new PlainDataConstructor(options),
                                    new Representer(dump),
                                    dump,
                                    options)
                            .load(yamlText);
        } catch (YAMLException e) {
            throw new DescFormatException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        ModelDesc desc = new ArchaiImporter(source).model(new YamlPath(root, "$", source), imgSize);
        // An import that succeeds must give a desc every other command accepts.
        DescValidator.validate(desc, "the desc imported from " + source);
        return desc;
    }

    private ModelDesc model(YamlPath m, int imgSize) {
        List<OpDesc> stems = new ArrayList<>();
        for (YamlPath s : m.has("model_stems") ? m.get("model_stems").list() : oldStems(m)) {
            stems.add(op(s));
        }
        YamlPath cellsNode = m.has("_cell_descs") ? m.get("_cell_descs") : m.get("cell_descs");
        List<CellDesc> cells = new ArrayList<>();
        for (YamlPath c : cellsNode.list()) {
            cells.add(cell(c));
        }
        List<AuxTowerDesc> aux = new ArrayList<>();
        if (m.has("aux_tower_descs")) {
            for (YamlPath a : m.get("aux_tower_descs").list()) {
                aux.add(
                        a.isNull()
                                ? null
                                : new AuxTowerDesc(
                                        a.get("ch_in").integer(),
                                        a.get("n_classes").integer(),
                                        a.get("stride").integer()));
            }
        } else {
            cells.forEach(c -> aux.add(null));
        }
        int nClasses = m.get("n_classes").integer();
        int channels = m.get("ds_ch").integer();
        return new ModelDesc(
                stems,
                cells,
                aux,
                op(m.get("pool_op")),
                op(m.get("logits_op")),
                nClasses,
                List.of(channels, imgSize, imgSize),
                Map.of("imported_from", "archai"));
    }

    private CellDesc cell(YamlPath c) {
        int id = c.get("id").integer();
        String type = c.get("cell_type").firstScalar().toLowerCase();
        CellType cellType =
                switch (type) {
                    case "regular" -> CellType.REGULAR;
                    case "reduction" -> CellType.REDUCTION;
                    default ->
                            throw c.get("cell_type")
                                    .error("is '" + type + "'; expected regular or reduction");
                };
        if (!c.has("stems") && !c.has("s0_op")) {
            throw c.missing("stems");
        }
        // before 2020-10 a cell's two stems were the fields s0_op and s1_op
        List<YamlPath> stemNodes =
                c.has("stems") ? c.get("stems").list() : List.of(c.get("s0_op"), c.get("s1_op"));
        if (stemNodes.size() != 2) {
            throw c.get("stems").error("has " + stemNodes.size() + " stems; a cell has exactly 2");
        }
        OpDesc s0 = op(stemNodes.get(0));
        OpDesc s1 = op(stemNodes.get(1));
        YamlPath nodesNode = c.has("_nodes") ? c.get("_nodes") : c.get("nodes");
        List<NodeDesc> nodes = new ArrayList<>();
        List<Integer> nodeCh = new ArrayList<>();
        for (YamlPath n : nodesNode.list()) {
            // before 2020-10 all nodes of a cell shared the cell's conv_params
            ConvMacroParams conv =
                    conv(n.has("conv_params") ? n.get("conv_params") : c.get("conv_params"));
            List<EdgeDesc> edges = new ArrayList<>();
            for (YamlPath e : n.get("edges").list()) {
                List<Integer> ins = new ArrayList<>();
                for (YamlPath i : e.get("input_ids").list()) {
                    ins.add(i.integer());
                }
                edges.add(new EdgeDesc(op(e.get("op_desc")), ins));
            }
            nodes.add(new NodeDesc(edges, conv));
            nodeCh.add(conv.chOut());
        }
        OpDesc post = op(c.get("post_op"));
        int out;
        if (c.has("out_shape")) {
            out = c.get("out_shape").list().get(0).integer();
        } else if (c.has("cell_ch_out")) {
            out = c.get("cell_ch_out").integer();
        } else {
            out = post.conv().chOut();
        }
        int nodeChannels = s1.conv().chOut();
        int from = id;
        if (c.has("trainables_from")) {
            from = c.get("trainables_from").integer();
        } else if (c.has("alphas_from")) {
            from = c.get("alphas_from").integer();
        }
        return new CellDesc(
                id,
                cellType,
                new ConvMacroParams(nodeChannels, out),
                s0,
                s1,
                nodes,
                nodeCh,
                post,
                out,
                from);
    }

    /** The two model stems of the 2020-04 layout, which had no {@code model_stems} list. */
    private static List<YamlPath> oldStems(YamlPath m) {
        if (!m.has("stem0_op") && !m.has("stem1_op")) {
            // name the field of the current layout: that is the one a user should look for
            throw m.missing("model_stems");
        }
        return List.of(m.get("stem0_op"), m.get("stem1_op"));
    }

    private OpDesc op(YamlPath o) {
        String name = o.get("name").scalar();
        YamlPath params = o.get("params");
        ConvMacroParams conv = ConvMacroParams.of(0);
        List<String> consumed = List.of("conv", "stride", "affine");
        if (params.has("conv")) {
            conv = conv(params.get("conv"));
        } else if (params.has("n_ch") && params.has("n_classes")) {
            // Archai's linear op: nn.Linear(n_ch, n_classes)
            conv =
                    new ConvMacroParams(
                            params.get("n_ch").integer(), params.get("n_classes").integer());
            consumed = List.of("n_ch", "n_classes", "stride", "affine");
        }
        int stride = params.has("stride") ? params.get("stride").integer() : 1;
        boolean affine =
                params.has("affine") && Boolean.parseBoolean(params.get("affine").scalar());
        int inLen = o.has("in_len") ? o.get("in_len").integer() : 1;
        OpDesc desc =
                new OpDesc(
                        name, conv, stride, affine, inLen, Map.of(), List.of(), List.of(),
                        Map.of());
        for (String key : params.keys()) {
            YamlPath v = params.get(key);
            if (!consumed.contains(key) && v.isPlainValue()) {
                desc = desc.withParam(key, v.plainValue());
            }
        }
        if (o.has("children") && !o.get("children").isNull()) {
            List<OpDesc> children = new ArrayList<>();
            for (YamlPath ch : o.get("children").list()) {
                children.add(op(ch));
            }
            List<List<Integer>> ins = new ArrayList<>();
            if (o.has("children_ins") && !o.get("children_ins").isNull()) {
                for (YamlPath ci : o.get("children_ins").list()) {
                    ins.add(
                            ci.isList()
                                    ? ci.list().stream().map(YamlPath::integer).toList()
                                    : List.of(ci.integer()));
                }
            }
            desc = desc.withChildren(children, ins);
        }
        return desc;
    }

    private static ConvMacroParams conv(YamlPath c) {
        return new ConvMacroParams(c.get("ch_in").integer(), c.get("ch_out").integer());
    }
}
