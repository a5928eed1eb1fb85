package org.nas4j.core.viz;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * Positions of a cell's states and the curves of its edges, computed once and shared by the SVG and
 * PNG renderers.
 *
 * <p>States are placed left to right: c_{k-2} (top) and c_{k-1} (bottom), then node 0, 1, ...
 * alternating above and below the middle line so that edges do not run through nodes, then c_{k}.
 */
final class CellLayout {
    static final int COL = 150;
    static final int ROW = 95;
    static final int MARGIN = 40;
    static final int TITLE = 30;

    /** A drawn state: label, centre, and kind (input, node or output). */
    record Box(String label, double x, double y, String kind) {}

    /**
     * A drawn edge: from, to, the control point of its quadratic curve, its label and the full
     * weight list for a tooltip (empty for discrete edges).
     */
    record Arrow(
            Box from, Box to, double cx, double cy, String label, String detail, boolean dashed) {}

    final String title;
    final List<Box> boxes = new ArrayList<>();
    final List<Arrow> arrows = new ArrayList<>();
    final double width;
    final double height;

    CellLayout(CellDesc cell, String title, EdgeReaders readers) {
        this.title = title;
        int n = cell.nodes().size();
        double mid = TITLE + MARGIN + 1.5 * ROW;
        List<Box> states = new ArrayList<>();
        states.add(new Box("c_{k-2}", MARGIN + 40, mid - ROW, "input"));
        states.add(new Box("c_{k-1}", MARGIN + 40, mid + ROW, "input"));
        for (int i = 0; i < n; i++) {
            double y = mid + (i % 2 == 0 ? -0.45 : 0.45) * ROW;
            states.add(new Box(String.valueOf(i), MARGIN + 40 + COL * (i + 1), y, "node"));
        }
        Box out = new Box("c_{k}", MARGIN + 40 + COL * (n + 1), mid, "output");
        boxes.addAll(states);
        boxes.add(out);
        for (int i = 0; i < n; i++) {
            NodeDesc node = cell.nodes().get(i);
            Box to = states.get(i + 2);
            int e = 0;
            for (EdgeDesc edge : node.edges()) {
                List<Integer> ins = edge.inputIds().isEmpty() ? List.of(0) : edge.inputIds();
                double bend = (e % 2 == 0 ? 1 : -1) * (12 + 10 * (e / 2));
                // an op of several inputs (a dense layer) gets an arrow from each, labelled once
                for (int k = 0; k < ins.size(); k++) {
                    int in = ins.get(k);
                    if (in < 0 || in >= states.size()) {
                        continue;
                    }
                    arrows.add(
                            curve(
                                    states.get(in),
                                    to,
                                    k == 0 ? bend : 0,
                                    k == 0 ? EdgeLabel.of(edge.op(), readers) : "",
                                    EdgeLabel.detail(edge.op(), readers),
                                    false));
                }
                e++;
            }
        }
        int outStates = outStates(cell.postOp(), n);
        for (int i = n - outStates; i < n; i++) {
            arrows.add(curve(states.get(i + 2), out, 0, "", "", true));
        }
        width = MARGIN * 2 + 80 + COL * (n + 1);
        height = mid + ROW + Geometry.HALF_H + MARGIN;
    }

    private static int outStates(OpDesc postOp, int n) {
        int k = postOp.intParam("out_states", n);
        return Math.max(0, Math.min(n, k));
    }

    private static Arrow curve(
            Box a, Box b, double bend, String label, String detail, boolean dashed) {
        double mx = (a.x() + b.x()) / 2;
        double my = (a.y() + b.y()) / 2;
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        // control point pushed perpendicular to the chord: parallel edges fan out
        return new Arrow(
                a, b, mx - dy / len * bend * 2, my + dx / len * bend * 2, label, detail, dashed);
    }
}
