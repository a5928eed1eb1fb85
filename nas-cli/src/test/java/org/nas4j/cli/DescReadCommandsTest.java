package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.cli.NasCliTest.Run;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.search.Algorithms;

/** Commands that read a desc: {@code show} gives its size, and all of them validate it first. */
class DescReadCommandsTest {
    private static Run nas(String... args) {
        return NasCliTest.nas(args);
    }

    private static Path desc(Path dir, String name, String... args) {
        Path out = dir.resolve(name);
        String[] all = new String[args.length + 3];
        all[0] = "desc";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "-o";
        all[args.length + 2] = out.toString();
        Run run = nas(all);
        assertEquals(0, run.exit(), run.err());
        return out;
    }

    @Test
    void showPrintsTheParameterCountAndMultiplyAddsOfThePapersNetwork(@TempDir Path dir) {
        Path file =
                desc(
                        dir,
                        "v2.json",
                        "from-genotype",
                        "--genotype",
                        "DARTS_V2",
                        "--full",
                        "--dataset",
                        "cifar10",
                        "--phase",
                        "eval");
        Run run = nas("desc", "show", file.toString());
        assertEquals(0, run.exit(), run.err());
        ModelDesc d = DescJson.load(file);
        long params = ModelStats.paramCount(d, Algorithms.installed().opRegistry());
        // the DARTS paper reports 3.3 M parameters for this CIFAR-10 network
        assertTrue(params > 3_250_000 && params < 3_400_000, "params " + params);
        long macs = ModelStats.macs(d, Algorithms.installed().opRegistry());
        String line = run.out().lines().filter(l -> l.startsWith("Size: ")).findFirst().orElse("");
        assertTrue(
                line.startsWith(String.format(Locale.ROOT, "Size: %,d parameters (3.3", params)),
                run.out());
        assertTrue(
                line.contains(
                        String.format(
                                Locale.ROOT, "%.1f M multiply-adds per 3x32x32 input", macs / 1e6)),
                line);
        assertFalse(line.contains("search desc"), line);
    }

    @Test
    void showOfASearchDescSaysEveryCandidateIsCounted(@TempDir Path dir) {
        Conf conf = Conf.load(AlgoConfs.confPaths("darts", false, null, null), List.of());
        ModelDesc search =
                Algorithms.installed()
                        .get("darts", "test")
                        .searchDescBuilder(conf)
                        .build(conf.child("nas.search.model_desc"), "search", null);
        Path file = dir.resolve("search.json");
        DescJson.save(search, file);
        Run run = nas("desc", "show", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("every candidate op of every edge counted"), run.out());
        assertTrue(run.out().contains("Size: "), run.out());
    }

    @Test
    void showOfAMacroTemplateSaysWhyItHasNoSize(@TempDir Path dir) throws Exception {
        // a hand-written macro template: nodes whose edges are still to be filled in
        Path good = desc(dir, "good.json", "from-genotype", "--genotype", "DARTS_V2");
        com.google.gson.JsonObject json =
                com.google.gson.JsonParser.parseString(Files.readString(good)).getAsJsonObject();
        for (var cell : json.getAsJsonObject("model").getAsJsonArray("cells")) {
            for (var node : cell.getAsJsonObject().getAsJsonArray("nodes")) {
                node.getAsJsonObject().add("edges", new com.google.gson.JsonArray());
            }
        }
        Path file = dir.resolve("template.json");
        Files.writeString(file, json.toString());
        Run run = nas("desc", "show", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Size: not counted: Cell 0 node 0 has no edges"), run.out());
    }

    @Test
    void everyCommandThatReadsADescRefusesAnUnregisteredOp(@TempDir Path dir) throws Exception {
        Path good = desc(dir, "good.json", "from-genotype", "--genotype", "DARTS_V2");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(good).replace("dil_conv_3x3", "dil_conv_9x9"));
        Path svg = dir.resolve("cells.svg");
        Run[] runs = {
            nas("desc", "show", bad.toString()),
            nas("desc", "draw", bad.toString(), "-o", svg.toString()),
            nas("desc", "to-genotype", bad.toString()),
            nas("eval", "--algo", "darts", "--final-desc", bad.toString(), "--exp-dir", dir + "/x")
        };
        for (Run run : runs) {
            assertEquals(1, run.exit(), run.out() + run.err());
            assertEquals("", run.out());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(
                    run.err().startsWith("nas: " + bad + ": $.model.cells[0].nodes[3]")
                            && run.err().contains("'dil_conv_9x9' is not a registered op"),
                    run.err());
        }
        assertFalse(Files.exists(svg));
        assertFalse(Files.exists(dir.resolve("x")), "nothing started");
    }
}
