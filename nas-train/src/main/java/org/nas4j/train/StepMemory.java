package org.nas4j.train;

import org.nas4j.core.conf.Conf;
import org.nas4j.ops.net.MemoryEstimate;

/** The memory estimate of a phase's training step, from its conf (batch, chunks, optimizer). */
public final class StepMemory {
    private StepMemory() {}

    /** The estimate for {@code run}'s network at {@code nas.<phase>.loader.batch}. */
    public static MemoryEstimate of(PhaseRun run, Conf conf, String phase) {
        TrainerSpec t = PhaseRun.trainerSpec(conf, phase);
        int slots = "adam".equals(t.optimizer().type()) ? 2 : t.optimizer().momentum() > 0 ? 1 : 0;
        return MemoryEstimate.of(run.model(), batch(conf, phase), chunks(t), slots);
    }

    /** Samples per forward pass: the batch over {@code batch_chunks}. */
    public static int samplesPerPass(Conf conf, String phase) {
        int chunks = chunks(PhaseRun.trainerSpec(conf, phase));
        return (int) Math.ceil(batch(conf, phase) / (double) chunks);
    }

    /** The console line of {@link MemoryEstimate#describe} for {@code run}. */
    public static String describe(PhaseRun run, Conf conf, String phase) {
        return of(run, conf, phase)
                .describe(
                        samplesPerPass(conf, phase),
                        MemoryEstimate.availableBytes(),
                        "nas." + phase + ".loader");
    }

    private static int batch(Conf conf, String phase) {
        return PhaseRun.loaderSpec(conf, phase).batch();
    }

    private static int chunks(TrainerSpec t) {
        return Math.max(1, t.batchChunks());
    }
}
