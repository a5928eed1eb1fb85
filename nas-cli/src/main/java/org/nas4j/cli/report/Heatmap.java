package org.nas4j.cli.report;

import java.util.List;
import java.util.Locale;

/**
 * A heatmap drawn as an inline SVG element: one row per edge, one column per op, a cell's shade and
 * printed value its weight in [0, 1]; each row's strongest op is outlined.
 */
final class Heatmap {
    private static final int CELL_W = 44;
    private static final int CELL_H = 16;
    private static final int LABEL_W = 150;
    private static final int HEADER_H = 92;

    private Heatmap() {}

    /**
     * The heatmap of {@code values[row][col]}.
     *
     * @param id element id
     * @param title shown above the grid
     * @param rows row labels
     * @param cols column labels (printed at an angle)
     * @param values weights in [0, 1], {@code rows.size()} by {@code cols.size()}
     * @param scaleMax the weight shown darkest (the largest of all heatmaps compared side by side)
     */
    static String svg(
            String id,
            String title,
            List<String> rows,
            List<String> cols,
            double[][] values,
            double scaleMax) {
        int w = LABEL_W + CELL_W * cols.size() + 8;
        int h = HEADER_H + CELL_H * rows.size() + 6;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" id=\"")
                .append(Html.esc(id))
                .append("\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h)
                .append("\" font-family=\"sans-serif\" font-size=\"10\">\n<title>")
                .append(Html.esc(title))
                .append("</title>\n<text x=\"4\" y=\"14\" font-size=\"12\" font-weight=\"bold\">")
                .append(Html.esc(title))
                .append("</text>\n");
        for (int c = 0; c < cols.size(); c++) {
            int x = LABEL_W + c * CELL_W + CELL_W / 2;
            int y = HEADER_H - 6;
            sb.append("<text x=\"" + x + "\" y=\"" + y + "\" transform=\"rotate(-40 " + x + " " + y)
                    .append(")\">")
                    .append(Html.esc(cols.get(c)))
                    .append("</text>\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = HEADER_H + r * CELL_H;
            sb.append("<text x=\"" + (LABEL_W - 6) + "\" y=\"" + (y + CELL_H - 4) + "\"")
                    .append(" text-anchor=\"end\">")
                    .append(Html.esc(rows.get(r)))
                    .append("</text>");
            int best = argmax(values[r]);
            for (int c = 0; c < cols.size(); c++) {
                double v = values[r][c];
                int x = LABEL_W + c * CELL_W;
                sb.append("<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + CELL_W)
                        .append("\" height=\"" + CELL_H + "\" fill=\"" + shade(v / scaleMax) + "\"")
                        .append(c == best ? " stroke=\"#d62728\" stroke-width=\"1.5\"" : "")
                        .append("><title>")
                        .append(Html.esc(rows.get(r) + ", " + cols.get(c) + ": " + Html.value(v)))
                        .append("</title></rect>")
                        .append("<text x=\"" + (x + CELL_W / 2) + "\" y=\"" + (y + CELL_H - 4))
                        .append(
                                "\" text-anchor=\"middle\" fill=\""
                                        + (v / scaleMax > 0.55 ? "#fff" : "#222"))
                        .append("\">")
                        .append(String.format(Locale.ROOT, "%.2f", v))
                        .append("</text>");
            }
            sb.append('\n');
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** White for 0 to dark blue for 1. */
    static String shade(double v) {
        double t = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
        int r = (int) Math.round(255 + t * (8 - 255));
        int g = (int) Math.round(255 + t * (48 - 255));
        int b = (int) Math.round(255 + t * (107 - 255));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
