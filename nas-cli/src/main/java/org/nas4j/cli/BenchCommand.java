package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nas4j.cli.bench.OpBench;
import org.nas4j.cli.bench.StepBench;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.Json;
import org.nas4j.eval.ExperimentRunner;
import org.nas4j.train.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code nas bench}: images/s, data wait and memory of real training steps, as one JSON line. */
@Command(
        name = "bench",
        description = {
            "Time training steps of the search (weights + architecture) or evaluation"
                    + " network on real data and print one JSON line.",
            ""
        })
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfOptions confOptions;

    @Unmatched List<String> overrides = new ArrayList<>();

    @Option(
            names = "--phase",
            defaultValue = "search",
            description =
                    "search or eval: a training step of that phase's network; ops: each op alone"
                            + " (default search).")
    String phase;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: the conf's).")
    Integer batch;

    @Option(
            names = "--steps",
            defaultValue = "20",
            paramLabel = "N",
            description = "Timed steps (default 20).")
    int steps;

    @Option(
            names = "--warmup",
            defaultValue = "3",
            paramLabel = "N",
            description = "Untimed steps first (default 3).")
    int warmup;

    @Option(
            names = "--order",
            paramLabel = "first|second",
            description =
                    "DARTS bilevel order for the search phase (default: both, first then second).")
    String order;

    @Option(
            names = "--genotype",
            paramLabel = "NAME|GENOTYPE",
            description =
                    "Cells of the eval network (default DARTS_V2; for an algorithm that trains no"
                            + " supernet, random, nasbench101 or manual, the network its search"
                            + " phase builds).")
    String genotype;

    private static final String BILEVEL_ORDER = "nas.search.trainer.bilevel.order";
    private static final String ARCH_WARMUP = "nas.search.trainer.arch_warmup_epochs";

    @Option(
            names = "--channels",
            defaultValue = "16",
            paramLabel = "C",
            description = "Channels of --phase ops (default 16).")
    int channels;

    @Option(
            names = "--size",
            defaultValue = "28",
            paramLabel = "S",
            description = "Height and width of --phase ops (default 28).")
    int size;

    @Option(
            names = "--profile",
            paramLabel = "FILE",
            description =
                    "Also record libtorch's operator profile of the timed steps (search or eval) as"
                            + " a Chrome trace JSON; with both bilevel orders, FILE gets -first and"
                            + " -second before its extension. The profiler slows the timed steps.")
    Path profile;

    @Override
    public Integer call() throws Exception {
        if (phase.equals("ops")) {
            return opTable();
        }
        if (!phase.equals("search") && !phase.equals("eval")) {
            throw new NasException("--phase must be search, eval or ops, not '" + phase + "'.");
        }
        if (phase.equals("search")
                && !ExperimentRunner.of(confOptions.load(overrides)).algorithm().trainsSupernet()) {
            throw new NasException(
                    confOptions.algo
                            + " trains no supernet: its search phase only builds the architecture;"
                            + " time its training with --phase eval.");
        }
        // only bilevel algorithms (DARTS' trainer) have an order; the others (didarts, xnas,
        // ...) are timed once, with their own step
        boolean bilevel = phase.equals("search") && confOptions.load(overrides).has(BILEVEL_ORDER);
        if (order != null && !bilevel) {
            throw new NasException(
                    "--order applies to algorithms with the key "
                            + BILEVEL_ORDER
                            + "; this algorithm's search conf has none.");
        }
        List<String> orders =
                !bilevel
                        ? java.util.Collections.singletonList(null)
                        : order != null
                                ? List.of(order)
                                : bilevel
                                        ? List.of("first", "second")
                                        : java.util.Collections.singletonList(null);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String o : orders) {
            Map<String, Object> r;
            try {
                r = runOnce(o);
            } catch (ConfException e) {
                if (order != null || !"second".equals(o)) {
                    throw e;
                }
                // an algorithm that supports first order only (gs): report it, keep the line
                result.put(o + "_order", "unsupported: " + e.getMessage());
                continue;
            }
            if (orders.size() == 1) {
                result.putAll(r);
            } else {
                // one line for both orders: shared facts once, per-order timings under the order
                Map<String, Object> timings = new LinkedHashMap<>();
                for (String k :
                        List.of(
                                "images_per_s",
                                "step_ms_median",
                                "step_ms_p90",
                                "data_wait_share",
                                "rss_mb_after_warmup",
                                "rss_mb_end")) {
                    timings.put(k, r.remove(k));
                }
                r.remove("order");
                result.putAll(r);
                result.put(o + "_order", timings);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.toLine(result));
        out.flush();
        return 0;
    }

    /** {@code --phase ops}: one JSON line per op of {@link OpBench}. */
    private int opTable() {
        if (channels < 1 || size < 1 || (batch != null && batch < 1) || steps < 1 || warmup < 0) {
            throw new NasException(
                    "--channels, --size, --batch and --steps must be at least 1 and --warmup 0"
                            + " or more.");
        }
        Conf conf = confOptions.load(overrides);
        Devices.applyThreads(conf.getInt("common.num_threads", 0));
        OpBench bench =
                new OpBench(
                        ExperimentRunner.of(conf).registry(),
                        batch == null ? 64 : batch,
                        channels,
                        size);
        PrintWriter out = spec.commandLine().getOut();
        for (Map<String, Object> row : bench.run(warmup, steps)) {
            row.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
            row.put("malloc", StepBench.malloc());
            out.println(Json.toLine(row));
            out.flush();
        }
        return 0;
    }

    private Map<String, Object> runOnce(String bilevelOrder) throws java.io.IOException {
        List<String> all = new ArrayList<>(overrides);
        String p = "--nas." + phase;
        all.addAll(List.of(p + ".loader.max_batches", String.valueOf(warmup + steps)));
        all.addAll(List.of(p + ".trainer.epochs", "1"));
        if (batch != null) {
            all.addAll(List.of(p + ".loader.batch", String.valueOf(batch)));
        }
        if (bilevelOrder != null) {
            all.addAll(List.of("--" + BILEVEL_ORDER, bilevelOrder));
        }
        if (phase.equals("search") && confOptions.load(all).has(ARCH_WARMUP)) {
            // the single timed epoch must contain architecture steps
            all.addAll(List.of("--" + ARCH_WARMUP, "0"));
        }
        Conf conf = confOptions.load(all);
        Devices.applyThreads(conf.getInt("common.num_threads", 0));
        ExperimentRunner runner = ExperimentRunner.of(conf);
        Path work = Files.createTempDirectory("nas-bench");
        ModelDesc template = phase.equals("eval") ? runner.evalTemplate(genotype) : null;
        return new StepBench(runner, phase, template)
                .run(warmup, steps, work, profileFile(bilevelOrder));
    }

    /** Where one run's profile goes: {@code --profile}, with the order added when both run. */
    private Path profileFile(String bilevelOrder) {
        if (profile == null || bilevelOrder == null || order != null) {
            return profile;
        }
        String name = profile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return profile.resolveSibling(stem + "-" + bilevelOrder + ext);
    }
}
