package org.nas4j.algos.petridish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.nas4j.core.NasException;
import org.nas4j.core.builder.ModelDescParams;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.SearchResult;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;

/**
 * The Petridish search loop. Seeds: one model per (reductions, cells, nodes) of the configured
 * ranges, trained in parallel. Then rounds: parents drawn near the lower convex hull ({@link
 * ParentSampler}), each grown by a candidate node ({@link CandidateNode}); the children's candidate
 * nodes are searched in parallel (a {@code search} trial each, which finalizes the node), then the
 * finalized children are trained in parallel (a second {@code search} trial each, with nothing left
 * to search) and join the pool with their multiply-adds and validation error. It stops when the
 * pool holds {@code max_models} models or one reaches {@code max_macs}. Every step is saved in
 * {@link Pool} before the next, and trials finished earlier are not rerun, so an interrupted search
 * resumes where it stopped.
 *
 * <pre>{@code
 * new PetridishSearch(conf, registry, expDir, trials, 2, System.out::println).run();
 * }</pre>
 */
public final class PetridishSearch {
    /** Directory of the models' trials (and their ledger) in the experiment directory. */
    public static final String MODELS = "models";

    /** Directory of the descs the trials start from. */
    public static final String DESCS = "descs";

    private final Conf conf;
    private final PetridishSpec spec;
    private final OpRegistry registry;
    private final Path exp;
    private final ModelTrials trials;
    private final int roundSize;
    private final Consumer<String> log;
    private final long seed;

    /**
     * @param conf the run's conf ({@code nas.search.petridish}, {@code model_desc}, the seed)
     * @param registry ops, to measure models
     * @param exp the experiment directory
     * @param trials runs the trials
     * @param parallel trials the engine runs at once (children per round unless {@code round_size}
     *     says otherwise)
     * @param log progress lines
     */
    public PetridishSearch(
            Conf conf,
            OpRegistry registry,
            Path exp,
            ModelTrials trials,
            int parallel,
            Consumer<String> log) {
        this.conf = conf;
        this.spec = PetridishSpec.fromConf(conf);
        this.registry = registry;
        this.exp = exp;
        this.trials = trials;
        this.roundSize = spec.roundSize() > 0 ? spec.roundSize() : Math.max(1, parallel);
        this.log = log;
        this.seed = conf.getLong("common.seed");
        if (!(conf.getDouble("nas.search.loader.val_ratio") > 0)) {
            throw new NasException(
                    "Petridish ranks its models by validation error, but"
                            + " nas.search.loader.val_ratio is 0 ("
                            + conf.sourceOf("nas.search.loader.val_ratio")
                            + "); set it above 0, e.g. 0.1.");
        }
    }

    /** Runs (or resumes) the search and writes its outputs; returns the final pool. */
    public Pool run() {
        Pool pool = Pool.open(exp);
        if (!pool.seeded) {
            seed(pool);
        }
        ParentSampler sampler = new ParentSampler(spec.hullEpsilon(), spec.maxMacs());
        while (true) {
            if (pool.pending.isEmpty()) {
                String stop = stopReason(pool);
                if (stop != null) {
                    log.accept("petridish: stopping: " + stop);
                    break;
                }
                if (!plan(pool, sampler)) {
                    log.accept("petridish: stopping: no model may be grown further");
                    break;
                }
            }
            grow(pool);
        }
        PetridishOutputs.write(exp, pool, spec.hullEpsilon());
        return pool;
    }

    private String stopReason(Pool pool) {
        if (pool.models.size() >= spec.maxModels()) {
            return pool.models.size() + " models (max_models " + spec.maxModels() + ")";
        }
        if (pool.maxMacs() >= spec.maxMacs()) {
            return String.format(
                    Locale.ROOT,
                    "a model has %,d multiply-adds (max_macs %.3g)",
                    pool.maxMacs(),
                    spec.maxMacs());
        }
        // a search whose trials keep failing stops rather than growing children forever
        if (pool.failed.size() > Math.max(3, pool.nextChild / 2)) {
            return pool.failed.size()
                    + " models could not be trained (see 'failed' in "
                    + Pool.FILE
                    + ")";
        }
        return null;
    }

    private void seed(Pool pool) {
        ModelDescParams p = ModelDescParams.fromConf(conf.child("nas.search.model_desc"));
        List<ModelTrials.Job> jobs = new ArrayList<>();
        List<int[]> shapes = spec.seedShapes();
        if (shapes.isEmpty()) {
            throw new NasException(
                    "The seed ranges of "
                            + PetridishSpec.SECTION
                            + ".seeds give no model with cells >= 2 * reductions + 1; widen them.");
        }
        for (int k = 0; k < shapes.size(); k++) {
            int[] s = shapes.get(k);
            String id = "seed_r" + s[0] + "_c" + s[1] + "_n" + s[2];
            ModelDesc desc = PetridishModelDescBuilder.seeds().seed(p, s[0], s[1], s[2], false);
            Path file = exp.resolve(DESCS).resolve(id + ".json");
            DescJson.save(desc, file);
            jobs.add(trainJob(id, file, seed + k));
        }
        log.accept("petridish: seed models to train: " + jobs.size());
        List<ModelTrials.Outcome> out = trials.run(exp.resolve(MODELS), jobs);
        for (int k = 0; k < jobs.size(); k++) {
            int[] s = shapes.get(k);
            String id = jobs.get(k).id();
            join(pool, out.get(k), id, null, s[0], s[1], s[2]);
        }
        if (pool.models.isEmpty()) {
            throw new NasException(
                    "No seed model could be trained; the first failure: "
                            + pool.failed.get(0).message());
        }
        pool.seeded = true;
        pool.save();
    }

    /** Draws the parents of the next round and saves the children's search descs. */
    private boolean plan(Pool pool, ParentSampler sampler) {
        List<PoolModel> models = pool.models;
        int[] chosen = new int[models.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = pool.chosen.getOrDefault(models.get(i).id(), 0);
        }
        int n = Math.min(roundSize, spec.maxModels() - models.size());
        Random rng = new Random(seed * 1_000_003L + pool.round);
        List<Integer> parents = sampler.sample(pool.points(), chosen, n, rng);
        if (parents.isEmpty()) {
            return false;
        }
        for (int i : parents) {
            PoolModel parent = models.get(i);
            String id = "m" + pool.nextChild++;
            ModelDesc grown =
                    CandidateNode.grow(
                            DescJson.load(exp.resolve(parent.desc())),
                            spec.primitives(),
                            PetridishModelDescBuilder::postOp);
            DescJson.save(grown, exp.resolve(DESCS).resolve(id + "_search.json"));
            pool.pending.add(new Pool.Child(id, parent.id(), seed + 1000 + pool.nextChild));
            pool.chosen.merge(parent.id(), 1, Integer::sum);
        }
        pool.save();
        return true;
    }

    /** Searches the pending children's candidate nodes, trains them, adds them to the pool. */
    private void grow(Pool pool) {
        List<ModelTrials.Job> search = new ArrayList<>();
        for (Pool.Child c : pool.pending) {
            Path desc = exp.resolve(DESCS).resolve(c.id() + "_search.json");
            search.add(job(c.id() + "_search", desc, c.seed(), List.of()));
            log.accept(
                    "petridish: round "
                            + (pool.round + 1)
                            + ": "
                            + c.id()
                            + " grows from "
                            + c.parent());
        }
        List<ModelTrials.Outcome> searched = trials.run(exp.resolve(MODELS), search);
        List<ModelTrials.Job> train = new ArrayList<>();
        List<Pool.Child> trained = new ArrayList<>();
        for (int k = 0; k < search.size(); k++) {
            Pool.Child c = pool.pending.get(k);
            if (!searched.get(k).ok()) {
                pool.failed.add(new Pool.Failure(c.id(), c.parent(), searched.get(k).message()));
                continue;
            }
            Path finalDesc = finalDesc(search.get(k).id());
            train.add(trainJob(c.id(), finalDesc, c.seed()));
            trained.add(c);
        }
        List<ModelTrials.Outcome> out = trials.run(exp.resolve(MODELS), train);
        for (int k = 0; k < train.size(); k++) {
            Pool.Child c = trained.get(k);
            PoolModel parent = pool.model(c.parent());
            join(
                    pool,
                    out.get(k),
                    c.id(),
                    c.parent(),
                    parent.reductions(),
                    parent.cells(),
                    parent.nodes() + 1);
        }
        pool.pending.clear();
        pool.round++;
        pool.save();
    }

    /** Adds a trained model to the pool, or its failure. */
    private void join(
            Pool pool, ModelTrials.Outcome o, String id, String parent, int r, int c, int n) {
        if (pool.model(id) != null) {
            return;
        }
        Path result = exp.resolve(MODELS).resolve(id).resolve("search/result.json");
        if (!o.ok() || !Files.isRegularFile(result)) {
            pool.failed.add(
                    new Pool.Failure(id, parent, o.ok() ? "no search/result.json" : o.message()));
            return;
        }
        Double val = SearchResult.load(result).valTop1();
        if (val == null) {
            pool.failed.add(new Pool.Failure(id, parent, result + " has no val_top1"));
            return;
        }
        Path desc = finalDesc(id);
        ModelDesc d = DescJson.load(desc);
        PoolModel m =
                new PoolModel(
                        id,
                        parent,
                        r,
                        c,
                        n,
                        exp.relativize(desc).toString(),
                        ModelStats.macs(d, registry),
                        ModelStats.paramCount(d, registry),
                        val,
                        parent == null ? 0 : pool.round + 1);
        pool.models.add(m);
        log.accept(
                String.format(
                        Locale.ROOT,
                        "petridish: %s: val top-1 %.2f%%, %,d multiply-adds%s",
                        id,
                        100 * val,
                        m.macs(),
                        parent == null ? "" : " (grown from " + parent + ")"));
    }

    private Path finalDesc(String trialId) {
        return exp.resolve(MODELS).resolve(trialId).resolve("search/final_model_desc.json");
    }

    private ModelTrials.Job trainJob(String id, Path desc, long seed) {
        return job(
                id,
                desc,
                seed,
                List.of("--nas.search.trainer.epochs", String.valueOf(spec.trainEpochs())));
    }

    private static ModelTrials.Job job(String id, Path desc, long seed, List<String> more) {
        List<String> o = new ArrayList<>();
        o.add("--" + PetridishSpec.SECTION + ".model_file");
        o.add(desc.toAbsolutePath().toString());
        o.add("--common.seed");
        o.add(String.valueOf(seed));
        o.addAll(more);
        return new ModelTrials.Job(id, "search", List.of(), o);
    }
}
