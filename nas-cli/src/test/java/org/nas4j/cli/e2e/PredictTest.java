package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas predict} with a trained experiment: over Fashion-MNIST's test images it reproduces the
 * test accuracy the run recorded, and PNG files of the same images get the same classes.
 */
class PredictTest {
    private static byte[] gunzip(Path f) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return in.readAllBytes();
        }
    }

    @Test
    void predictionsReproduceTheRecordedTestAccuracyFromIdxAndPng(@TempDir Path tmp)
            throws Exception {
        Path data = E2e.FASHION_MNIST;
        Assumptions.assumeTrue(Files.isDirectory(data), "Fashion-MNIST (dataset-fashion-mnist)");
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                "darts",
                                "--genotype",
                                "DARTS_V2",
                                "--exp-dir",
                                exp,
                                E2e.TINY_EVAL));
        assertEquals(0, run.exit(), run.both());
        double recorded =
                ((Number) E2e.readJson(exp.resolve("eval/test.json")).get("top1")).doubleValue();

        Path images = data.resolve("t10k-images-idx3-ubyte.gz");
        Path csv = tmp.resolve("p.csv");
        E2e.Run p = E2e.nas(E2e.args("predict", "--exp", exp, "--input", images, "-o", csv));
        assertEquals(0, p.exit(), p.both());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("input,class,probability,top5_classes,top5_probabilities", rows.get(0));
        byte[] labels = gunzip(data.resolve("t10k-labels-idx1-ubyte.gz"));
        int n = rows.size() - 1;
        assertEquals(10000, n);
        int right = 0;
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i + 1).split(",");
            if (Integer.parseInt(f[1]) == labels[8 + i]) {
                right++;
            }
            assertEquals(5, f[3].split(";").length);
        }
        assertEquals(recorded, right / (double) n, 2e-4, "predicted vs recorded test top-1");

        // the first three test images as PNG files: the same classes
        byte[] pixels = gunzip(images);
        Path pngs = Files.createDirectories(tmp.resolve("pngs"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = pixels[16 + i * 784 + y * 28 + x] & 0xff;
                    img.getRaster().setSample(x, y, 0, v);
                }
            }
            ImageIO.write(img, "png", pngs.resolve("img" + i + ".png").toFile());
        }
        E2e.Run q = E2e.nas(E2e.args("predict", "--exp", exp, "--input", pngs));
        assertEquals(0, q.exit(), q.both());
        String[] lines = q.out().strip().split("\n");
        assertEquals(4, lines.length, q.out());
        for (int i = 0; i < 3; i++) {
            String[] png = lines[i + 1].split(",");
            String[] idx = rows.get(i + 1).split(",");
            assertEquals("img" + i + ".png", png[0]);
            assertEquals(idx[1], png[1], "class of test image " + i);
        }
        assertTrue(q.out().startsWith("input,class"), q.out());
    }

    @Test
    void predictingWithoutAFinishedEvalNamesWhatIsMissing(@TempDir Path tmp) {
        E2e.Run p = E2e.nas(E2e.args("predict", "--exp", tmp, "--input", tmp.resolve("none.gz")));
        assertEquals(1, p.exit(), p.both());
        assertTrue(p.err().contains("none.gz"), p.err());
    }
}
