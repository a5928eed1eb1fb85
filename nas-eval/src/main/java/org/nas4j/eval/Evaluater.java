package org.nas4j.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.Provenance;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.TestResult;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.train.BestModelListener;
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
     * @param test metrics on the test set after the last epoch
     * @param wallSeconds time the phase took
     * @param params ordinary weights of the network (aux tower included)
     * @param macs multiply-adds of one forward pass on one sample
     */
    public record Result(
            ModelDesc fullDesc,
            FitResult fit,
            SplitMetrics test,
            double wallSeconds,
            long params,
            long macs,
            EvalResult.BestEpoch best) {}

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
            SplitMetrics test =
                    new Tester(run.model(), run.device(), 0.0)
                            .test(run.data().test(), fit.epochsDone());
            new TestResult(test.loss(), test.top1(), test.top5(), test.count())
                    .save(files.testResult());
            LOG.info("Test top-1 {} over {} samples", test.top1(), test.count());
            BestModelListener b = run.bestModel();
            EvalResult.BestEpoch best =
                    b == null || b.bestEpoch() < 0
                            ? null
                            : new EvalResult.BestEpoch(
                                    b.metric().label(),
                                    b.metric().mode(),
                                    b.bestEpoch(),
                                    b.bestValue());
            return new Result(
                    full,
                    fit,
                    test,
                    (System.nanoTime() - start) / 1e9,
                    ModelStats.paramCount(full, registry),
                    ModelStats.macs(full, registry),
                    best);
        }
    }
}
