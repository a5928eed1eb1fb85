package org.nas4j.cli.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The README.md of an exported model directory: what is in it and how to load it. */
final class ExportReadme {
    private ExportReadme() {}

    static String text(Map<String, Object> facts) {
        String name = (String) facts.get("model_name");
        List<?> shape = (List<?>) facts.get("input_shape");
        StringBuilder sb = new StringBuilder();
        sb.append("# nas4j exported model\n\n")
                .append("The evaluated network of the experiment `")
                .append(facts.get("source"))
                .append("`.\n\n")
                .append("| file | holds |\n|---|---|\n")
                .append("| `model_desc.json` | the network's structure (nas4j ModelDesc, format")
                .append(" `nas4j.model_desc` v1) |\n")
                .append("| `")
                .append(facts.get("params_file"))
                .append("` | the weights, in DJL's `Model.save` format |\n")
                .append("| `export.json` | input shape, classes, normalisation, recorded test")
                .append(" accuracy |\n\n");
        sb.append("Input: float32 images `[N, ")
                .append(shape.get(0))
                .append(", ")
                .append(shape.get(1))
                .append(", ")
                .append(shape.get(2))
                .append("]`, pixel values scaled to 0..1, then per channel `(x - mean) / std`");
        if (facts.get("dataset") instanceof Map<?, ?> ds) {
            sb.append(" with mean ")
                    .append(ds.get("mean"))
                    .append(" and std ")
                    .append(ds.get("std"))
                    .append(" (dataset `")
                    .append(ds.get("name"))
                    .append("`)");
        }
        sb.append(". Output: `[N, ")
                .append(facts.get("n_classes"))
                .append("]` logits (argmax = predicted class).");
        if (facts.get("test_top1") instanceof Number top1) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            " The run measured a test top-1 of %.2f%%.",
                            100 * top1.doubleValue()));
        }
        sb.append("\n\n## Loading it with DJL\n\n")
                .append("The op blocks come from nas4j's `nas-ops` jar (with `nas-core`); the rest")
                .append(" is DJL's ordinary API with the PyTorch engine")
                .append(" (`ai.djl:api`, `ai.djl.pytorch:pytorch-engine`).\n\n")
                .append("```java\n")
                .append("Path dir = Path.of(\"this/directory\");\n")
                .append("ModelDesc desc = DescJson.load(dir.resolve(\"model_desc.json\"));\n")
                .append("try (Model model = Model.newInstance(\"")
                .append(name)
                .append("\")) {\n")
                .append("    model.setBlock(new ModelBlock(desc, OpRegistry.standard()));\n")
                .append("    model.load(dir, \"")
                .append(name)
                .append("\");\n")
                .append("    try (Predictor<NDList, NDList> predictor =")
                .append(" model.newPredictor(new NoopTranslator())) {\n")
                .append("        NDArray images = ...; // [N, C, H, W], normalised as above\n")
                .append(
                        "        NDArray logits = predictor.predict(new NDList(images)).singletonOrThrow();\n")
                .append("        NDArray classes = logits.argMax(1);\n")
                .append("    }\n}\n```\n\n")
                .append(
                        "Imports: `ai.djl.Model`, `ai.djl.inference.Predictor`, `ai.djl.ndarray.*`,")
                .append(" `ai.djl.translate.NoopTranslator`, `org.nas4j.core.desc.DescJson`,")
                .append(" `org.nas4j.core.desc.ModelDesc`, `org.nas4j.ops.OpRegistry`,")
                .append(" `org.nas4j.ops.net.ModelBlock`.\n");
        return sb.toString();
    }
}
