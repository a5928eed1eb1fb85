package org.nas4j.core.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Paints cell layouts into an image with Java2D (works headless). */
final class PngRenderer {
    private static final Color EDGE = new Color(0x55, 0x55, 0x55);

    private PngRenderer() {}

    static BufferedImage render(List<CellLayout> layouts) {
        System.setProperty("java.awt.headless", "true");
        int w = (int) Math.ceil(layouts.stream().mapToDouble(l -> l.width).max().orElse(100));
        int h = (int) Math.ceil(layouts.stream().mapToDouble(l -> l.height).sum());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            double y0 = 0;
            for (CellLayout l : layouts) {
                AffineTransform saved = g.getTransform();
                g.translate(0, y0);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                g.drawString(l.title, CellLayout.MARGIN, CellLayout.TITLE);
                for (CellLayout.Arrow a : l.arrows) {
                    arrow(g, a);
                }
                for (CellLayout.Box b : l.boxes) {
                    box(g, b);
                }
                g.setTransform(saved);
                y0 += l.height;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void arrow(Graphics2D g, CellLayout.Arrow a) {
        double[] p = Geometry.ends(a);
        g.setColor(EDGE);
        g.setStroke(
                a.dashed()
                        ? new BasicStroke(
                                1.3f,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10f,
                                new float[] {5f, 4f},
                                0f)
                        : new BasicStroke(1.3f));
        g.draw(new QuadCurve2D.Double(p[0], p[1], a.cx(), a.cy(), p[2], p[3]));
        double ang = Math.atan2(p[3] - a.cy(), p[2] - a.cx());
        Path2D head = new Path2D.Double();
        head.moveTo(p[2], p[3]);
        head.lineTo(p[2] - 9 * Math.cos(ang - 0.4), p[3] - 9 * Math.sin(ang - 0.4));
        head.lineTo(p[2] - 9 * Math.cos(ang + 0.4), p[3] - 9 * Math.sin(ang + 0.4));
        head.closePath();
        g.fill(head);
        if (!a.label().isEmpty()) {
            double[] m = Geometry.labelPoint(a);
            g.setColor(new Color(0xb0, 0x30, 0x00));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(
                    a.label(),
                    (float) (m[0] - fm.stringWidth(a.label()) / 2.0),
                    (float) (m[1] - 3));
        }
    }

    private static void box(Graphics2D g, CellLayout.Box b) {
        Color fill =
                switch (b.kind()) {
                    case "input" -> new Color(0xa6, 0xd5, 0xff);
                    case "output" -> new Color(0xff, 0xe0, 0x8a);
                    default -> new Color(0xd5, 0xf5, 0xc8);
                };
        RoundRectangle2D r =
                new RoundRectangle2D.Double(
                        b.x() - Geometry.HALF_W,
                        b.y() - Geometry.HALF_H,
                        2 * Geometry.HALF_W,
                        2 * Geometry.HALF_H,
                        12,
                        12);
        g.setColor(fill);
        g.fill(r);
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.setStroke(new BasicStroke(1f));
        g.draw(r);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(
                b.label(),
                (float) (b.x() - fm.stringWidth(b.label()) / 2.0),
                (float) (b.y() + 4.5));
    }
}
