package org.nas4j.cli.report;

import java.util.Locale;

/** Escaping and number formatting for the report's HTML and SVG. */
final class Html {
    private Html() {}

    /** {@code text} safe inside an element or a quoted attribute. */
    static String esc(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A coordinate with at most one decimal, never in exponent form. */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A value for people: up to 4 significant digits, thousands grouped for big ones. */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 10000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A fraction as a percentage with two decimals. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** Seconds as {@code 1h 02m 03s}, {@code 2m 03s} or {@code 4.5s}. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s / 60 % 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
