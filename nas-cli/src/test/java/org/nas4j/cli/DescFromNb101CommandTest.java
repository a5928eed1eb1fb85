package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algos.nasbench101.Nb101ModelDescBuilder;
import org.nas4j.algos.nasbench101.Nb101Spec;
import org.nas4j.cli.NasCliTest.Run;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;

/**
 * {@code nas desc from-nb101}, and its desc through {@code validate}, {@code show}, {@code draw}.
 */
class DescFromNb101CommandTest {
    /** The Inception-like cell of the benchmark's README.md and example.py. */
    private static final String MATRIX =
            "[[0,1,1,1,0,1,0],[0,0,0,0,0,0,1],[0,0,0,0,0,0,1],[0,0,0,0,1,0,0],"
                    + "[0,0,0,0,0,0,1],[0,0,0,0,0,0,1],[0,0,0,0,0,0,0]]";

    private static final String OPS =
            "[input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,"
                    + "output]";

    @Test
    void theBenchmarksNetworkOfTheReadmeCellShowsItsRecordedParameterCount(@TempDir Path dir) {
        Path out = dir.resolve("inception.json");
        Run run =
                NasCliTest.nas(
                        "desc",
                        "from-nb101",
                        "--full",
                        "--dataset",
                        "cifar10",
                        "--matrix",
                        MATRIX,
                        "--ops",
                        OPS,
                        "-o",
                        out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("9 cells (2 reductions)"), run.out());
        assertEquals(0, NasCliTest.nas("desc", "validate", out.toString()).exit());
        Run show = NasCliTest.nas("desc", "show", out.toString());
        assertEquals(0, show.exit(), show.err());
        // google-research/nasbench NASBench.ipynb: "trainable_parameters: 2694282"
        assertTrue(show.out().contains("Size: 2,694,282 parameters"), show.out());
        Run draw =
                NasCliTest.nas(
                        "desc", "draw", out.toString(), "-o", dir.resolve("c.svg").toString());
        assertEquals(0, draw.exit(), draw.err());
    }

    @Test
    void danglingVerticesArePrunedAndTheToyNetworkIsTheDefault(@TempDir Path dir) {
        Path out = dir.resolve("d.json");
        Run run =
                NasCliTest.nas(
                        "desc",
                        "from-nb101",
                        "--matrix",
                        "[[0,1,1,0],[0,0,0,1],[0,0,0,0],[0,0,0,0]]",
                        "--ops",
                        "['input', 'maxpool3x3', 'conv3x3-bn-relu', 'output']",
                        "--nas.eval.model_desc.stem_channels",
                        "8",
                        "-o",
                        out.toString());
        assertEquals(0, run.exit(), run.err());
        ModelDesc d = DescJson.load(out);
        assertEquals(
                Nb101Spec.parse("[[0,1,0],[0,0,1],[0,0,0]]", "[input,maxpool3x3,output]"),
                Nb101ModelDescBuilder.specOf(d));
        assertEquals(3, d.cells().size(), "toy: one cell per stack");
        assertEquals(8, d.cells().get(0).outChannels());
    }

    @Test
    void anInvalidCellIsOneLineNamingTheProblem(@TempDir Path dir) {
        String o = dir.resolve("x.json").toString();
        assertError(
                NasCliTest.nas(
                        "desc",
                        "from-nb101",
                        "--matrix",
                        "[[0,1,0],[0,0,0],[0,0,0]]",
                        "--ops",
                        "[input,conv3x3-bn-relu,output]",
                        "-o",
                        o),
                "disconnected");
        assertError(
                NasCliTest.nas(
                        "desc",
                        "from-nb101",
                        "--matrix",
                        "[[0,1,0],[0,0,1],[0,0,0]]",
                        "--ops",
                        "[input,conv5x5-bn-relu,output]",
                        "-o",
                        o),
                "'conv5x5-bn-relu'",
                "maxpool3x3");
    }

    private static void assertError(Run run, String... fragments) {
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("nas: "), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        for (String f : fragments) {
            assertTrue(run.err().contains(f), f + " not in: " + run.err());
        }
    }
}
