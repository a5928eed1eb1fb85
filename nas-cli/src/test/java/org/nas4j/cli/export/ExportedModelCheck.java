package org.nas4j.cli.export;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.Json;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;

/**
 * A plain DJL program, run in a fresh JVM by {@link ModelExporterTest}: loads an exported model the
 * way its README says and prints its test top-1 on the dataset named in export.json.
 */
public final class ExportedModelCheck {
    private ExportedModelCheck() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        JsonObject facts =
                JsonParser.parseString(Files.readString(dir.resolve("export.json")))
                        .getAsJsonObject();
        @SuppressWarnings("unchecked")
        Map<String, Object> dataset = Json.gson().fromJson(facts.get("dataset"), Map.class);
        long seed = facts.get("seed").getAsLong();
        String name = facts.get("model_name").getAsString();
        ModelDesc desc = DescJson.load(dir.resolve("model_desc.json"));
        try (Model model = Model.newInstance(name);
                NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(new ModelBlock(desc, Algorithms.installed().opRegistry()));
            model.load(dir, name);
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                double top1 =
                        TestSetAccuracy.top1(manager, dataset, seed, x -> predict(predictor, x));
                System.out.println("test_top1=" + top1);
            }
        }
    }

    private static NDArray predict(Predictor<NDList, NDList> predictor, NDArray images) {
        try {
            return predictor.predict(new NDList(images)).singletonOrThrow();
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
    }
}
