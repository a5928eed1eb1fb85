package org.nas4j.algos.nasbench101;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec checks, pruning and sampling, against the benchmark's {@code model_spec.py} and api. */
class Nb101SpecTest {
    private static final Nb101Space SPACE = Nb101Space.BENCHMARK;

    private static InvalidSpecException invalid(String matrix, String ops) {
        return assertThrows(
                InvalidSpecException.class, () -> SPACE.check(Nb101Spec.parse(matrix, ops)));
    }

    @Test
    void theReadmeCellIsValidAndKeepsItsSevenVertices() {
        Nb101Spec s = SPACE.check(Nb101Specs.INCEPTION_LIKE);
        assertEquals(Nb101Specs.INCEPTION_LIKE, s);
        assertEquals(9, s.edgeCount());
    }

    @Test
    void textWithOrWithoutQuotesReadsTheSame() {
        Nb101Spec a = Nb101Spec.parse("[[0,1],[0,0]]", "[input, output]");
        Nb101Spec b = Nb101Spec.parse("[[0, 1], [0, 0]]", "['input', \"output\"]");
        assertEquals(a, b);
        assertEquals(a, Nb101Descs.readSpec("{matrix: [[0,1],[0,0]], ops: [input, output]}"));
        assertEquals("matrix=[[0, 1], [0, 0]], ops=[input, output]", a.toString());
    }

    @Test
    void aSpecIsReadFromAFileToo(@TempDir Path dir) throws IOException {
        Path f =
                Files.writeString(
                        dir.resolve("s.json"),
                        "{\"matrix\": [[0,1],[0,0]], \"ops\": [\"input\", \"output\"]}");
        assertEquals(
                Nb101Spec.parse("[[0,1],[0,0]]", "[input,output]"),
                Nb101Descs.readSpec(f.toString()));
        InvalidSpecException e =
                assertThrows(InvalidSpecException.class, () -> Nb101Descs.readSpec("nofile.json"));
        assertTrue(e.getMessage().contains("nor a file holding one"), e.getMessage());
    }

    @Test
    void tooManyVerticesAfterPruningIsRefused() {
        String m =
                "[[0,1,0,0,0,0,0,0],[0,0,1,0,0,0,0,0],[0,0,0,1,0,0,0,0],[0,0,0,0,1,0,0,0],"
                        + "[0,0,0,0,0,1,0,0],[0,0,0,0,0,0,1,0],[0,0,0,0,0,0,0,1],[0,0,0,0,0,0,0,0]]";
        String ops = "[input" + ",conv3x3-bn-relu".repeat(6) + ",output]";
        InvalidSpecException e = invalid(m, ops);
        assertTrue(e.getMessage().contains("8 vertices after pruning"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 7"), e.getMessage());
    }

    @Test
    void tooManyEdgesIsRefused() {
        // every edge of a 6-vertex cell: 15 > 9
        StringBuilder m = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            m.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < 6; j++) {
                m.append(j == 0 ? "" : ",").append(j > i ? 1 : 0);
            }
            m.append(']');
        }
        InvalidSpecException e = invalid(m + "]", "[input" + ",maxpool3x3".repeat(4) + ",output]");
        assertTrue(e.getMessage().contains("15 edges after pruning"), e.getMessage());
    }

    @Test
    void anInputNotJoinedToTheOutputIsADisconnectedGraph() {
        InvalidSpecException e =
                invalid("[[0,1,0],[0,0,0],[0,0,0]]", "[input,conv3x3-bn-relu,output]");
        assertTrue(e.getMessage().contains("disconnected"), e.getMessage());
    }

    @Test
    void unknownOpsAndMalformedMatricesAreNamed() {
        InvalidSpecException e = invalid("[[0,1,0],[0,0,1],[0,0,0]]", "[input,conv5x5,output]");
        assertTrue(e.getMessage().contains("'conv5x5'"), e.getMessage());
        assertTrue(e.getMessage().contains("conv3x3-bn-relu, conv1x1-bn-relu"), e.getMessage());
        assertTrue(
                invalid("[[0,1],[1,0]]", "[input,output]")
                        .getMessage()
                        .contains("upper triangular"));
        assertTrue(invalid("[[0,2],[0,0]]", "[input,output]").getMessage().contains("0 or 1"));
        assertTrue(invalid("[[0,1],[0,0]]", "[output,input]").getMessage().contains("start with"));
        assertTrue(invalid("[[0,1],[0,0]]", "[input,x,output]").getMessage().contains("3 labels"));
        assertTrue(invalid("[[0,1],[0]]", "[input,output]").getMessage().contains("not square"));
        assertTrue(
                invalid("[[0,1],[0,0]", "[input,output]").getMessage().contains("cannot be read"));
    }

    @Test
    void danglingVerticesArePrunedAsTheBenchmarkDoes() {
        // vertex 2 has no input (not reachable), vertex 3 no output (a dead end): both go
        Nb101Spec s =
                Nb101Spec.parse(
                        "[[0,1,0,1,0],[0,0,0,0,1],[0,0,0,0,1],[0,0,0,0,0],[0,0,0,0,0]]",
                        "[input,conv3x3-bn-relu,maxpool3x3,conv1x1-bn-relu,output]");
        Nb101Spec p = SPACE.check(s);
        assertEquals(
                Nb101Spec.parse("[[0,1,0],[0,0,1],[0,0,0]]", "[input,conv3x3-bn-relu,output]"), p);
        assertEquals(p, p.pruned());
    }

    @Test
    void samplesAreValidSeededAndVaried() {
        Nb101Spec a = SPACE.sample(new Random(5));
        assertEquals(a, SPACE.sample(new Random(5)));
        for (int seed = 0; seed < 50; seed++) {
            Nb101Spec s = SPACE.sample(new Random(seed));
            assertEquals(s, SPACE.check(s), "seed " + seed);
            assertTrue(s.vertices() <= 7 && s.edgeCount() <= 9, s.toString());
        }
        assertNotEquals(a, SPACE.sample(new Random(6)));
        List<String> onlyPool = List.of(Nb101Ops.MAXPOOL3X3);
        Nb101Spec pools = new Nb101Space(onlyPool, 7, 9).sample(new Random(1));
        assertTrue(
                pools.ops().subList(1, pools.vertices() - 1).stream().allMatch(onlyPool::contains));
    }
}
