package org.nas4j.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ResultFormatException;

class ResultJsonTest {
    static final SearchResult SEARCH = new SearchResult(312.5, 3, "Genotype(...)", 61234, 0.4375);
    static final EvalResult EVAL =
            new EvalResult(95.25, 2, 123456, 7654321, 0.8123, 0.99, 0.5234, 410.5);
    static final TestResult TEST = new TestResult(0.5234, 0.8123, 0.99, 10000);
    static final ExperimentSummary SUMMARY =
            new ExperimentSummary(
                    "darts",
                    "fashion_mnist",
                    2,
                    "toy",
                    SEARCH,
                    EVAL,
                    new ExperimentSummary.Versions(
                            "0.1.0-SNAPSHOT",
                            "0.35.1",
                            "17.0.12",
                            "dc08787",
                            "clean",
                            "2.7.1-20250812 cpu (class path)",
                            "cpu (no GPU found)"));

    @Test
    void everyRecordSurvivesARoundTripThroughAFile(@TempDir Path dir) {
        SEARCH.save(dir.resolve("s.json"));
        EVAL.save(dir.resolve("e.json"));
        TEST.save(dir.resolve("t.json"));
        SUMMARY.save(dir.resolve("summary.json"));
        assertEquals(SEARCH, SearchResult.load(dir.resolve("s.json")));
        assertEquals(EVAL, EvalResult.load(dir.resolve("e.json")));
        assertEquals(TEST, TestResult.load(dir.resolve("t.json")));
        assertEquals(SUMMARY, ExperimentSummary.load(dir.resolve("summary.json")));
    }

    @Test
    void documentsStartWithFormatAndVersionAndUseSnakeCase() {
        String json = EVAL.toJson();
        assertTrue(
                json.startsWith("{\n  \"format\": \"nas4j.eval_result\",\n  \"version\": 3,"),
                json);
        assertTrue(json.contains("\"images_per_s\": 410.5"), json);
        assertTrue(SEARCH.toJson().contains("\"supernet_params\": 61234"));
        assertTrue(SUMMARY.toJson().contains("\"git_commit\": \"dc08787\""));
    }

    @Test
    void phasesThatDidNotRunAreLeftOutAndReadBackAsNull() {
        ExperimentSummary evalOnly =
                new ExperimentSummary("darts", "mnist", 1, "full", null, EVAL, null);
        String json = evalOnly.toJson();
        assertTrue(!json.contains("\"search\""), json);
        ExperimentSummary back = ExperimentSummary.fromJson(json, "summary.json");
        assertNull(back.search());
        assertEquals(evalOnly, back);
    }

    @Test
    void goldenFilesOfEveryVersionKeepLoading() throws IOException {
        for (String v : new String[] {"v0", "v1"}) {
            SearchResult s = SearchResult.fromJson(golden("search_result_" + v), v);
            EvalResult e = EvalResult.fromJson(golden("eval_result_" + v), v);
            TestResult t = TestResult.fromJson(golden("test_result_" + v), v);
            ExperimentSummary sum =
                    ExperimentSummary.fromJson(golden("experiment_summary_" + v), v);
            assertTrue(s.wallS() > 0 && s.epochs() > 0 && s.supernetParams() > 0, v);
            assertEquals(EVAL, e, v);
            assertEquals(TEST, t, v);
            assertEquals("darts", sum.algo(), v);
            assertEquals(2, sum.seed(), v);
            assertEquals(EVAL, sum.eval(), v);
            assertEquals(61234, sum.search().supernetParams(), v);
            assertEquals("clean", sum.versions().gitState(), v);
        }
        assertEquals(0.4375, SearchResult.fromJson(golden("search_result_v1"), "v1").valTop1());
        // version 2 added the best epoch; older files read it as absent
        EvalResult v2 = EvalResult.fromJson(golden("eval_result_v2"), "v2");
        assertEquals(new BestEpoch("val.top1", "max", 1, 0.8), v2.best());
        assertNull(EvalResult.fromJson(golden("eval_result_v1"), "v1").best());
        assertNull(v2.testWeights());
        assertEquals("last", v2.testedWeights(), "before version 3 the last weights were tested");
        assertNull(v2.confHash());
        SearchResult legacy = SearchResult.fromJson(golden("search_result_v0"), "v0");
        assertNull(legacy.genotype());
        assertNull(legacy.valTop1());
    }

    @Test
    void theNewestVersionsRecordBestEpochsTestedWeightsAndConfHashes() throws IOException {
        SearchResult s = SearchResult.fromJson(golden("search_result_v2"), "v2");
        assertEquals(new BestEpoch("val.loss", "min", 2, 1.25), s.best());
        assertEquals(64, s.confHash().length());
        EvalResult e = EvalResult.fromJson(golden("eval_result_v3"), "v3");
        assertEquals("best", e.testedWeights());
        assertEquals(new BestEpoch("val.top1", "max", 1, 0.8), e.best());
        TestResult t = TestResult.fromJson(golden("test_result_v2"), "v2");
        assertEquals("best", t.weights());
        assertEquals(1, t.epoch());
        assertNull(TestResult.fromJson(golden("test_result_v1"), "v1").epoch());
        ExperimentSummary sum = ExperimentSummary.fromJson(golden("experiment_summary_v2"), "v2");
        assertEquals(s, sum.search());
        assertEquals(e, sum.eval());
        // what this code writes reads back the same
        assertEquals(s, SearchResult.fromJson(s.toJson(), "again"));
        assertEquals(e, EvalResult.fromJson(e.toJson(), "again"));
        assertEquals(t, TestResult.fromJson(t.toJson(), "again"));
    }

    @Test
    void unknownVersionIsRefusedNamingTheReadableOnes() {
        String v4 = EVAL.toJson().replace("\"version\": 3", "\"version\": 4");
        ResultFormatException e =
                assertThrows(
                        ResultFormatException.class,
                        () -> EvalResult.fromJson(v4, "eval/result.json"));
        assertTrue(e.getMessage().contains("eval/result.json"), e.getMessage());
        assertTrue(e.getMessage().contains("version 4"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 1, 2, 3]"), e.getMessage());
    }

    @Test
    void anotherFormatIsRefused() {
        ResultFormatException e =
                assertThrows(
                        ResultFormatException.class,
                        () -> SearchResult.fromJson(EVAL.toJson(), "search/result.json"));
        assertTrue(e.getMessage().contains("nas4j.eval_result"), e.getMessage());
        assertTrue(e.getMessage().contains("nas4j.search_result"), e.getMessage());
        String noVersion = "{\"format\": \"nas4j.test_result\", \"top1\": 0.5}";
        assertThrows(ResultFormatException.class, () -> TestResult.fromJson(noVersion, "t"));
    }

    @Test
    void malformedDocumentsAreRefusedNotHalfLoaded() {
        assertThrows(ResultFormatException.class, () -> TestResult.fromJson("{not json", "t"));
        assertThrows(ResultFormatException.class, () -> TestResult.fromJson("[1, 2]", "t"));
        ResultFormatException e =
                assertThrows(
                        ResultFormatException.class,
                        () -> TestResult.fromJson("{\"top1\": \"high\"}", "test.json"));
        assertTrue(e.getMessage().contains("test.json"), e.getMessage());
    }

    private static String golden(String name) throws IOException {
        String path = "/golden/results/" + name + ".json";
        try (InputStream in = ResultJsonTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
