package org.nas4j.cli.export;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.eval.Evaluater;
import org.nas4j.eval.GenotypeDescs;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the final network of an experiment as a directory a plain DJL program loads.
 *
 * <p>The directory holds {@code model_desc.json} (the network's structure), {@code
 * nas4j-model-0000.params} (its weights in DJL's own {@code Model.save} format), {@code
 * export.json} (input shape, normalisation, the test accuracy the run recorded) and a {@code
 * README.md} showing how to load it:
 *
 * <pre>{@code
 * ModelDesc desc = DescJson.load(dir.resolve("model_desc.json"));
 * try (Model model = Model.newInstance(ModelExporter.MODEL_NAME)) {
 *     model.setBlock(new ModelBlock(desc, Algorithms.installed().opRegistry()));
 *     model.load(dir, ModelExporter.MODEL_NAME);
 *     // model.newPredictor(new NoopTranslator()).predict(new NDList(images)) gives the logits
 * }
 * }</pre>
 */
public final class ModelExporter {
    /** The DJL model name, and the prefix of the parameter file. */
    public static final String MODEL_NAME = "nas4j-model";

    /** Format tag of {@code export.json}. */
    public static final String FORMAT = "nas4j.export";

    /** Version of {@code export.json}. */
    public static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ModelExporter.class);

    private ModelExporter() {}

    /**
     * Writes the export of {@code expDir}'s eval network into {@code outDir}.
     *
     * @return the facts written to {@code export.json}
     * @throws NasException when the experiment has no evaluated network (no {@code
     *     eval/full_model_desc.json} or {@code eval/model.params}) or the weights do not fit it
     */
    public static Map<String, Object> export(Path expDir, Path outDir) {
        PhaseDir eval = ExperimentDir.of(expDir).eval();
        Path descFile = eval.fullDesc();
        Path params = Evaluater.testedWeightsFile(eval); // the weights the recorded test used
        for (Path f : List.of(descFile, params)) {
            if (!Files.isRegularFile(f)) {
                throw new NasException(
                        "Cannot export "
                                + expDir
                                + ": "
                                + f
                                + " does not exist. Export needs a finished eval phase"
                                + " (eval/full_model_desc.json and eval/model.params).");
            }
        }
        ModelDesc desc = DescJson.load(descFile);
        DescJson.save(desc, outDir.resolve("model_desc.json"));
        String paramsFile = saveDjlModel(desc, params, outDir);
        Map<String, Object> facts = facts(expDir, desc, paramsFile);
        Json.write(outDir.resolve("export.json"), facts);
        AtomicFiles.writeString(outDir.resolve("README.md"), ExportReadme.text(facts));
        LOG.info("Exported the eval network of {} to {}", expDir, outDir);
        return facts;
    }

    private static String saveDjlModel(ModelDesc desc, Path params, Path outDir) {
        List<Integer> in = desc.inputShape();
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            ModelBlock block = new ModelBlock(desc, Algorithms.installed().opRegistry());
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, in.get(0), in.get(1), in.get(2)));
            block.loadWeights(params);
            model.setProperty("Epoch", "0");
            model.save(outDir, MODEL_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the DJL model into " + outDir + ": " + e.getMessage(), e);
        }
        return MODEL_NAME + "-0000.params";
    }

    private static Map<String, Object> facts(Path expDir, ModelDesc desc, String paramsFile) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("format", FORMAT);
        f.put("version", VERSION);
        f.put("model_name", MODEL_NAME);
        f.put("desc_file", "model_desc.json");
        f.put("params_file", paramsFile);
        f.put("input_shape", desc.inputShape());
        f.put("n_classes", desc.nClasses());
        Path conf = ExperimentDir.of(expDir).eval().configUsed();
        if (Files.isRegularFile(conf)) {
            Conf c = readConf(conf);
            if (c.has("dataset")) {
                f.put("dataset", c.child("dataset").toMap());
            }
            if (c.has("common.seed")) {
                f.put("seed", c.getLong("common.seed"));
            }
        }
        Double top1 = RecordedResults.testTop1(expDir);
        if (top1 != null) {
            f.put("test_top1", top1);
        }
        Object genotype = desc.params().get(GenotypeDescs.GENOTYPE_PARAM);
        if (genotype != null) {
            f.put("genotype", genotype);
        }
        f.put("source", expDir.toAbsolutePath().normalize().toString());
        return f;
    }

    private static Conf readConf(Path file) {
        try {
            return Conf.fromYaml(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
