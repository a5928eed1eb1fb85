package org.nas4j.eval;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nas4j.core.ConfException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.Provenance;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.BestEpoch;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.TestResult;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.train.BestMetric;
import org.nas4j.train.FitResult;
import org.nas4j.train.PhaseRun;
import org.nas4j.train.SplitMetrics;
import org.nas4j.train.StepMemory;
import org.nas4j.train.Tester;
import org.nas4j.train.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation phase: rebuild a network with {@code nas.eval.model_desc}'s macro parameters
 * (cells, channels, reductions, affine BatchNorm, aux tower) whose cells copy the final desc's
 * template cells, train it on the whole training set, test it, and save {@code
 * full_model_desc.json}, {@code model.params}, {@code metrics.json} and {@code test.json} (see
 * {@link PhaseDir}).
 */
public class Evaluater {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluater.class);

    /**
     * What an evaluation produced.
     *
     * @param fullDesc the evaluated network
     * @param fit training history
     * @param test metrics on the test set of the tested weights
     * @param wallSeconds time the phase took
     * @param params ordinary weights of the network (aux tower included)
     * @param macs multiply-adds of one forward pass on one sample
     * @param best the best epoch by {@code nas.eval.trainer.best_metric}, or null when none is set
     * @param testWeights whose weights were tested: {@link #TEST_LAST} or {@link #TEST_BEST}
     */
    public record Result(
            ModelDesc fullDesc,
            FitResult fit,
            SplitMetrics test,
            double wallSeconds,
            long params,
            long macs,
            BestEpoch best,
            String testWeights) {}

    /** Conf key choosing whose weights the test phase tests: {@code last} or {@code best}. */
    public static final String TEST_WEIGHTS_KEY = "nas.eval.test_weights";

    /** {@value}: the last epoch's weights are tested (the default). */
    public static final String TEST_LAST = "last";

    /** {@value}: the best epoch's weights ({@code best_model.params}) are tested. */
    public static final String TEST_BEST = "best";

    /**
     * The weights file of an evaluation whose test figures it recorded: {@code best_model.params}
     * when its result says it tested the best epoch's weights ({@code nas.eval.test_weights:
     * best}), else {@code model.params}. Prediction and export use it, so they match the recorded
     * accuracy.
     */
    public static Path testedWeightsFile(PhaseDir eval) {
        if (Files.isRegularFile(eval.result()) && Files.isRegularFile(eval.bestModel())) {
            EvalResult r = EvalResult.load(eval.result());
            if (TEST_BEST.equals(r.testedWeights())) {
                return eval.bestModel();
            }
        }
        return eval.modelParams();
    }

    /**
     * The conf's {@value #TEST_WEIGHTS_KEY}, {@code last} when absent.
     *
     * @throws ConfException naming the key when it is neither {@code last} nor {@code best}, or is
     *     {@code best} without a {@code nas.eval.trainer.best_metric}
     */
    public static String testWeights(Conf conf) {
        String w = conf.getString(TEST_WEIGHTS_KEY, TEST_LAST).trim().toLowerCase(Locale.ROOT);
        if (!w.equals(TEST_LAST) && !w.equals(TEST_BEST)) {
            throw new ConfException(
                    "Key "
                            + conf.where(TEST_WEIGHTS_KEY)
                            + " = '"
                            + w
                            + "'; valid: last (the last epoch's weights), best (the best epoch's by"
                            + " nas.eval.trainer.best_metric).");
        }
        if (w.equals(TEST_BEST) && BestMetric.fromConf(conf.child("nas.eval.trainer")) == null) {
            throw new ConfException(
                    "Key "
                            + conf.where(TEST_WEIGHTS_KEY)
                            + " = 'best' needs a best epoch, but nas.eval.trainer.best_metric is"
                            + " none: set it (e.g. val.top1 with loader.val_ratio > 0, or"
                            + " train.loss) or test the last weights.");
        }
        return w;
    }

    private final Conf conf;
    private final ModelDescBuilder builder;
    private final OpRegistry registry;

    public Evaluater(Conf conf, ModelDescBuilder builder, OpRegistry registry) {
        this.conf = conf;
        this.builder = builder;
        this.registry = registry;
    }

    /** The evaluation network: the eval macro structure with {@code finalDesc}'s cells. */
    public ModelDesc buildDesc(ModelDesc finalDesc) {
        return builder.build(conf.child("nas.eval.model_desc"), "eval", finalDesc);
    }

    /** Trains and tests the network of {@code finalDesc} into {@code dir}. */
    public Result evaluate(
            ModelDesc finalDesc,
            Path dir,
            boolean resume,
            Provenance provenance,
            PrintStream console) {
        long start = System.nanoTime();
        ModelDesc full = buildDesc(finalDesc);
        PhaseDir files = PhaseDir.of(dir);
        DescJson.save(full, files.fullDesc());
        StepMemory.refuseIfCannotFit(StepMemory.before(full, registry, conf, "eval"), conf, "eval");
        try (PhaseRun run = new PhaseRun(conf, "eval", dir, full, registry, provenance);
                Trainer trainer = run.trainerBuilder(console).build()) {
            int startEpoch = run.restoreIfAny(trainer, resume);
            if (startEpoch > 0) {
                LOG.info("Resuming evaluation at epoch {}", startEpoch);
            }
            FitResult fit = trainer.fit(run.data().train(), run.data().val(), startEpoch);
            run.model().saveWeights(files.modelParams());
            BestEpoch best = run.bestModel() == null ? null : run.bestModel().best();
            String weights = TEST_LAST;
            int testedEpoch = fit.epochsDone() - 1;
            if (testWeights(conf).equals(TEST_BEST)) {
                if (best != null && Files.isRegularFile(files.bestModel())) {
                    run.model().loadWeights(files.bestModel()); // copied into the network's arrays
                    weights = TEST_BEST;
                    testedEpoch = best.epoch();
                } else {
                    LOG.warn(
                            "{} is 'best' but no best epoch was recorded; the last epoch's weights"
                                    + " are tested.",
                            TEST_WEIGHTS_KEY);
                }
            }
            SplitMetrics test =
                    new Tester(run.model(), run.device(), 0.0)
                            .test(run.data().test(), fit.epochsDone());
            new TestResult(
                            test.loss(),
                            test.top1(),
                            test.top5(),
                            test.count(),
                            weights,
                            testedEpoch < 0 ? null : testedEpoch)
                    .save(files.testResult());
            LOG.info(
                    "Test top-1 {} over {} samples ({} weights)",
                    test.top1(),
                    test.count(),
                    weights);
            return new Result(
                    full,
                    fit,
                    test,
                    (System.nanoTime() - start) / 1e9,
                    ModelStats.paramCount(full, registry),
                    ModelStats.macs(full, registry),
                    best,
                    weights);
        }
    }
}
