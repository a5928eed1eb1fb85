package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.cli.NasCliTest.Run;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotypes;

/** {@code nas desc draw | from-genotype | to-genotype | import}. */
class DescConvertCommandsTest {
    private static final String GENOTYPE =
            "Genotype(normal=[('sep_conv_5x5', 1), ('skip_connect', 0), ('dil_conv_3x3', 2),"
                    + " ('max_pool_3x3', 1)], normal_concat=[2, 3], reduce=[('avg_pool_3x3', 0),"
                    + " ('sep_conv_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0)],"
                    + " reduce_concat=[2, 3])";

    private static Run nas(String... args) {
        return NasCliTest.nas(args);
    }

    private static void assertOneLineError(Run run, String... fragments) {
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("nas: "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        for (String f : fragments) {
            assertTrue(run.err().contains(f), f + " not in: " + run.err());
        }
    }

    private static Path fromGenotype(Path dir, String... extra) {
        Path out = dir.resolve("final.json");
        String[] args = {"desc", "from-genotype", "-o", out.toString()};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        Run run = nas(all);
        assertEquals(0, run.exit(), run.err());
        return out;
    }

    @Test
    void genotypeRoundTripsThroughADescExactly(@TempDir Path dir) {
        Path file = fromGenotype(dir, GENOTYPE);
        Run back = nas("desc", "to-genotype", file.toString());
        assertEquals(0, back.exit(), back.err());
        assertEquals(GENOTYPE, back.out().strip());
    }

    @Test
    void publishedGenotypesRoundTripByName(@TempDir Path dir) {
        for (String name : Genotypes.names()) {
            Path file = fromGenotype(dir, "--genotype", name, "--phase", "eval");
            Run back = nas("desc", "to-genotype", file.toString());
            assertEquals(Genotypes.named(name).toString(), back.out().strip(), name);
        }
    }

    @Test
    void fromGenotypeUsesTheAlgorithmsNetwork(@TempDir Path dir) {
        ModelDesc search = DescJson.load(fromGenotype(dir, "--genotype", "DARTS_V2"));
        assertEquals(3, search.cells().size(), "toy search network");
        assertFalse(search.cells().get(0).nodes().get(0).edges().get(0).op().affine());
        ModelDesc eval =
                DescJson.load(
                        fromGenotype(
                                dir,
                                "--genotype",
                                "DARTS_V2",
                                "--phase",
                                "eval",
                                "--nas.eval.model_desc.n_cells",
                                "8"));
        assertEquals(8, eval.cells().size(), "override applied");
        assertTrue(eval.cells().get(0).nodes().get(0).edges().get(0).op().affine());
        Run valid = nas("desc", "validate", dir.resolve("final.json").toString());
        assertEquals(0, valid.exit(), valid.err());
    }

    @Test
    void unparsableGenotypeIsOneLineError(@TempDir Path dir) {
        assertOneLineError(
                nas("desc", "from-genotype", "Genotype(normal=[('sep", "-o", dir + "/x.json"));
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void unknownOpInGenotypeIsNamed(@TempDir Path dir) {
        Run run =
                nas(
                        "desc",
                        "from-genotype",
                        GENOTYPE.replace("dil_conv_3x3", "dil_conv_9x9"),
                        "-o",
                        dir + "/x.json");
        assertOneLineError(run, "dil_conv_9x9", "normal[2]", "sep_conv_3x3");
    }

    @Test
    void genotypeAndNameTogetherAreRefused(@TempDir Path dir) {
        assertOneLineError(
                nas(
                        "desc",
                        "from-genotype",
                        GENOTYPE,
                        "--genotype",
                        "DARTS_V2",
                        "-o",
                        dir + "/x.json"),
                "not both");
        assertOneLineError(
                nas("desc", "from-genotype", "--genotype", "DARTS_V9", "-o", dir + "/x.json"),
                "DARTS_V9",
                "DARTS_V2");
    }

    @Test
    void impossibleGenotypeGraphIsRefused(@TempDir Path dir) {
        // node 0 cannot read node 1 (state 3): it does not exist yet
        String bad =
                GENOTYPE.replace(
                        "('skip_connect', 0), ('dil_conv_3x3', 2)",
                        "('skip_connect', 3), ('dil_conv_3x3', 2)");
        assertOneLineError(nas("desc", "from-genotype", bad, "-o", dir + "/x.json"));
    }

    @Test
    void drawWritesSvgAndPng(@TempDir Path dir) throws Exception {
        Path desc = fromGenotype(dir, GENOTYPE);
        Path svg = dir.resolve("cells.svg");
        assertEquals(0, nas("desc", "draw", desc.toString(), "-o", svg.toString()).exit());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text);
        assertTrue(text.contains("sep_conv_5x5") && text.contains("avg_pool_3x3"), "both cells");
        Path png = dir.resolve("normal.png");
        Run run = nas("desc", "draw", desc.toString(), "--cell", "normal", "-o", png.toString());
        assertEquals(0, run.exit(), run.err());
        byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);
    }

    @Test
    void drawRefusesAnUnknownFormatAndCell(@TempDir Path dir) {
        Path desc = fromGenotype(dir, GENOTYPE);
        assertOneLineError(
                nas("desc", "draw", desc.toString(), "-o", dir + "/cells.gif"), ".svg or .png");
        assertOneLineError(
                nas("desc", "draw", desc.toString(), "--cell", "middle", "-o", dir + "/c.svg"),
                "middle");
    }

    @Test
    void badDescFilesAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path notJson = dir.resolve("notjson.json");
        Files.writeString(notJson, "this is not json");
        assertOneLineError(nas("desc", "to-genotype", notJson.toString()), "notjson.json");
        assertOneLineError(
                nas("desc", "draw", notJson.toString(), "-o", dir + "/c.svg"), "notjson.json");
        Path good = fromGenotype(dir, GENOTYPE);
        Path wrongVersion = dir.resolve("v99.json");
        Files.writeString(
                wrongVersion, Files.readString(good).replace("\"version\": 1", "\"version\": 99"));
        assertOneLineError(nas("desc", "to-genotype", wrongVersion.toString()), "99");
        Path wrongFormat = dir.resolve("format.json");
        Files.writeString(
                wrongFormat,
                Files.readString(good).replace("nas4j.model_desc", "archai.model_desc"));
        assertOneLineError(nas("desc", "draw", wrongFormat.toString(), "-o", dir + "/c.svg"));
        Path cycle = dir.resolve("impossible.json");
        // node 0's first edge reads state 5 (node 3), which comes after it
        String text = Files.readString(good);
        int at = text.indexOf("\"input_ids\": [\n");
        String impossible =
                text.substring(0, at)
                        + text.substring(at)
                                .replaceFirst("\"input_ids\": \\[\\s*1\\s*]", "\"input_ids\": [5]");
        Files.writeString(cycle, impossible);
        assertOneLineError(nas("desc", "to-genotype", cycle.toString()), "impossible.json");
        assertOneLineError(nas("desc", "to-genotype", dir + "/missing.json"), "missing.json");
    }

    @Test
    void toGenotypeOfASearchDescSaysToFinalizeFirst(@TempDir Path dir) {
        Path search = dir.resolve("search.json");
        Run built = nas("desc", "build", "--algo", "darts", "-o", search.toString());
        assertEquals(0, built.exit(), built.err());
        assertOneLineError(nas("desc", "to-genotype", search.toString()), "finalize");
    }

    @Test
    void importConvertsAnArchaiDesc(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("final_model_desc.yaml");
        try (InputStream in =
                getClass().getResourceAsStream("/archai/small_final_model_desc.yaml")) {
            Files.write(yaml, in.readAllBytes());
        }
        Path out = dir.resolve("imported.json");
        Run run = nas("desc", "import", yaml.toString(), "--img-size", "28", "-o", out.toString());
        assertEquals(0, run.exit(), run.err());
        ModelDesc desc = DescJson.load(out);
        assertEquals("sep_conv_3x3", desc.cells().get(0).nodes().get(0).edges().get(0).op().name());
        assertEquals(28, desc.inputShape().get(1));
        // Archai writes the classifier as {n_ch, n_classes}; the import must keep its channels
        Run valid = nas("desc", "validate", out.toString());
        assertEquals(0, valid.exit(), valid.err());
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "_cell_descs: [unclosed\n");
        assertOneLineError(
                nas("desc", "import", broken.toString(), "-o", dir + "/b.json"), "broken.yaml");
        Path python = dir.resolve("python.yaml");
        Files.writeString(python, "!!python/object/apply:os.system ['echo hacked']\n");
        assertOneLineError(nas("desc", "import", python.toString(), "-o", dir + "/p.json"));
    }
}
