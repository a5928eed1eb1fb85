package org.nas4j.algos.petridish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * The {@code nas.search.petridish} section: the seed ranges, the candidate node, the budget and the
 * stopping rule.
 *
 * @param modelFile the model a trial searches or trains (the driver sets it); null when empty
 * @param reductions seed reduction counts, {@code [min, max]}
 * @param cells seed cell counts, {@code [min, max]} (a seed needs {@code cells >= 2 r + 1})
 * @param nodes seed node counts, {@code [min, max]}
 * @param primitives the ops the candidate node weighs
 * @param topK (input, op) pairs a candidate node keeps
 * @param l1 L1 penalty on the candidate weights
 * @param maxModels the search stops when the pool holds this many trained models
 * @param maxMacs the search stops when a model of the pool has this many multiply-adds
 * @param hullEpsilon parents come from models at most this far (in validation error) above the
 *     lower convex hull
 * @param trainEpochs epochs a model of the pool (seed or grown child) trains to be measured
 * @param roundSize children searched at once (0: as many as trials run in parallel)
 */
public record PetridishSpec(
        Path modelFile,
        List<Integer> reductions,
        List<Integer> cells,
        List<Integer> nodes,
        List<String> primitives,
        int topK,
        double l1,
        int maxModels,
        double maxMacs,
        double hullEpsilon,
        int trainEpochs,
        int roundSize) {

    /** The conf section. */
    public static final String SECTION = "nas.search.petridish";

    /** Reads and checks the section of {@code conf}, naming the key and file of a bad value. */
    public static PetridishSpec fromConf(Conf conf) {
        Conf c = conf.child(SECTION);
        String file = c.getString("model_file");
        List<String> prims = c.getStringList("primitives");
        if (prims.stream().allMatch(CandidateEdgeReader.NONE::equals)) {
            throw new ConfException(
                    "Key "
                            + c.where("primitives")
                            + " = "
                            + prims
                            + " has no op but 'none'; list the ops the candidate node weighs.");
        }
        return new PetridishSpec(
                file.isBlank() ? null : Path.of(file),
                range(c, "seeds.reductions", 0),
                range(c, "seeds.cells", 1),
                range(c, "seeds.nodes", 1),
                prims,
                atLeast(c, "top_k", 1, 64),
                nonNegative(c, "l1"),
                atLeast(c, "max_models", 1, 100_000),
                positive(c, "max_macs"),
                nonNegative(c, "hull_epsilon"),
                atLeast(c, "train_epochs", 1, 100_000),
                atLeast(c, "round_size", 0, 10_000));
    }

    /** The (reductions, cells, nodes) of every seed: the ranges' product with cells >= 2r + 1. */
    public List<int[]> seedShapes() {
        List<int[]> out = new ArrayList<>();
        for (int r = reductions.get(0); r <= reductions.get(1); r++) {
            for (int c = cells.get(0); c <= cells.get(1); c++) {
                for (int n = nodes.get(0); n <= nodes.get(1); n++) {
                    if (c >= 2 * r + 1) {
                        out.add(new int[] {r, c, n});
                    }
                }
            }
        }
        return out;
    }

    private static List<Integer> range(Conf c, String key, int min) {
        List<Integer> v = c.getIntList(key);
        if (v.size() != 2 || v.get(0) < min || v.get(1) < v.get(0) || v.get(1) > 64) {
            throw new ConfException(
                    "Key "
                            + c.where(key)
                            + " = "
                            + v
                            + " is not a range [min, max] with "
                            + min
                            + " <= min <= max <= 64.");
        }
        return v;
    }

    private static int atLeast(Conf c, String key, int min, int max) {
        int v = c.getInt(key);
        if (v < min || v > max) {
            throw new ConfException(
                    "Key "
                            + c.where(key)
                            + " = "
                            + v
                            + " is out of range; expected "
                            + min
                            + ".."
                            + max
                            + ".");
        }
        return v;
    }

    private static double nonNegative(Conf c, String key) {
        double v = c.getDouble(key);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfException(
                    "Key "
                            + c.where(key)
                            + " = "
                            + v
                            + " is out of range; expected a finite"
                            + " value >= 0.");
        }
        return v;
    }

    private static double positive(Conf c, String key) {
        double v = nonNegative(c, key);
        if (v == 0) {
            throw new ConfException("Key " + c.where(key) + " = 0; expected a positive value.");
        }
        return v;
    }
}
