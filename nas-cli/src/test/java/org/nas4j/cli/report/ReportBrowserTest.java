package org.nas4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report of a hand-made toy run in headless Chromium: the DOM holds the cell drawings,
 * charts and heatmaps, and the screenshot is not blank. Skipped where {@code /usr/bin/chromium} is
 * absent ({@code .ci/run} installs it).
 */
@Tag("browser")
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + "; apt-get install chromium");
    }

    private static String chromium(Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(CHROMIUM.toString());
        cmd.addAll(
                List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--user-data-dir=" + profile,
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--disable-quic",
                        "--disable-dev-shm-usage"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".log");
        pb.redirectError(stderr.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), Files.readString(stderr));
        return out;
    }

    @Test
    void domHoldsCellDrawingsChartsAndHeatmaps(@TempDir Path dir) throws Exception {
        Path report = ReportWriter.write(FakeExperiment.write(dir.resolve("exp")));
        String dom = chromium(dir.resolve("profile-dom"), "--dump-dom", report.toUri().toString());
        for (String needle :
                new String[] {
                    "id=\"cell-normal\"",
                    "id=\"cell-reduce\"",
                    "id=\"chart-search-loss\"",
                    "id=\"chart-eval-top1\"",
                    "id=\"heatmap-g0-epoch3\"",
                    "<path d=\"M",
                    "sep_conv_3x3"
                }) {
            assertTrue(dom.contains(needle), needle + " not in the rendered DOM");
        }
    }

    @Test
    void screenshotIsNotBlank(@TempDir Path dir) throws Exception {
        Path report = ReportWriter.write(FakeExperiment.write(dir.resolve("exp")));
        Path png = dir.resolve("report.png");
        chromium(
                dir.resolve("profile-shot"),
                "--screenshot=" + png,
                "--window-size=1200,2000",
                "--hide-scrollbars",
                report.toUri().toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        long sampled = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(colours.size() > 50, "only " + colours.size() + " colours: blank page?");
        assertTrue(
                nonWhite > sampled / 50, "only " + nonWhite + " of " + sampled + " pixels drawn");
    }
}
