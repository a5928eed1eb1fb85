package org.nas4j.algos.petridish;

import com.google.gson.annotations.SerializedName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.result.ResultJson;

/**
 * The state of a Petridish search, saved as {@code pool.json} ({@code nas4j.petridish_pool}) after
 * every change, written atomically: the trained models, how often each was a parent, the children
 * of the round under way and the children that failed. A search started again on the same directory
 * reloads it and goes on where it stopped.
 */
public final class Pool {
    /** The file's name in the experiment directory. */
    public static final String FILE = "pool.json";

    /** The document's format tag. */
    public static final String FORMAT = "nas4j.petridish_pool";

    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    /**
     * A child being grown: its id, its parent and the seed of its trials.
     *
     * @param id the child's id
     * @param parent the model it grows from
     * @param seed {@code common.seed} of its trials
     */
    public record Child(
            @SerializedName("id") String id,
            @SerializedName("parent") String parent,
            @SerializedName("seed") long seed) {}

    /**
     * A model that could not be trained.
     *
     * @param id its id
     * @param parent its parent, null for a seed
     * @param message why
     */
    public record Failure(
            @SerializedName("id") String id,
            @SerializedName("parent") String parent,
            @SerializedName("message") String message) {}

    /** The saved form. */
    record State(
            @SerializedName("round") int round,
            @SerializedName("next_child") int nextChild,
            @SerializedName("seeded") boolean seeded,
            @SerializedName("models") List<PoolModel> models,
            @SerializedName("chosen") Map<String, Integer> chosen,
            @SerializedName("pending") List<Child> pending,
            @SerializedName("failed") List<Failure> failed) {}

    private final Path file;
    int round;
    int nextChild;
    boolean seeded;
    final List<PoolModel> models = new ArrayList<>();
    final Map<String, Integer> chosen = new LinkedHashMap<>();
    final List<Child> pending = new ArrayList<>();
    final List<Failure> failed = new ArrayList<>();

    private Pool(Path file) {
        this.file = file;
    }

    /** The pool saved in {@code dir}, or a new empty one. */
    public static Pool open(Path dir) {
        Pool p = new Pool(dir.resolve(FILE));
        if (Files.isRegularFile(p.file)) {
            State s = ResultJson.load(p.file, FORMAT, List.of(VERSION), State.class);
            p.round = s.round();
            p.nextChild = s.nextChild();
            p.seeded = s.seeded();
            p.models.addAll(s.models() == null ? List.of() : s.models());
            p.chosen.putAll(s.chosen() == null ? Map.of() : s.chosen());
            p.pending.addAll(s.pending() == null ? List.of() : s.pending());
            p.failed.addAll(s.failed() == null ? List.of() : s.failed());
        }
        return p;
    }

    /** Writes the pool atomically. */
    public void save() {
        ResultJson.save(
                file,
                new State(round, nextChild, seeded, models, chosen, pending, failed),
                FORMAT,
                VERSION);
    }

    /** The trained models, in the order they joined. */
    public List<PoolModel> models() {
        return List.copyOf(models);
    }

    /** The children that could not be trained. */
    public List<Failure> failed() {
        return List.copyOf(failed);
    }

    /** The model called {@code id}, or null. */
    public PoolModel model(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    /** The models' {@code {macs, error}} points, in pool order. */
    public List<double[]> points() {
        return models.stream().map(PoolModel::point).toList();
    }

    /** The largest multiply-add count in the pool, 0 when it is empty. */
    public long maxMacs() {
        return models.stream().mapToLong(PoolModel::macs).max().orElse(0);
    }
}
