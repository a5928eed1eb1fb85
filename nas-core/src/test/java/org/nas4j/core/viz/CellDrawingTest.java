package org.nas4j.core.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.desc.Softmax;

class CellDrawingTest {
    private static final ConvMacroParams CH = ConvMacroParams.of(16);

    // DARTS V2 normal cell: (op, input) pairs, two per node
    private static final String[][] V2_NORMAL = {
        {"sep_conv_3x3", "0"}, {"sep_conv_3x3", "1"}, {"sep_conv_3x3", "0"}, {"sep_conv_3x3", "1"},
        {"sep_conv_3x3", "1"}, {"skip_connect", "0"}, {"skip_connect", "0"}, {"dil_conv_3x3", "2"}
    };

    static CellDesc cell(int id, CellType type, List<NodeDesc> nodes) {
        OpDesc stem = OpDesc.of("prepr_normal", CH, 1, true);
        OpDesc post =
                OpDesc.of("concate_channels", new ConvMacroParams(16, 64), 1, true)
                        .withParam("out_states", 4);
        return new CellDesc(id, type, CH, stem, stem, nodes, List.of(16, 16, 16, 16), post, 64, id);
    }

    static ModelDesc model(List<CellDesc> cells) {
        OpDesc stem = OpDesc.of("stem_conv3x3", new ConvMacroParams(1, 48), 1, true);
        return new ModelDesc(
                List.of(stem, stem),
                cells,
                new ArrayList<>(Collections.nCopies(cells.size(), null)),
                OpDesc.of("pool_adaptive_avg2d", ConvMacroParams.of(64), 1, true),
                OpDesc.of("linear", new ConvMacroParams(64, 10), 1, true),
                10,
                List.of(1, 28, 28),
                Map.of());
    }

    static ModelDesc dartsV2Normal() {
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (int j = 0; j < 2; j++) {
                String[] e = V2_NORMAL[2 * i + j];
                edges.add(EdgeDesc.of(OpDesc.of(e[0], CH, 1, true), Integer.parseInt(e[1])));
            }
            nodes.add(new NodeDesc(edges, CH));
        }
        return model(List.of(cell(0, CellType.REGULAR, nodes)));
    }

    @Test
    void svgShowsEveryStateAndEdgeLabel() {
        String svg = CellDrawing.svg(dartsV2Normal(), "normal", EdgeReaders.NONE);
        assertTrue(svg.startsWith("<?xml"));
        for (String s :
                List.of(
                        "c_{k-2}",
                        "c_{k-1}",
                        "c_{k}",
                        "sep_conv_3x3",
                        "dil_conv_3x3",
                        "skip_connect")) {
            assertTrue(svg.contains(s), s);
        }
        assertEquals(8 + 4, svg.split("class=\"edge\"", -1).length - 1); // 8 op edges + 4 to output
    }

    @Test
    void anOpOfSeveralInputsGetsAnArrowFromEachLabelledOnce() {
        // node 0 reads c_{k-1}; node 1 is a dense layer of c_{k-1} and node 0
        OpDesc one = OpDesc.of("msd_layer", new ConvMacroParams(16, 16), 1, true);
        OpDesc two = OpDesc.of("msd_layer", new ConvMacroParams(32, 16), 1, true).withInLen(2);
        List<NodeDesc> nodes =
                List.of(
                        new NodeDesc(List.of(EdgeDesc.of(one, 1)), CH),
                        new NodeDesc(List.of(new EdgeDesc(two, List.of(1, 2))), CH),
                        new NodeDesc(List.of(EdgeDesc.of(one, 3)), CH),
                        new NodeDesc(List.of(EdgeDesc.of(one, 4)), CH));
        String svg =
                CellDrawing.svg(
                        model(List.of(cell(0, CellType.REGULAR, nodes))),
                        "normal",
                        EdgeReaders.NONE);
        assertEquals(5 + 4, svg.split("class=\"edge\"", -1).length - 1); // 5 input arrows + 4 out
        assertEquals(4, svg.split(">msd_layer<", -1).length - 1, svg); // one label per op
    }

    /** A reader as an algorithm registers one: primitives weighted by the softmax of alphas. */
    private static List<EdgeCandidate> softmaxCandidates(OpDesc op) {
        List<String> names = op.stringListParam("primitives");
        double[] w = Softmax.of(op.trainables().get("alphas"));
        List<EdgeCandidate> out = new java.util.ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            out.add(
                    new EdgeCandidate(
                            OpDesc.of(names.get(i), op.conv(), op.stride(), op.affine()),
                            w[i],
                            !"none".equals(names.get(i))));
        }
        return out;
    }

    @Test
    void searchDescEdgesShowTheStrongestWeight() {
        OpDesc mixed =
                OpDesc.of("mixed_op", CH, 1, false)
                        .withParam("primitives", List.of("max_pool_3x3", "sep_conv_3x3", "none"))
                        .withTrainables(
                                Map.of("alphas", List.of(0.0, Math.log(2.0), Math.log(7.0))));
        NodeDesc node = new NodeDesc(List.of(EdgeDesc.of(mixed, 0), EdgeDesc.of(mixed, 1)), CH);
        String svg =
                CellDrawing.svg(
                        model(List.of(cell(0, CellType.REGULAR, List.of(node)))),
                        "all",
                        name ->
                                "mixed_op".equals(name)
                                        ? CellDrawingTest::softmaxCandidates
                                        : null);
        assertTrue(svg.contains("sep_conv_3x3 0.20"), svg); // 2/(1+2+7); 'none' never labels
        assertTrue(svg.contains("none: 0.700"), svg);
    }

    @Test
    void pngIsAPictureWithInk() throws Exception {
        byte[] png = CellDrawing.png(dartsV2Normal(), "normal", EdgeReaders.NONE);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img.getWidth() > 300 && img.getHeight() > 100);
        int ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    ink++;
                }
            }
        }
        assertTrue(ink > 500, "ink pixels: " + ink);
        Path out = Path.of("target", "darts_v2_normal.png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
    }

    @Test
    void missingCellKindIsAClearError() {
        NasException e =
                assertThrows(
                        NasException.class,
                        () -> CellDrawing.svg(dartsV2Normal(), "reduce", EdgeReaders.NONE));
        assertTrue(e.getMessage().contains("no reduction cell"), e.getMessage());
        e =
                assertThrows(
                        NasException.class,
                        () -> CellDrawing.svg(dartsV2Normal(), "sideways", EdgeReaders.NONE));
        assertTrue(e.getMessage().contains("[normal, reduce, all]"), e.getMessage());
    }
}
