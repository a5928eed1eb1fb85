package org.nas4j.trials;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;

/**
 * {@code trials.jsonl}: one JSON line per trial of a sweep with its latest state ({@code trial},
 * {@code status}, {@code attempts}, {@code exit_code}, {@code wall_s}, {@code message}, {@code
 * exp_dir}, {@code args}, {@code result}), rewritten atomically at every change. A sweep run again
 * on the same directory reads it and skips the trials already {@code ok}.
 */
public final class Ledger {
    /** The ledger's file name inside a sweep directory. */
    public static final String FILE = "trials.jsonl";

    /** Status of a trial that is running now. */
    public static final String RUNNING = "running";

    private final Path file;
    private final Map<String, Map<String, Object>> lines = new LinkedHashMap<>();

    private Ledger(Path file) {
        this.file = file;
    }

    /** The ledger of {@code sweepDir}, with the lines it already holds. */
    public static Ledger open(Path sweepDir) {
        Ledger l = new Ledger(sweepDir.resolve(FILE));
        if (Files.isRegularFile(l.file)) {
            try {
                int n = 0;
                for (String line : Files.readAllLines(l.file, StandardCharsets.UTF_8)) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = Json.gson().fromJson(o, LinkedHashMap.class);
                        l.lines.put(o.get("trial").getAsString(), m);
                    } catch (RuntimeException e) {
                        throw new NasException(
                                l.file
                                        + " line "
                                        + n
                                        + " is not a trial record: "
                                        + e.getMessage()
                                        + "; delete the line (its trial will run again).");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + l.file, e);
            }
        }
        return l;
    }

    /** Whether {@code id} finished with status ok in an earlier run. */
    public synchronized boolean isDone(String id) {
        Map<String, Object> m = lines.get(id);
        return m != null && TrialResult.OK.equals(m.get("status"));
    }

    /** Records that {@code trial} has started (again). */
    public synchronized void started(Trial trial) {
        Map<String, Object> m = lines.computeIfAbsent(trial.id(), k -> new LinkedHashMap<>());
        m.put("trial", trial.id());
        m.put("status", RUNNING);
        m.put("exp_dir", trial.expDir());
        m.put("args", trial.args());
        write();
    }

    /** Records the outcome of {@code trial}. */
    public synchronized void finished(Trial trial, TrialResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", trial.id());
        m.put("status", r.status());
        m.put("attempts", r.attempts());
        m.put("exit_code", r.exitCode());
        m.put("wall_s", r.wallSeconds());
        m.put("message", r.message());
        m.put("exp_dir", trial.expDir());
        m.put("args", trial.args());
        m.put("result", r.summary());
        lines.put(trial.id(), m);
        write();
    }

    /** The recorded lines, by trial id. */
    public synchronized Map<String, Map<String, Object>> lines() {
        return new LinkedHashMap<>(lines);
    }

    private void write() {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> m : lines.values()) {
            sb.append(Json.toLine(m)).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** The trials of {@code all} not yet done. */
    public List<Trial> missing(List<Trial> all) {
        return all.stream().filter(t -> !isDone(t.id())).toList();
    }
}
