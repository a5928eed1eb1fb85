package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas compare}: a random search, a DARTS trial search, a seed sweep and a single run read
 * from the files those commands write, side by side.
 */
class CompareCommandTest {
    @TempDir Path tmp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** What nas run --algo ALGO --trials 3 leaves: the summary, both ledgers, the winner's run. */
    private Path trialSearch(String name, String algo, double[] tests, double best)
            throws IOException {
        Path d = tmp.resolve(name);
        StringBuilder trials = new StringBuilder();
        StringBuilder ledger = new StringBuilder();
        for (int i = 0; i < tests.length; i++) {
            trials.append(i == 0 ? "" : ",")
                    .append("{\"trial\":\"seed_")
                    .append(i)
                    .append("\",\"status\":\"ok\",\"val_top1\":0.8,\"test_top1\":")
                    .append(tests[i])
                    .append(",\"genotype\":\"G")
                    .append(i)
                    .append("\"}");
            ledger.append("{\"trial\":\"seed_").append(i).append("\",\"wall_s\":100.0}\n");
        }
        write(
                d.resolve("trial_search.json"),
                "{\"format\":\"nas4j.trial_search\",\"version\":1,\"algo\":\""
                        + algo
                        + "\",\"trials\":["
                        + trials
                        + "],\"winner\":\"seed_1\",\"winner_val_top1\":0.8,\"best_status\":\"ok\","
                        + "\"best_test_top1\":"
                        + best
                        + "}");
        write(d.resolve("trials/trials.jsonl"), ledger.toString());
        write(d.resolve("trials.jsonl"), "{\"trial\":\"best\",\"wall_s\":600.0}\n");
        write(
                d.resolve("best/summary.json"),
                "{\"algo\":\""
                        + algo
                        + "\",\"eval\":{\"params\":12345,\"macs\":6789000,"
                        + "\"test_top1\":"
                        + best
                        + "}}");
        return d;
    }

    private String compare(Object... args) {
        StringWriter out = new StringWriter();
        var cmd = NasCli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        String[] a = new String[args.length + 1];
        a[0] = "compare";
        for (int i = 0; i < args.length; i++) {
            a[i + 1] = args[i].toString();
        }
        assertEquals(0, cmd.execute(a), out.toString());
        return out.toString();
    }

    @Test
    void randomSearchAndDartsSideBySideWithTheirTrialsWinnerAndCost() throws IOException {
        Path random = trialSearch("random_quick", "random", new double[] {0.85, 0.87, 0.86}, 0.91);
        Path darts = trialSearch("darts_quick", "darts", new double[] {0.88, 0.89, 0.90}, 0.92);
        Path html = tmp.resolve("cmp.html");
        String out = compare(random, darts, "--html", html);
        assertTrue(
                out.contains(
                        "| random_quick | random | 3 trials on a reduced budget, the best by val"
                                + " top-1 retrained | 86.00 ± 1.00 % (85.00–87.00) | seed_1 |"
                                + " 91.00% | 12,345 | 6,789,000 | 15m 00s |"),
                out);
        assertTrue(out.contains("| darts_quick | darts |"), out);
        assertTrue(out.contains("| 92.00% |"), out);
        String page = Files.readString(html);
        assertTrue(page.contains("<code>G1</code>"), "the winner's cells: " + page);
    }

    @Test
    void aSweepComparesItsMeanAndARunItsTest() throws IOException {
        Path sweep = tmp.resolve("darts_sweep");
        write(
                sweep.resolve("sweep.json"),
                "{\"algo\":\"darts\",\"wall_s\":120,\"trials\":["
                        + "{\"trial\":\"seed_0\",\"test_top1\":0.80,\"params\":10,\"macs\":20},"
                        + "{\"trial\":\"seed_1\",\"test_top1\":0.84,\"params\":11,\"macs\":21}]}");
        Path run = tmp.resolve("manual_quick");
        write(
                run.resolve("summary.json"),
                "{\"algo\":\"manual\",\"search\":{\"wall_s\":1.5},"
                        + "\"eval\":{\"wall_s\":60,\"test_top1\":0.93,\"params\":7,\"macs\":8}}");
        String out = compare(sweep, run);
        assertTrue(
                out.contains(
                        "| darts_sweep | darts | 2 trials trained in full (the mean is compared) |"
                                + " 82.00 ± 2.83 % (80.00–84.00) | – | 82.00% | 11 | 21 | 2m 00s |"),
                out);
        assertTrue(
                out.contains(
                        "| manual_quick | manual | one run | 93.00% | – | 93.00% | 7 | 8 |"
                                + " 1m 02s |"),
                out);
    }

    @Test
    void aDirectoryWithoutResultsIsOneMessageNamingIt() {
        StringWriter err = new StringWriter();
        var cmd = NasCli.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(1, cmd.execute("compare", tmp.toString()));
        assertTrue(err.toString().contains("holds none of trial_search.json"), err.toString());
    }
}
