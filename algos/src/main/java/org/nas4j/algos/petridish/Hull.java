package org.nas4j.algos.petridish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lower convex hull of (multiply-adds, validation error) points, as far as it goes down: from
 * the smallest model to the most accurate one (a larger model that is also worse is never on it,
 * Archai's {@code allow_increase=False}). Beyond the most accurate model the hull stays at its
 * error.
 */
public final class Hull {
    private final List<double[]> points;
    private final List<Integer> vertices;

    /** The hull of {@code points}, each {@code {macs, error}}. */
    public Hull(List<double[]> points) {
        this.points = List.copyOf(points);
        this.vertices = lower(this.points);
    }

    /** Indices of the points on the hull, by increasing multiply-adds. */
    public List<Integer> vertices() {
        return vertices;
    }

    /**
     * The hull's error at {@code macs}: linear between vertices, the last vertex's error beyond it,
     * and infinite before the first (no model is that small).
     */
    public double errorAt(double macs) {
        if (vertices.isEmpty() || macs < points.get(vertices.get(0))[0]) {
            return Double.POSITIVE_INFINITY;
        }
        for (int k = 0; k + 1 < vertices.size(); k++) {
            double[] a = points.get(vertices.get(k));
            double[] b = points.get(vertices.get(k + 1));
            if (macs <= b[0]) {
                return b[0] == a[0]
                        ? Math.min(a[1], b[1])
                        : a[1] + (b[1] - a[1]) * (macs - a[0]) / (b[0] - a[0]);
            }
        }
        return points.get(vertices.get(vertices.size() - 1))[1];
    }

    /** Indices of the points at most {@code eps} above the hull (the vertices included). */
    public List<Integer> near(double eps) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (p[1] <= errorAt(p[0]) + eps + 1e-12) {
                out.add(i);
            }
        }
        return out;
    }

    /** Andrew's monotone chain, lower part, cut at the lowest error. */
    private static List<Integer> lower(List<double[]> pts) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            order.add(i);
        }
        order.sort(
                Comparator.comparingDouble((Integer i) -> pts.get(i)[0])
                        .thenComparingDouble(i -> pts.get(i)[1]));
        List<Integer> hull = new ArrayList<>();
        for (int i : order) {
            if (!hull.isEmpty() && pts.get(hull.get(hull.size() - 1))[0] == pts.get(i)[0]) {
                continue; // same size, no lower error (sorted by error within a size)
            }
            while (hull.size() >= 2
                    && cross(
                                    pts.get(hull.get(hull.size() - 2)),
                                    pts.get(hull.get(hull.size() - 1)),
                                    pts.get(i))
                            <= 0) {
                hull.remove(hull.size() - 1);
            }
            hull.add(i);
        }
        int best = 0;
        for (int k = 1; k < hull.size(); k++) {
            if (pts.get(hull.get(k))[1] < pts.get(hull.get(best))[1]) {
                best = k;
            }
        }
        return List.copyOf(hull.subList(0, hull.isEmpty() ? 0 : best + 1));
    }

    /** Positive when o, a, b turn counter-clockwise. */
    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
