package org.nas4j.core.viz;

import java.util.List;
import java.util.Locale;

/** Writes cell layouts as SVG markup. */
final class SvgRenderer {
    private SvgRenderer() {}

    static String element(List<CellLayout> layouts) {
        double w = layouts.stream().mapToDouble(l -> l.width).max().orElse(100);
        double h = layouts.stream().mapToDouble(l -> l.height).sum();
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nas-cell\" width=\"%.0f\" height=\"%.0f\""
                                + " viewBox=\"0 0 %.0f %.0f\" font-family=\"Helvetica,Arial,sans-serif\">%n",
                        w,
                        h,
                        w,
                        h));
        sb.append(
                "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        double y0 = 0;
        for (CellLayout l : layouts) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "<g class=\"cell\" transform=\"translate(0,%.0f)\">%n",
                            y0));
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                            CellLayout.MARGIN,
                            CellLayout.TITLE,
                            esc(l.title)));
            for (CellLayout.Arrow a : l.arrows) {
                arrow(sb, a);
            }
            for (CellLayout.Box b : l.boxes) {
                box(sb, b);
            }
            sb.append("</g>\n");
            y0 += l.height;
        }
        return sb.append("</svg>\n").toString();
    }

    private static void arrow(StringBuilder sb, CellLayout.Arrow a) {
        double[] p = Geometry.ends(a);
        sb.append(
                String.format(
                        Locale.ROOT,
                        "<g class=\"edge\"><path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#555\""
                                + " stroke-width=\"1.3\"%s marker-end=\"url(#arrow)\"/>",
                        p[0],
                        p[1],
                        a.cx(),
                        a.cy(),
                        p[2],
                        p[3],
                        a.dashed() ? " stroke-dasharray=\"5,4\"" : ""));
        if (!a.label().isEmpty()) {
            double[] m = Geometry.labelPoint(a);
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "<text class=\"edge-label\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\""
                                    + " fill=\"#b03000\" stroke=\"white\" stroke-width=\"3\""
                                    + " paint-order=\"stroke\">%s</text>",
                            m[0],
                            m[1] - 3,
                            esc(a.label())));
        }
        if (!a.detail().isEmpty()) {
            sb.append("<title>").append(esc(a.detail())).append("</title>");
        }
        sb.append("</g>\n");
    }

    private static void box(StringBuilder sb, CellLayout.Box b) {
        String fill =
                switch (b.kind()) {
                    case "input" -> "#a6d5ff";
                    case "output" -> "#ffe08a";
                    default -> "#d5f5c8";
                };
        sb.append(
                String.format(
                        Locale.ROOT,
                        "<g class=\"state %s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"6\""
                                + " fill=\"%s\" stroke=\"#333\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"13\""
                                + " text-anchor=\"middle\">%s</text></g>%n",
                        b.kind(),
                        b.x() - Geometry.HALF_W,
                        b.y() - Geometry.HALF_H,
                        2 * Geometry.HALF_W,
                        2 * Geometry.HALF_H,
                        fill,
                        b.x(),
                        b.y() + 4.5,
                        esc(b.label())));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
