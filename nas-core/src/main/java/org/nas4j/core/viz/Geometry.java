package org.nas4j.core.viz;

/** Shared geometry of the renderers: box sizes, where curves meet boxes, where labels sit. */
final class Geometry {
    static final int HALF_W = 34;
    static final int HALF_H = 15;

    private Geometry() {}

    /** Start and end points of an arrow, clipped to the borders of its boxes. */
    static double[] ends(CellLayout.Arrow a) {
        double[] s = clip(a.from().x(), a.from().y(), a.cx(), a.cy());
        double[] e = clip(a.to().x(), a.to().y(), a.cx(), a.cy());
        return new double[] {s[0], s[1], e[0], e[1]};
    }

    /** The point of the curve halfway along, where its label goes. */
    static double[] labelPoint(CellLayout.Arrow a) {
        double[] p = ends(a);
        double x = 0.25 * p[0] + 0.5 * a.cx() + 0.25 * p[2];
        double y = 0.25 * p[1] + 0.5 * a.cy() + 0.25 * p[3];
        return new double[] {x, y};
    }

    // Where the segment from a box centre towards (tx, ty) leaves the box.
    private static double[] clip(double x, double y, double tx, double ty) {
        double dx = tx - x;
        double dy = ty - y;
        if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) {
            return new double[] {x, y};
        }
        double sx = Math.abs(dx) < 1e-9 ? Double.MAX_VALUE : HALF_W / Math.abs(dx);
        double sy = Math.abs(dy) < 1e-9 ? Double.MAX_VALUE : HALF_H / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {x + dx * s, y + dy * s};
    }
}
