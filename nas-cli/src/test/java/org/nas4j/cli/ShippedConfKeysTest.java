package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotypes;
import org.nas4j.eval.ExperimentRunner;
import org.nas4j.eval.GenotypeDescs;
import org.nas4j.search.Algorithms;
import org.nas4j.train.PhaseRun;

/**
 * Every key of every shipped conf is read by some code: each algorithm's toy, full and preset
 * confs, and each dataset conf under each algorithm's toy conf. A key nothing reads is a setting a
 * user changes to no effect, so it fails here, named with its file.
 *
 * <p>The confs are found on the classpath, so an algorithm added with its confs is checked without
 * editing this test; its own keys count as read when its {@code Algorithm.checkConf} reads them.
 */
class ShippedConfKeysTest {

    /** The conf file lists to check, each a name and the paths {@link Conf#load} is given. */
    static List<List<String>> shippedConfs() {
        List<List<String>> out = new ArrayList<>();
        for (String algo : AlgoConfs.algorithms(false)) {
            out.add(AlgoConfs.confPaths(algo, false, null, null));
            if (AlgoConfs.isShipped(AlgoConfs.ALGOS_DIR + "/" + algo + ".yaml")) {
                out.add(AlgoConfs.confPaths(algo, true, null, null));
            }
            for (String preset : AlgoConfs.presets(algo)) {
                out.add(List.of(AlgoConfs.ALGOS_DIR + "/" + algo + "_" + preset + ".yaml"));
            }
            for (String dataset : AlgoConfs.datasets()) {
                out.add(AlgoConfs.confPaths(algo, false, dataset, null));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyShippedKeyIsRead() {
        return shippedConfs().stream()
                .map(
                        paths ->
                                DynamicTest.dynamicTest(
                                        String.join(" + ", paths),
                                        () -> {
                                            Conf conf = Conf.load(paths, List.of());
                                            readAsARun(conf);
                                            assertAllRead(conf, paths);
                                        }));
    }

    @Test
    void everyInstalledAlgorithmAndDatasetShipsAConf() {
        List<String> withConf = AlgoConfs.algorithms(false);
        for (var algo : Algorithms.installed().list()) {
            assertTrue(
                    withConf.contains(algo.name()),
                    "Algorithm " + algo.name() + " ships no " + algo.name() + "_toy.yaml");
        }
        assertFalse(AlgoConfs.datasets().isEmpty());
    }

    @Test
    void anUnreadKeyIsNamedWithItsFile() {
        Conf extra =
                Conf.fromYaml(
                        "__include__: ['confs/algos/darts_toy.yaml']\n"
                                + "nas: {search: {trainer: {bilevel: {ordr: first}}}}\n",
                        "typo.yaml");
        readAsARun(extra);
        AssertionError e = null;
        try {
            assertAllRead(extra, List.of("typo.yaml"));
        } catch (AssertionError err) {
            e = err;
        }
        assertTrue(e != null, "the misspelt key was not reported");
        assertTrue(
                e.getMessage().contains("nas.search.trainer.bilevel.ordr (typo.yaml:2)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("read beside it: order"), e.getMessage());
    }

    /**
     * Reads what {@code nas run} reads before it trains: the keys of the CLI, the runner, both
     * phases' specs, the search and eval descs, the finalizers and the algorithm's own keys.
     */
    static void readAsARun(Conf conf) {
        // RunCommand
        conf.getInt("common.num_threads", 0);
        conf.getString("common.logdir");
        conf.getString("common.experiment_name");
        conf.getBool("common.resume", true);
        // ExperimentRunner: nas.search.algo and Algorithm.checkConf, then the summary
        ExperimentRunner runner = ExperimentRunner.of(conf);
        conf.getLong("common.seed");
        conf.getString("dataset.name");
        // PhaseRun of each phase
        conf.getString("common.device");
        conf.getInt("common.log_interval", 50);
        for (String phase : List.of("search", "eval")) {
            if (!conf.has("nas." + phase + ".loader")) {
                continue; // a phase that trains nothing (nasbench101's search) has no loader
            }
            PhaseRun.datasetSpec(conf, phase);
            PhaseRun.loaderSpec(conf, phase);
            PhaseRun.trainerSpec(conf, phase);
        }
        // Searcher and Evaluater
        ModelDesc searched = runner.searcher().buildDesc();
        runner.algorithm().finalizers(conf, runner.registry());
        // a run evaluates the search's final desc; for an algorithm that trains no supernet
        // (random, manual) that is its search desc
        ModelDesc template =
                runner.algorithm().trainsSupernet()
                        ? GenotypeDescs.build(
                                Genotypes.named("DARTS_V2"),
                                conf.child("nas.search.model_desc"),
                                "search")
                        : searched;
        runner.evaluater().buildDesc(template);
    }

    /** Fails naming each unread key, its file and the keys read beside it. */
    static void assertAllRead(Conf conf, List<String> paths) {
        List<String> unread = conf.unreadKeys();
        if (unread.isEmpty()) {
            return;
        }
        SortedSet<String> read = conf.readKeys();
        StringBuilder msg =
                new StringBuilder("Keys no code reads in the conf loaded from " + paths + ":");
        for (String key : unread) {
            int dot = key.lastIndexOf('.');
            String parent = dot < 0 ? "" : key.substring(0, dot + 1);
            List<String> beside = new ArrayList<>();
            for (String r : read) {
                if (r.startsWith(parent) && r.indexOf('.', parent.length()) < 0) {
                    beside.add(r.substring(parent.length()));
                }
            }
            msg.append("\n  ")
                    .append(key)
                    .append(" (")
                    .append(conf.locationOf(key))
                    .append(")")
                    .append(
                            beside.isEmpty()
                                    ? "; nothing beside it is read either"
                                    : "; read beside it: " + String.join(", ", beside));
        }
        msg.append(
                "\nRemove the key, or make the code that owns its section read it (an algorithm's"
                        + " own keys: read them in Algorithm.checkConf).");
        fail(msg.toString());
    }
}
