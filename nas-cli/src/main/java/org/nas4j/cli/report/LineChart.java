package org.nas4j.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart drawn as an inline SVG element: one line per series, a dot per point, axes with
 * rounded ticks and a legend. Points with a NaN value are skipped and break the line.
 */
final class LineChart {
    static final String[] COLORS = {
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
    };

    private static final int W = 460;
    private static final int PLOT_H = 270;
    private static final int LEGEND_ROW = 15;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 30;
    private static final int BOTTOM = 64;

    private record Series(String name, double[] x, double[] y, String color, boolean dashed) {}

    private final String id;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    LineChart(String id, String title, String xLabel, String yLabel) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series; {@code x} and {@code y} have the same length. */
    LineChart add(String name, double[] x, double[] y, String color, boolean dashed) {
        series.add(new Series(name, x.clone(), y.clone(), color, dashed));
        return this;
    }

    /** Whether any series has a finite point. */
    boolean hasData() {
        for (Series s : series) {
            for (double v : s.y) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int h = PLOT_H;

    /** The chart as an {@code <svg>} element. */
    String svg() {
        h = PLOT_H + LEGEND_ROW * (legendRows() - 1);
        double[] xr = range(true);
        double[] yr = range(false);
        double[] xt = ticks(xr[0], xr[1], 1); // x is always an epoch
        double[] yt = ticks(yr[0], yr[1], 0);
        double x0 = Math.min(xr[0], xt[0]);
        double x1 = Math.max(xr[1], xt[xt.length - 1]);
        double y0 = Math.min(yr[0], yt[0]);
        double y1 = Math.max(yr[1], yt[yt.length - 1]);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
                .append(Html.esc(id))
                .append("\" width=\"" + W + "\" height=\"" + h + "\" viewBox=\"0 0 " + W + " " + h)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.append("<title>").append(Html.esc(title)).append("</title>\n");
        sb.append("<text x=\"" + (W / 2) + "\" y=\"16\" text-anchor=\"middle\" font-size=\"13\"")
                .append(" font-weight=\"bold\">")
                .append(Html.esc(title))
                .append("</text>\n");
        Frame f = new Frame(x0, x1, y0, y1);
        axes(sb, f, xt, yt);
        for (Series s : series) {
            line(sb, f, s);
        }
        legend(sb);
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Maps data to pixels inside the plot area. */
    private record Frame(double x0, double x1, double y0, double y1) {
        double px(double x) {
            return LEFT + (x - x0) / (x1 - x0) * (W - LEFT - RIGHT);
        }

        double py(double y) {
            return PLOT_H - BOTTOM - (y - y0) / (y1 - y0) * (PLOT_H - TOP - BOTTOM);
        }
    }

    private void axes(StringBuilder sb, Frame f, double[] xt, double[] yt) {
        int bottom = PLOT_H - BOTTOM;
        for (double t : yt) {
            String y = Html.coord(f.py(t));
            sb.append("<line x1=\"" + LEFT + "\" x2=\"" + (W - RIGHT) + "\" y1=\"" + y)
                    .append("\" y2=\"" + y + "\" stroke=\"#e4e4e4\"/>")
                    .append("<text x=\"" + (LEFT - 5) + "\" y=\"" + y + "\" dy=\"4\"")
                    .append(" text-anchor=\"end\">" + Html.value(t) + "</text>\n");
        }
        for (double t : xt) {
            String x = Html.coord(f.px(t));
            sb.append("<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + bottom)
                    .append("\" y2=\"" + (bottom + 4) + "\" stroke=\"#555\"/>")
                    .append("<text x=\"" + x + "\" y=\"" + (bottom + 16) + "\"")
                    .append(" text-anchor=\"middle\">" + Html.value(t) + "</text>\n");
        }
        sb.append("<rect x=\"" + LEFT + "\" y=\"" + TOP + "\" width=\"" + (W - LEFT - RIGHT))
                .append(
                        "\" height=\""
                                + (PLOT_H - TOP - BOTTOM)
                                + "\" fill=\"none\" stroke=\"#555\"/>\n");
        sb.append("<text x=\"" + ((LEFT + W - RIGHT) / 2) + "\" y=\"" + (bottom + 30) + "\"")
                .append(" text-anchor=\"middle\">" + Html.esc(xLabel) + "</text>\n");
        int cy = (TOP + bottom) / 2;
        sb.append("<text x=\"14\" y=\"" + cy + "\" text-anchor=\"middle\"")
                .append(" transform=\"rotate(-90 14 " + cy + ")\">")
                .append(Html.esc(yLabel))
                .append("</text>\n");
    }

    private void line(StringBuilder sb, Frame f, Series s) {
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < s.x.length; i++) {
            if (!Double.isFinite(s.x[i]) || !Double.isFinite(s.y[i])) {
                pen = false;
                continue;
            }
            String x = Html.coord(f.px(s.x[i]));
            String y = Html.coord(f.py(s.y[i]));
            path.append(pen ? " L" : " M").append(x).append(' ').append(y);
            pen = true;
            dots.append("<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"2.5\" fill=\"")
                    .append(s.color)
                    .append("\"><title>")
                    .append(
                            Html.esc(
                                    s.name + ": " + Html.value(s.x[i]) + ", " + Html.value(s.y[i])))
                    .append("</title></circle>");
        }
        sb.append("<g class=\"series\" data-name=\"").append(Html.esc(s.name)).append("\">");
        if (path.length() > 0) {
            sb.append("<path d=\"")
                    .append(path.toString().strip())
                    .append("\" fill=\"none\" stroke=\"")
                    .append(s.color)
                    .append("\" stroke-width=\"1.8\"")
                    .append(s.dashed ? " stroke-dasharray=\"5 3\"" : "")
                    .append("/>");
        }
        sb.append(dots).append("</g>\n");
    }

    private void legend(StringBuilder sb) {
        int x = LEFT;
        int y = PLOT_H - 14;
        for (Series s : series) {
            if (x > LEFT && x + legendWidth(s) > W) {
                x = LEFT;
                y += LEGEND_ROW;
            }
            sb.append("<line x1=\"" + x + "\" x2=\"" + (x + 18) + "\" y1=\"" + (y - 4))
                    .append(
                            "\" y2=\""
                                    + (y - 4)
                                    + "\" stroke=\""
                                    + s.color
                                    + "\" stroke-width=\"2\"")
                    .append(s.dashed ? " stroke-dasharray=\"5 3\"" : "")
                    .append("/><text x=\"" + (x + 22) + "\" y=\"" + y + "\">")
                    .append(Html.esc(s.name))
                    .append("</text>\n");
            x += legendWidth(s);
        }
    }

    private static int legendWidth(Series s) {
        return 32 + 6 * s.name.length();
    }

    private int legendRows() {
        int rows = 1;
        int x = LEFT;
        for (Series s : series) {
            if (x > LEFT && x + legendWidth(s) > W) {
                rows++;
                x = LEFT;
            }
            x += legendWidth(s);
        }
        return rows;
    }

    private double[] range(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] v = xAxis ? s.x : s.y;
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }

    /**
     * About five ticks at multiples of 1, 2 or 5 times a power of ten, at least {@code minStep}
     * apart, covering lo..hi.
     */
    static double[] ticks(double lo, double hi, double minStep) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        step = Math.max(step, minStep);
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = start + i * step;
        }
        return out;
    }
}
