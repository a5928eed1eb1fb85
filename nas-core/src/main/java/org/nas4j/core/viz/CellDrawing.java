package org.nas4j.core.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.ModelDesc;

/**
 * Draws the cells of a model description.
 *
 * <p>{@code String svg = CellDrawing.svg(desc, "normal", registry);} draws the first regular cell;
 * {@code "reduce"} the first reduction cell, {@code "all"} both, one under the other. Searchable
 * edges are labelled through their op's {@link org.nas4j.core.desc.EdgeReader} (an op registry is
 * an {@link EdgeReaders}); {@link EdgeReaders#NONE} draws every edge as its op name.
 */
public final class CellDrawing {
    /** Which cells {@link #cells} may select. */
    public static final List<String> CHOICES = List.of("normal", "reduce", "all");

    private CellDrawing() {}

    /** The template cells named by {@code which}: {@code normal}, {@code reduce} or {@code all}. */
    public static List<CellDesc> cells(ModelDesc desc, String which) {
        CellDesc normal =
                desc.cells().stream().filter(c -> !c.isReduction()).findFirst().orElse(null);
        CellDesc reduce =
                desc.cells().stream().filter(CellDesc::isReduction).findFirst().orElse(null);
        List<CellDesc> out = new ArrayList<>();
        switch (which.toLowerCase(Locale.ROOT)) {
            case "normal" -> add(out, normal, "normal");
            case "reduce", "reduction" -> add(out, reduce, "reduction");
            case "all" -> {
                if (normal != null) {
                    out.add(normal);
                }
                if (reduce != null) {
                    out.add(reduce);
                }
                if (out.isEmpty()) {
                    throw new NasException("The model description has no cells to draw.");
                }
            }
            default ->
                    throw new NasException(
                            "Unknown cell choice '"
                                    + which
                                    + "'; valid choices are "
                                    + CHOICES
                                    + ".");
        }
        return out;
    }

    private static void add(List<CellDesc> out, CellDesc cell, String kind) {
        if (cell == null) {
            throw new NasException("The model description has no " + kind + " cell to draw.");
        }
        out.add(cell);
    }

    /** An SVG document with the chosen cells. */
    public static String svg(ModelDesc desc, String which, EdgeReaders readers) {
        return svg(layouts(desc, which, readers));
    }

    /** A PNG image (encoded bytes) with the chosen cells. */
    public static byte[] png(ModelDesc desc, String which, EdgeReaders readers) {
        BufferedImage img = PngRenderer.render(layouts(desc, which, readers));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An inline {@code <svg>} element (no XML prolog), for embedding in HTML. */
    public static String svgElement(ModelDesc desc, String which, EdgeReaders readers) {
        return SvgRenderer.element(layouts(desc, which, readers));
    }

    private static String svg(List<CellLayout> layouts) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgRenderer.element(layouts);
    }

    private static List<CellLayout> layouts(ModelDesc desc, String which, EdgeReaders readers) {
        List<CellLayout> out = new ArrayList<>();
        for (CellDesc c : cells(desc, which)) {
            String kind = c.isReduction() ? "reduction" : "normal";
            out.add(new CellLayout(c, kind + " cell (cell " + c.id() + ")", readers));
        }
        return out;
    }
}
