package org.nas4j.algos.petridish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.result.SearchResult;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Algorithms;

/**
 * The search loop over trials that train nothing (they write a made-up result at once): a search
 * killed in its seeds and again in a later round resumes from its pool and ends with the pool of an
 * uninterrupted search, running no trial twice.
 */
class PetridishSearchTest {
    private static final OpRegistry REG = Algorithms.installed().opRegistry();

    private static Conf conf() {
        return Conf.load(
                AlgoConfs.confPaths(PetridishAlgorithm.NAME, false, null, null),
                List.of(
                        "--nas.search.petridish.max_models", "6",
                        "--nas.search.petridish.round_size", "2"));
    }

    /** Trials that finish at once, and a kill (an exception) after {@code budget} of them. */
    static final class FakeTrials implements ModelTrials {
        final List<String> ran = new ArrayList<>();
        int budget;

        FakeTrials(int budget) {
            this.budget = budget;
        }

        @Override
        public List<Outcome> run(Path dir, List<Job> jobs) {
            List<Outcome> out = new ArrayList<>();
            for (Job j : jobs) {
                Path d = dir.resolve(j.id());
                if (!Files.isRegularFile(d.resolve("search/result.json"))) {
                    if (budget-- <= 0) {
                        throw new IllegalStateException("killed before " + j.id());
                    }
                    train(j, d);
                    ran.add(j.id());
                }
                out.add(new Outcome(j.id(), true, ""));
            }
            return out;
        }

        private static void train(Job j, Path d) {
            Path file =
                    Path.of(
                            j.overrides()
                                    .get(
                                            j.overrides()
                                                            .indexOf(
                                                                    "--nas.search.petridish.model_file")
                                                    + 1));
            ModelDesc desc = DescJson.load(file);
            Random r = new Random(j.id().hashCode());
            List<CellDesc> cells = new ArrayList<>();
            for (CellDesc c : desc.cells()) {
                List<NodeDesc> nodes = new ArrayList<>();
                for (NodeDesc n : c.nodes()) {
                    List<EdgeDesc> edges = new ArrayList<>();
                    for (EdgeDesc e : n.edges()) {
                        if (e.op().name().equals(PetridishOp.NAME)) {
                            List<Double> w = new ArrayList<>();
                            for (int k = 0; k < e.op().inLen() * 8; k++) {
                                w.add(r.nextGaussian());
                            }
                            e = e.withOp(e.op().withTrainables(java.util.Map.of("alphas", w)));
                        }
                        edges.add(e);
                    }
                    nodes.add(n.withEdges(edges));
                }
                cells.add(c.withNodes(nodes));
            }
            ModelDesc fin = new PetridishFinalizers(3, REG).finalizeModel(desc.withCells(cells));
            DescJson.save(fin, d.resolve("search/final_model_desc.json"));
            long macs = org.nas4j.ops.net.ModelStats.macs(fin, REG);
            double val = 0.9 - 0.4 * Math.exp(-macs / 2e6) + 0.02 * r.nextDouble();
            new SearchResult(1, 1, null, 0, val).save(d.resolve("search/result.json"));
        }
    }

    @Test
    void aKilledSearchResumesFromItsPoolAndEndsAsAnUninterruptedOne(@TempDir Path tmp)
            throws IOException {
        Path ref = tmp.resolve("ref");
        FakeTrials all = new FakeTrials(1000);
        Pool whole = new PetridishSearch(conf(), REG, ref, all, 2, s -> {}).run();
        assertEquals(6, whole.models().size());

        Path exp = tmp.resolve("killed");
        List<String> ran = new ArrayList<>();
        for (int budget : new int[] {1, 4}) { // killed among the seeds, then in round 2
            FakeTrials t = new FakeTrials(budget);
            assertThrows(
                    IllegalStateException.class,
                    () -> new PetridishSearch(conf(), REG, exp, t, 2, s -> {}).run());
            ran.addAll(t.ran);
        }
        Pool mid = Pool.open(exp);
        assertTrue(mid.seeded && !mid.pending.isEmpty(), "the pool holds the round under way");
        FakeTrials rest = new FakeTrials(1000);
        Pool resumed = new PetridishSearch(conf(), REG, exp, rest, 2, s -> {}).run();
        ran.addAll(rest.ran);

        assertEquals(ran.size(), new HashSet<>(ran).size(), "a trial ran twice: " + ran);
        assertEquals(all.ran, ran);
        assertEquals(
                whole.models().stream().map(m -> m.id() + "<" + m.parent()).toList(),
                resumed.models().stream().map(m -> m.id() + "<" + m.parent()).toList());
        assertEquals(
                Files.readString(ref.resolve("pareto.tsv")),
                Files.readString(exp.resolve("pareto.tsv")));
        assertEquals(
                Files.readString(ref.resolve(Pool.FILE)), Files.readString(exp.resolve(Pool.FILE)));
    }

    @Test
    void theSearchGrowsChildrenFromThePoolAndWritesTheHullGallery(@TempDir Path exp)
            throws IOException {
        Pool pool = new PetridishSearch(conf(), REG, exp, new FakeTrials(1000), 2, s -> {}).run();
        List<PoolModel> models = pool.models();
        assertEquals(
                List.of("seed_r1_c3_n1", "seed_r1_c3_n2"),
                models.subList(0, 2).stream().map(PoolModel::id).toList());
        for (PoolModel m : models.subList(2, models.size())) {
            PoolModel parent = pool.model(m.parent());
            assertTrue(models.indexOf(parent) < models.indexOf(m), m.id() + " before its parent");
            assertEquals(parent.nodes() + 1, m.nodes());
            assertTrue(m.macs() > parent.macs(), m.id() + " is not larger than its parent");
            ModelDesc d = DescJson.load(exp.resolve(m.desc()));
            assertEquals(m.nodes(), d.cells().get(0).nodes().size());
            assertFalse(DescJson.toJson(d).contains(PetridishOp.NAME));
        }
        List<String> hull = PetridishOutputs.hullIds(pool);
        assertFalse(hull.isEmpty());
        for (String id : hull) {
            assertTrue(Files.isRegularFile(exp.resolve("hull").resolve(id + ".json")), id);
        }
        List<String> tsv = Files.readAllLines(exp.resolve(PetridishOutputs.PARETO));
        assertEquals(models.size() + 1, tsv.size());
        assertTrue(tsv.get(0).startsWith("id\tparent\t"));
        assertEquals(
                hull.size(),
                tsv.stream()
                        .filter(l -> l.contains("\ttrue\t"))
                        .filter(l -> l.split("\t")[9].equals("true"))
                        .count());
    }
}
