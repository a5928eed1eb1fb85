package org.nas4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir Path dir;

    @Test
    void capturesSeedArgsAndVersionsAndWritesValidJson() throws IOException {
        List<String> args = List.of("search", "--algo", "darts");
        Provenance p = Provenance.capture(args, List.of("confs/algos/darts_toy.yaml"), 42L);
        assertEquals(42L, p.seed());
        assertEquals("0.35.1", p.djlVersion());
        assertEquals(System.getProperty("java.version"), p.javaVersion().split(" ")[0]);
        assertFalse(p.gitCommit().isBlank());
        assertTrue(List.of("clean", "dirty", "unknown").contains(p.gitState()), p.gitState());
        Instant.parse(p.startTime());

        Path file = dir.resolve("search/provenance.json");
        p.write(file);
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(42L, json.get("seed").getAsLong());
        assertEquals("darts", json.getAsJsonArray("args").get(2).getAsString());
        assertEquals(
                "confs/algos/darts_toy.yaml",
                json.getAsJsonArray("confPaths").get(0).getAsString());
        assertEquals(p.hostname(), json.get("hostname").getAsString());
        // nas-core's tests have no PyTorch natives on the class path
        assertEquals("unknown", json.get("libtorch").getAsString());
        assertFalse(json.has("device"), "a phase sets the device");
        assertEquals("gpu:0 (1 GPU found)", p.withDevice("gpu:0 (1 GPU found)").device());
    }

    @Test
    void gitCommitIsAHashInsideARepository() {
        Provenance p = Provenance.capture(List.of(), List.of(), 0L);
        // tests run inside the nas4j checkout; elsewhere capture says "unknown"
        assertTrue(
                p.gitCommit().matches("[0-9a-f]{40}") || p.gitCommit().equals("unknown"),
                p.gitCommit());
    }
}
