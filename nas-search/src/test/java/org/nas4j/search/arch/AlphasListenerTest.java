package org.nas4j.search.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;
import org.nas4j.core.io.Json;

class AlphasListenerTest {
    @TempDir Path tmp;

    private static final List<String> PRIMS = List.of("max_pool_3x3", "skip_connect", "none");

    private static AlphasListener listener(Path file, float[] value) {
        return new AlphasListener(
                file,
                PRIMS,
                () -> {
                    Map<String, float[]> m = new LinkedHashMap<>();
                    m.put("cell0.node0.edge0.alphas", value);
                    m.put("cell0.node0.edge1.alphas", new float[] {0f, 0f, 0f});
                    return m;
                });
    }

    private static JsonObject line(Path file, int i) throws IOException {
        return Json.gson().fromJson(Files.readAllLines(file).get(i), JsonObject.class);
    }

    @Test
    void writesOneLinePerEpochWithRawValuesAndPrimitives() throws IOException {
        Path file = tmp.resolve("search/alphas.jsonl");
        float[] v = {0.5f, -1.25f, 2f};
        AlphasListener l = listener(file, v);
        l.write(0);
        v[0] = 3f;
        l.write(1);
        assertEquals(2, Files.readAllLines(file).size());
        JsonObject first = line(file, 0);
        assertEquals(0, first.get("epoch").getAsInt());
        assertEquals(PRIMS.size(), first.getAsJsonArray("primitives").size());
        assertEquals("max_pool_3x3", first.getAsJsonArray("primitives").get(0).getAsString());
        JsonArray a = first.getAsJsonObject("alphas").getAsJsonArray("cell0.node0.edge0.alphas");
        assertEquals(0.5, a.get(0).getAsDouble(), 0);
        assertEquals(-1.25, a.get(1).getAsDouble(), 0);
        assertEquals(
                3.0,
                line(file, 1)
                        .getAsJsonObject("alphas")
                        .getAsJsonArray("cell0.node0.edge0.alphas")
                        .get(0)
                        .getAsDouble(),
                0);
    }

    @Test
    void rewritingAnEpochReplacesItAndDropsLaterOnes() throws IOException {
        Path file = tmp.resolve("alphas.jsonl");
        float[] v = {1f, 2f, 3f};
        AlphasListener l = listener(file, v);
        for (int e = 0; e < 3; e++) {
            l.write(e);
        }
        v[0] = 9f;
        l.write(1); // a run resumed after epoch 0 redoes epoch 1
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals(0, line(file, 0).get("epoch").getAsInt());
        assertEquals(1, line(file, 1).get("epoch").getAsInt());
        assertEquals(
                9.0,
                line(file, 1)
                        .getAsJsonObject("alphas")
                        .getAsJsonArray("cell0.node0.edge0.alphas")
                        .get(0)
                        .getAsDouble(),
                0);
    }

    @Test
    void aForeignLineIsRefusedNamingTheFileAndLine() throws IOException {
        Path file = tmp.resolve("alphas.jsonl");
        Files.writeString(file, "{\"epoch\": 0}\nnot json\n");
        NasException e =
                assertThrows(NasException.class, () -> listener(file, new float[3]).write(1));
        assertTrue(e.getMessage().contains("Line 2 of " + file), e.getMessage());
    }
}
