package org.nas4j.search.arch;

import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nas4j.core.NasException;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.train.EpochMetrics;
import org.nas4j.train.TrainListener;
import org.nas4j.train.Trainer;
import org.nas4j.train.optim.NamedParams;

/**
 * Appends the architecture weights to {@code alphas.jsonl} after every epoch, one JSON line per
 * epoch: {@code {"epoch": 0, "primitives": ["max_pool_3x3", ...], "alphas":
 * {"cell0.node0.edge0.alphas": [...], ...}}}, raw values (before any softmax) under their keys.
 *
 * <p>The file is rewritten atomically each time from its lines of earlier epochs plus the new one,
 * so a run resumed after epoch {@code e} replaces any line of epoch {@code e} or later instead of
 * duplicating it.
 */
public final class AlphasListener implements TrainListener {
    private final Path file;
    private final List<String> primitives;
    private final Supplier<Map<String, float[]>> alphas;

    /**
     * @param file the {@code alphas.jsonl} to write
     * @param primitives the primitive names the values are ordered by (a mixed op's primitives)
     * @param alphas the current values by key, read on the training thread after each epoch
     */
    public AlphasListener(
            Path file, List<String> primitives, Supplier<Map<String, float[]>> alphas) {
        this.file = file;
        this.primitives = List.copyOf(primitives);
        this.alphas = alphas;
    }

    /** A supplier of host copies of {@code params}' values, by name. */
    public static Supplier<Map<String, float[]>> valuesOf(NamedParams params) {
        return () -> {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.get(i);
                out.put(
                        params.name(i),
                        p.getArray().toType(DataType.FLOAT32, false).toFloatArray());
            }
            return out;
        };
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
        write(metrics.epoch());
    }

    /** Rewrites the file with the lines of epochs before {@code epoch} and a line for it. */
    public void write(int epoch) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("epoch", epoch);
        line.put("primitives", primitives);
        line.put("alphas", alphas.get());
        StringBuilder text = new StringBuilder();
        for (String kept : earlierLines(epoch)) {
            text.append(kept).append('\n');
        }
        text.append(Json.toLine(line)).append('\n');
        AtomicFiles.writeString(file, text.toString());
    }

    private List<String> earlierLines(int epoch) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            if (epochOf(l, i + 1) < epoch) {
                kept.add(l);
            }
        }
        return kept;
    }

    private int epochOf(String line, int lineNo) {
        try {
            JsonObject o = Json.gson().fromJson(line, JsonObject.class);
            JsonElement e = o == null ? null : o.get("epoch");
            if (e == null || !e.isJsonPrimitive()) {
                throw new JsonParseException("no \"epoch\" number");
            }
            return e.getAsInt();
        } catch (RuntimeException e) {
            throw new NasException(
                    "Line "
                            + lineNo
                            + " of "
                            + file
                            + " is not an alphas record with an \"epoch\" ("
                            + e.getMessage()
                            + "); move the file away or delete it to start a fresh one.",
                    e);
        }
    }
}
