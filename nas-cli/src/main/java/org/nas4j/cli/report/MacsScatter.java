package org.nas4j.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An inline SVG scatter of models by multiply-adds (x) against an accuracy (y): the points, a
 * dashed front through some of them (marked red), and optional lineage lines from each model to the
 * model it came from. The sweep report draws its Pareto front with it, the Petridish report its
 * convex hull and which parent each model grew from.
 */
final class MacsScatter {
    private static final double W = 520;
    private static final double H = 320;
    private static final double PAD = 50;

    private MacsScatter() {}

    /**
     * The SVG element.
     *
     * @param pts each model's {@code {macs, accuracy}}
     * @param names each model's name, for its tooltip
     * @param front indices of the models on the front, joined by increasing multiply-adds
     * @param lineage {@code {child, parent}} index pairs, drawn as thin grey lines (may be empty)
     * @param yLabel the y axis's label ({@code test top-1})
     */
    static String svg(
            List<double[]> pts,
            List<String> names,
            List<Integer> front,
            List<int[]> lineage,
            String yLabel) {
        double minX = pts.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double maxX = pts.stream().mapToDouble(p -> p[0]).max().orElse(1);
        double minY = pts.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double maxY = pts.stream().mapToDouble(p -> p[1]).max().orElse(1);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(Html.coord(W + 2 * PAD))
                .append("\" height=\"")
                .append(Html.coord(H + 2 * PAD))
                .append("\">");
        List<double[]> xy = new ArrayList<>();
        for (double[] p : pts) {
            double x = PAD + W * (p[0] - minX) / Math.max(1e-12, maxX - minX);
            double y = PAD + H - H * (p[1] - minY) / Math.max(1e-12, maxY - minY);
            xy.add(new double[] {x, y});
        }
        for (int[] l : lineage) {
            sb.append("<line class=\"lineage\" x1=\"")
                    .append(Html.coord(xy.get(l[1])[0]))
                    .append("\" y1=\"")
                    .append(Html.coord(xy.get(l[1])[1]))
                    .append("\" x2=\"")
                    .append(Html.coord(xy.get(l[0])[0]))
                    .append("\" y2=\"")
                    .append(Html.coord(xy.get(l[0])[1]))
                    .append("\" stroke=\"#999\" stroke-width=\"1\"><title>")
                    .append(Html.esc(names.get(l[0])))
                    .append(" grew from ")
                    .append(Html.esc(names.get(l[1])))
                    .append("</title></line>");
        }
        List<Integer> line = new ArrayList<>(front);
        line.sort(Comparator.comparingDouble(i -> pts.get(i)[0]));
        StringBuilder path = new StringBuilder();
        for (int i : line) {
            path.append(path.length() == 0 ? "M" : " L")
                    .append(Html.coord(xy.get(i)[0]))
                    .append(' ')
                    .append(Html.coord(xy.get(i)[1]));
        }
        sb.append("<path d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>");
        for (int i = 0; i < pts.size(); i++) {
            sb.append("<circle class=\"")
                    .append(front.contains(i) ? "front" : "pt")
                    .append("\" cx=\"")
                    .append(Html.coord(xy.get(i)[0]))
                    .append("\" cy=\"")
                    .append(Html.coord(xy.get(i)[1]))
                    .append("\" r=\"5\"><title>")
                    .append(Html.esc(names.get(i)))
                    .append(": ")
                    .append(Html.value(pts.get(i)[0]))
                    .append(" multiply-adds, ")
                    .append(Html.percent(pts.get(i)[1]))
                    .append("</title></circle>");
        }
        sb.append("<text x=\"")
                .append(Html.coord(PAD + W / 2))
                .append("\" y=\"")
                .append(Html.coord(H + 2 * PAD - 10))
                .append("\" text-anchor=\"middle\">multiply-adds per image</text>")
                .append("<text x=\"14\" y=\"")
                .append(Html.coord(PAD + H / 2))
                .append("\" transform=\"rotate(-90 14 ")
                .append(Html.coord(PAD + H / 2))
                .append(")\" text-anchor=\"middle\">")
                .append(Html.esc(yLabel))
                .append("</text></svg>");
        return sb.toString();
    }
}
