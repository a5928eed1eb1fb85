package org.nas4j.algos.petridish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.io.AtomicFiles;

/**
 * What a Petridish search leaves beside its pool: {@code pareto.tsv} (every model by increasing
 * multiply-adds, with its parent and whether it is on the hull or near it) and the gallery {@code
 * hull/<id>.json}, the final desc of each model on the lower convex hull.
 */
public final class PetridishOutputs {
    /** The table's file name. */
    public static final String PARETO = "pareto.tsv";

    /** The gallery's directory. */
    public static final String HULL = "hull";

    private PetridishOutputs() {}

    /** The ids of the models on the pool's lower convex hull, by increasing multiply-adds. */
    public static List<String> hullIds(Pool pool) {
        List<PoolModel> models = pool.models();
        return new Hull(pool.points()).vertices().stream().map(i -> models.get(i).id()).toList();
    }

    /**
     * Writes {@code pareto.tsv} and {@code hull/} into {@code exp}.
     *
     * @param epsilon how far above the hull a model counts as near it
     */
    public static void write(Path exp, Pool pool, double epsilon) {
        List<PoolModel> models = pool.models();
        Hull hull = new Hull(pool.points());
        List<Integer> near = hull.near(epsilon);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> models.get(i).macs()));
        StringBuilder tsv =
                new StringBuilder(
                        "id\tparent\treductions\tcells\tnodes\tmacs\tparams\tval_top1\tval_error"
                                + "\ton_hull\tnear_hull\tdesc\n");
        for (int i : order) {
            PoolModel m = models.get(i);
            tsv.append(
                    String.format(
                            Locale.ROOT,
                            "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.6f\t%.6f\t%b\t%b\t%s%n",
                            m.id(),
                            m.parent() == null ? "-" : m.parent(),
                            m.reductions(),
                            m.cells(),
                            m.nodes(),
                            m.macs(),
                            m.params(),
                            m.valTop1(),
                            m.error(),
                            hull.vertices().contains(i),
                            near.contains(i),
                            m.desc()));
        }
        AtomicFiles.writeString(exp.resolve(PARETO), tsv.toString());
        for (int i : hull.vertices()) {
            PoolModel m = models.get(i);
            DescJson.save(
                    DescJson.load(exp.resolve(m.desc())),
                    exp.resolve(HULL).resolve(m.id() + ".json"));
        }
    }
}
