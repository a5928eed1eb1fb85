package org.nas4j.core.desc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.DescFormatException;

class DescJsonTest {

    @Test
    void jsonRoundTripGivesAnEqualDesc() {
        ModelDesc d = DescFixtures.small();
        assertEquals(d, DescJson.fromJson(DescJson.toJson(d), "mem"));
    }

    @Test
    void saveAndLoadRoundTripThroughAFile(@TempDir Path dir) throws IOException {
        ModelDesc d = DescFixtures.small();
        Path file = dir.resolve("sub/final.json");
        DescJson.save(d, file);
        assertEquals(d, DescJson.load(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temp file is left behind");
        }
    }

    @Test
    void documentCarriesFormatVersionAndSnakeCaseNames() {
        JsonObject doc = JsonParser.parseString(DescJson.toJson(DescFixtures.small())).getAsJsonObject();
        assertEquals("nas4j.model_desc", doc.get("format").getAsString());
        assertEquals(1, doc.get("version").getAsInt());
        JsonObject cell = doc.getAsJsonObject("model").getAsJsonArray("cells").get(1).getAsJsonObject();
        assertEquals("reduction", cell.get("cell_type").getAsString());
        assertEquals(1, cell.get("trainables_from").getAsInt());
        assertTrue(cell.has("node_channels") && cell.has("out_channels") && cell.has("ch_in"));
        JsonObject op = cell.getAsJsonArray("nodes").get(0).getAsJsonObject()
                .getAsJsonArray("edges").get(0).getAsJsonObject().getAsJsonObject("op");
        assertEquals(3, op.getAsJsonObject("params").get("kernel").getAsJsonPrimitive().getAsNumber().intValue());
        assertEquals("3", op.getAsJsonObject("params").get("kernel").toString(), "integral numbers without .0");
        assertTrue(op.has("in_len"));
    }

    @Test
    void goldenVersion1FileStillLoads() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/golden/model_desc_v1.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(DescFixtures.small(), DescJson.fromJson(text, "model_desc_v1.json"));
    }

    @Test
    void refusesTextThatIsNotJson() {
        String msg = fail("{\"format\": ", "final.json");
        assertTrue(msg.startsWith("final.json is not valid JSON"), msg);
        assertTrue(fail("", "e.json").contains("e.json is empty"));
    }

    @Test
    void refusesAnUnknownFormat() {
        String msg = failMutated(doc -> doc.addProperty("format", "keras.model"));
        assertContains(msg, "final.json: $.format = \"keras.model\" is not \"nas4j.model_desc\"");
    }

    @Test
    void refusesANewerVersionNamingTheSupportedOnes() {
        String msg = failMutated(doc -> doc.addProperty("version", 2));
        assertContains(msg, "$.version = 2 is not supported");
        assertContains(msg, "supported versions: 1");
        assertContains(msg, "newer nas4j");
    }

    @Test
    void refusesAMissingField() {
        String msg = failMutated(doc -> cell(doc, 0).remove("out_channels"));
        assertContains(msg, "final.json: $.model.cells[0] has no field 'out_channels'");
        msg = failMutated(doc -> model(doc).remove("cells"));
        assertContains(msg, "$.model has no field 'cells'");
    }

    @Test
    void refusesAWrongType() {
        String msg = failMutated(doc -> model(doc).addProperty("n_classes", "ten"));
        assertContains(msg, "$.model.n_classes = \"ten\" is a string; expected an integer >= 1.");
        msg = failMutated(doc -> cell(doc, 1).getAsJsonObject("stem0").addProperty("affine", 1));
        assertContains(msg, "$.model.cells[1].stem0.affine = 1 is a number; expected true or false.");
        msg = failMutated(doc -> model(doc).addProperty("n_classes", 2.5));
        assertContains(msg, "$.model.n_classes = 2.5 is not an integer");
        msg = failMutated(doc -> cell(doc, 0).addProperty("cell_type", "normal"));
        assertContains(msg, "$.model.cells[0].cell_type = \"normal\" is not a cell type");
    }

    @Test
    void refusesAnUnknownField() {
        String msg = failMutated(doc -> cell(doc, 2).addProperty("trainable_from", 0));
        assertContains(msg, "$.model.cells[2].trainable_from is not a known field");
    }

    @Test
    void refusesAnInputIdOutOfRange() {
        String msg = failMutated(doc -> inputIds(doc, 2, 1, 0).set(0, num(5)));
        assertContains(
                msg,
                "final.json: $.model.cells[2].nodes[1].edges[0].input_ids[0] = 5 points to a state"
                        + " that does not exist or comes later (valid: 0..2");
        msg = failMutated(doc -> inputIds(doc, 0, 0, 1).set(0, num(-1)));
        assertContains(msg, "$.model.cells[0].nodes[0].edges[1].input_ids[0] = -1 points to");
    }

    @Test
    void refusesAForwardInputAndACycle() {
        String msg = failMutated(doc -> inputIds(doc, 0, 0, 0).set(0, num(3)));
        assertContains(msg, "$.model.cells[0].nodes[0].edges[0].input_ids[0] = 3 points to a state that does not exist or comes later (valid: 0..1");
        msg = failMutated(doc -> inputIds(doc, 0, 1, 1).set(0, num(3)));
        assertContains(msg, "$.model.cells[0].nodes[1].edges[1].input_ids[0] = 3 points to");
        assertContains(msg, "closes a cycle");
    }

    @Test
    void refusesNodeChannelsThatDoNotMatchTheStems() {
        String msg = failMutated(doc -> node(doc, 0, 1).addProperty("ch_in", 7));
        assertContains(msg, "$.model.cells[0].nodes[1].ch_in = 7 does not match the stems' output channels 4");
        msg = failMutated(doc -> cell(doc, 0).getAsJsonObject("stem1").addProperty("ch_out", 5));
        assertContains(msg, "$.model.cells[0].stem1.ch_out = 5 differs from stem0.ch_out = 4");
    }

    @Test
    void refusesACellStemThatReadsTheWrongChannels() {
        String msg = failMutated(doc -> cell(doc, 2).getAsJsonObject("stem0").addProperty("ch_in", 16));
        assertContains(msg, "$.model.cells[2].stem0.ch_in = 16 does not match the 8 output channels of cell 0");
        msg = failMutated(doc -> cell(doc, 1).getAsJsonObject("stem0").addProperty("ch_in", 8));
        assertContains(msg, "$.model.cells[1].stem0.ch_in = 8 does not match the 12 output channels of model stem 1");
        msg = failMutated(doc -> cell(doc, 0).getAsJsonObject("stem0").addProperty("ch_in", 3));
        assertContains(msg, "$.model.cells[0].stem0.ch_in = 3 does not match the 12 output channels of model stem 0");
        msg = failMutated(doc -> cell(doc, 0).getAsJsonObject("stem1").addProperty("ch_in", 3));
        assertContains(msg, "$.model.cells[0].stem1.ch_in = 3 does not match the 12 output channels of model stem 1");
        msg = failMutated(doc -> cell(doc, 2).getAsJsonObject("stem1").addProperty("ch_in", 8));
        assertContains(msg, "$.model.cells[2].stem1.ch_in = 8 does not match the 16 output channels of cell 1");
    }

    @Test
    void refusesAuxTowersOfTheWrongLength() {
        String msg = failMutated(doc -> model(doc).getAsJsonArray("aux_towers").remove(2));
        assertContains(msg, "$.model.aux_towers has 2 entries but the model has 3 cells");
    }

    @Test
    void refusesLogitsThatDoNotMatchTheClasses() {
        String msg = failMutated(doc -> model(doc).getAsJsonObject("logits_op").addProperty("ch_out", 9));
        assertContains(msg, "$.model.logits_op.ch_out = 9 differs from $.model.n_classes = 10");
    }

    @Test
    void refusesSharingWeightsWithACellOfAnotherType() {
        String msg = failMutated(doc -> cell(doc, 2).addProperty("trainables_from", 1));
        assertContains(msg, "$.model.cells[2].trainables_from = 1 names a cell of another type");
    }

    @Test
    void validatorNamesTheSourceForBuiltDescs() {
        ModelDesc bad = DescFixtures.small().withAuxTowers(java.util.List.of());
        DescFormatException e =
                assertThrows(DescFormatException.class, () -> DescValidator.validate(bad, "built desc"));
        assertTrue(e.getMessage().startsWith("built desc: $.model.aux_towers"), e.getMessage());
    }

    // --- helpers: mutate the saved document and return the refusal message ---

    private static String failMutated(Consumer<JsonObject> mutation) {
        JsonObject doc = JsonParser.parseString(DescJson.toJson(DescFixtures.small())).getAsJsonObject();
        mutation.accept(doc);
        return fail(doc.toString(), "final.json");
    }

    private static String fail(String json, String source) {
        return assertThrows(DescFormatException.class, () -> DescJson.fromJson(json, source))
                .getMessage();
    }

    private static JsonObject model(JsonObject doc) {
        return doc.getAsJsonObject("model");
    }

    private static JsonObject cell(JsonObject doc, int k) {
        return model(doc).getAsJsonArray("cells").get(k).getAsJsonObject();
    }

    private static JsonObject node(JsonObject doc, int k, int n) {
        return cell(doc, k).getAsJsonArray("nodes").get(n).getAsJsonObject();
    }

    private static JsonArray inputIds(JsonObject doc, int k, int n, int e) {
        return node(doc, k, n).getAsJsonArray("edges").get(e).getAsJsonObject().getAsJsonArray("input_ids");
    }

    private static JsonElement num(int v) {
        return new com.google.gson.JsonPrimitive(v);
    }

    private static void assertContains(String msg, String part) {
        assertTrue(msg.contains(part), () -> "expected <" + part + "> in: " + msg);
    }
}
