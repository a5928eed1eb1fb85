package org.nas4j.train;

import java.util.Locale;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.MemoryEstimate;

/**
 * The memory estimate of a phase's training step, from its conf (batch, chunks, optimizer), and the
 * refusal of a CPU run that cannot fit, made before the network's weights exist.
 *
 * <pre>{@code
 * MemoryEstimate memory = StepMemory.before(desc, registry, conf, "search");
 * StepMemory.refuseIfCannotFit(memory, conf, "search");
 * console.println(StepMemory.describe(memory, conf, "search"));
 * try (PhaseRun run = new PhaseRun(conf, "search", dir, desc, registry, provenance)) { ... }
 * }</pre>
 */
public final class StepMemory {
    /**
     * How far an estimate may exceed this machine's memory before a CPU run is refused. The
     * estimate came within -35 % .. +25 % of the measured peaks, so a step estimated at 1.5 times
     * the memory needs more than the memory: it could only end in the kernel killing the process.
     */
    public static final double REFUSE_FACTOR = 1.5;

    private StepMemory() {}

    /**
     * The estimate for {@code desc} trained in {@code phase}, computed without allocating its
     * weights ({@link MemoryEstimate#ofDesc}), so that it can be checked before {@link PhaseRun}
     * builds the network.
     */
    public static MemoryEstimate before(
            ModelDesc desc, OpRegistry registry, Conf conf, String phase) {
        TrainerSpec t = PhaseRun.trainerSpec(conf, phase);
        return MemoryEstimate.ofDesc(desc, registry, batch(conf, phase), chunks(t), slots(t));
    }

    /**
     * Refuses a CPU run whose estimate exceeds {@link #REFUSE_FACTOR} times this machine's memory,
     * naming the keys that shrink it. A GPU run is not checked (its memory is another matter), nor
     * is a machine whose memory is unknown.
     *
     * @throws ConfException with the estimate, the memory and what to change
     */
    public static void refuseIfCannotFit(MemoryEstimate e, Conf conf, String phase) {
        refuseIfCannotFit(e, conf, phase, "");
    }

    /**
     * {@link #refuseIfCannotFit(MemoryEstimate, Conf, String)} whose message says, after the
     * estimate, {@code how} it was made.
     */
    public static void refuseIfCannotFit(MemoryEstimate e, Conf conf, String phase, String how) {
        long total = MemoryEstimate.totalBytes();
        if (total <= 0 || Devices.parse(conf.getString("common.device", "auto")).isGpu()) {
            return;
        }
        if (e.peakBytes() > REFUSE_FACTOR * total) {
            String p = "nas." + phase;
            throw new ConfException(
                    "One training step of the "
                            + phase
                            + " network needs about "
                            + e.describe(samplesPerPass(conf, phase), 0, p + ".loader")
                                    .replaceFirst("^memory estimate: ", "")
                                    .replaceFirst(" peak", "")
                            + how
                            + ", more than this machine's "
                            + String.format(Locale.ROOT, "%.1f GB", total / (double) (1L << 30))
                            + " of memory can hold; it would be killed for memory. Lower "
                            + p
                            + ".loader.batch or raise "
                            + p
                            + ".trainer.batch_chunks (smaller passes, the same batch), or lower "
                            + p
                            + ".model_desc.n_cells or init_node_ch.");
        }
    }

    /** The estimate for {@code run}'s network at {@code nas.<phase>.loader.batch}. */
    public static MemoryEstimate of(PhaseRun run, Conf conf, String phase) {
        TrainerSpec t = PhaseRun.trainerSpec(conf, phase);
        return MemoryEstimate.of(run.model(), batch(conf, phase), chunks(t), slots(t));
    }

    /** Samples per forward pass: the batch over {@code batch_chunks}. */
    public static int samplesPerPass(Conf conf, String phase) {
        int chunks = chunks(PhaseRun.trainerSpec(conf, phase));
        return (int) Math.ceil(batch(conf, phase) / (double) chunks);
    }

    /** The console line of {@link MemoryEstimate#describe} for {@code run}. */
    public static String describe(PhaseRun run, Conf conf, String phase) {
        return describe(of(run, conf, phase), conf, phase);
    }

    /** The console line of {@link MemoryEstimate#describe} for {@code estimate}. */
    public static String describe(MemoryEstimate estimate, Conf conf, String phase) {
        return estimate.describe(
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

    /** Arrays the optimizer keeps per weight: Adam 2, SGD with momentum 1, plain SGD 0. */
    private static int slots(TrainerSpec t) {
        return "adam".equals(t.optimizer().type()) ? 2 : t.optimizer().momentum() > 0 ? 1 : 0;
    }
}
