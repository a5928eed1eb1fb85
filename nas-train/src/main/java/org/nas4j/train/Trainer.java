package org.nas4j.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.nas4j.core.NasException;
import org.nas4j.ops.Scalars;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;
import org.nas4j.train.optim.GradClip;
import org.nas4j.train.optim.LrSchedule;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.NasOptimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an initialised DJL block epoch by epoch: forward in a gradient collector, cross entropy
 * with label smoothing (plus the aux tower's loss when the block returns two outputs), gradient
 * accumulation over {@code batch_chunks}, clipping by global norm, an optimizer step at the
 * scheduled learning rate, metrics and listeners; validation after each epoch; checkpoints through
 * {@link CheckpointListener} (after epochs and, optionally, every N steps) and resumption, in the
 * middle of an epoch too, through {@link #restore}.
 *
 * <p>An architecture trainer extends this class and overrides {@link #beforeWeightStep} (for
 * bilevel DARTS: take a validation batch and update the architecture weights) and, if it needs
 * them, {@link #onEpochBegin} and {@link #trainStep}:
 *
 * <pre>{@code
 * class DartsArchTrainer extends Trainer {
 *     DartsArchTrainer(TrainerBuilder b) { super(b); }
 *     protected void beforeWeightStep(StepContext ctx) { ... alpha step on a val batch ... }
 * }
 * }</pre>
 *
 * <p>Memory: each step's arrays live in a sub-manager closed after the step; gradient handles and
 * optimizer temporaries are moved there. The number of arrays in the parameters' managers is
 * checked each epoch and a growth is logged, since it means some op keeps parameter-derived
 * results. A trainer holds its optimizers' state: {@link #close()} it when done.
 */
public class Trainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Block block;
    private final TrainerSpec spec;
    private final NamedParams modelParams;
    private final NamedParams weights;
    private final NamedParams archParams;
    private final NasOptimizer optimizer;
    private final NasOptimizer archOptimizer;
    private final LrSchedule schedule;
    private final Device device;
    private final long seed;
    private final DoubleConsumer dropPathSetter;
    private final List<TrainListener> listeners;
    private final boolean validate;
    private final NDManager stepRoot;
    private final List<EpochMetrics> history = new ArrayList<>();
    private long globalStep;
    private int epochsDone;
    private final String confHash;
    private EpochPosition position;
    private String lastCheckpoint; // where the last checkpoint written or restored stood

    /** Builds from {@code b}; subclasses pass their builder on. */
    protected Trainer(TrainerBuilder b) {
        if (b.block == null || b.spec == null) {
            throw new NasException("A trainer needs a block and a trainer spec.");
        }
        this.block = b.block;
        this.spec = b.spec;
        this.modelParams = b.modelParams != null ? b.modelParams : NamedParams.of(b.block);
        this.weights = b.weights != null ? b.weights : modelParams.trainable();
        this.archParams = b.archParams != null ? b.archParams : NamedParams.empty();
        this.archOptimizer = b.archOptimizer;
        this.optimizer = spec.optimizer().create();
        this.schedule = spec.lrSchedule().create(spec.optimizer().lr(), spec.epochs());
        this.device = b.device != null ? b.device : firstDevice(modelParams);
        this.seed = b.seed;
        this.dropPathSetter = b.dropPathSetter;
        this.listeners = List.copyOf(b.listeners);
        this.validate = b.validate;
        this.stepRoot = NDManager.newBaseManager(device);
        this.confHash = b.confHash;
    }

    /** A builder for a trainer of {@code block} configured by {@code spec}. */
    public static TrainerBuilder builder(Block block, TrainerSpec spec) {
        return new TrainerBuilder(block, spec);
    }

    /**
     * Trains from where the last restored checkpoint stopped (epoch 0 for a fresh trainer), in the
     * middle of an epoch when it was a step checkpoint.
     */
    public FitResult fit(BatchStream train, BatchStream valOrNull) {
        return fit(train, valOrNull, epochsDone);
    }

    /**
     * Trains epochs {@code startEpoch} to {@code epochs - 1}; validates on {@code valOrNull} after
     * each epoch when given. When {@code startEpoch} is the epoch a restored step checkpoint
     * stopped in, that epoch continues at the checkpoint's batch.
     *
     * @throws NasException when the loss becomes NaN or infinite; no checkpoint is written after
     *     that step, so the last good one is kept
     */
    public FitResult fit(BatchStream train, BatchStream valOrNull, int startEpoch) {
        Devices.gradModeOffOnThisThread();
        epochsDone = startEpoch;
        EpochPosition from = position != null && position.epoch() == startEpoch ? position : null;
        position = from;
        for (TrainListener l : listeners) {
            l.onTrainStart(this, startEpoch);
        }
        for (int epoch = startEpoch; epoch < spec.epochs(); epoch++) {
            runEpoch(epoch, train, valOrNull, epoch == startEpoch ? from : null);
        }
        FitResult result = result();
        for (TrainListener l : listeners) {
            l.onTrainEnd(this, result);
        }
        return result;
    }

    private void runEpoch(int epoch, BatchStream train, BatchStream val, EpochPosition from) {
        if (from != null) {
            from.checkFits(train, "epoch " + (epoch + 1));
        }
        int first = from == null ? 0 : from.batch();
        long start = System.nanoTime() - (from == null ? 0 : seconds(from.epochSeconds()));
        Engine.getInstance().setRandomSeed(epochSeed(seed, epoch));
        if (dropPathSetter != null) {
            dropPathSetter.accept(spec.dropPathProb() * epoch / Math.max(1, spec.epochs()));
        }
        int steps = train.batchesPerEpoch();
        onEpochBegin(epoch, train, val);
        for (TrainListener l : listeners) {
            l.onEpochStart(this, epoch, steps);
        }
        SplitMetrics.Meter meter = from == null ? new SplitMetrics.Meter() : from.meter();
        double firstLr = schedule.lr(epoch, 0, steps);
        double normSum = from == null ? 0 : from.gradNormSum();
        int step = first;
        long trainNanos = from == null ? 0 : seconds(from.trainSeconds());
        int arraysBefore = -1;
        Iterator<HostBatch> it = train.epoch(epoch, first);
        try {
            while (it.hasNext()) {
                HostBatch batch = it.next();
                long t0 = System.nanoTime();
                double lr = schedule.lr(epoch, step, steps);
                Engine.getInstance().setRandomSeed(stepSeed(seed, epoch, step));
                StepResult r = runStep(epoch, step, steps, lr, batch);
                trainNanos += System.nanoTime() - t0;
                if (!Double.isFinite(r.loss())) {
                    throw nanLoss(epoch, step, r.loss());
                }
                meter.add(r.loss(), r.count(), r.top1Correct(), r.top5Correct());
                normSum += r.gradNorm();
                globalStep++;
                if (step == first) {
                    arraysBefore = modelManagerArrays();
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                position =
                        new EpochPosition(
                                epoch,
                                step + 1,
                                steps,
                                train.size(),
                                meter.lossSum(),
                                meter.top1Correct(),
                                meter.top5Correct(),
                                meter.count(),
                                normSum,
                                trainNanos / 1e9,
                                elapsed);
                StepInfo info =
                        new StepInfo(
                                epoch,
                                step,
                                steps,
                                spec.epochs(),
                                globalStep,
                                r.loss(),
                                lr,
                                r.gradNorm(),
                                meter.result(),
                                meter.count() / (trainNanos / 1e9),
                                elapsed);
                for (TrainListener l : listeners) {
                    l.onStep(this, info);
                }
                step++;
            }
        } finally {
            closeIfCloseable(it);
        }
        checkLeak(arraysBefore, step - first);
        SplitMetrics valMetrics =
                val != null && validate
                        ? new Tester(block, device, spec.labelSmoothing()).test(val, epoch)
                        : null;
        onEpochFinish(epoch);
        EpochMetrics m =
                new EpochMetrics(
                        epoch,
                        step,
                        firstLr,
                        trainNanos == 0 ? 0 : meter.count() / (trainNanos / 1e9),
                        (System.nanoTime() - start) / 1e9,
                        step == 0 ? 0 : normSum / step,
                        meter.result(),
                        valMetrics,
                        null);
        history.add(m);
        epochsDone = epoch + 1;
        position = null;
        for (TrainListener l : listeners) {
            l.onEpochEnd(this, m);
        }
    }

    private static long seconds(double s) {
        return Math.round(s * 1e9);
    }

    private StepResult runStep(int epoch, int step, int steps, double lr, HostBatch b) {
        try (NDManager m = stepRoot.newSubManager()) {
            NDArray x = m.create(b.images(), new Shape(b.n(), b.c(), b.h(), b.w()));
            NDArray y = m.create(b.labels());
            return trainStep(new StepContext(epoch, step, steps, globalStep, lr, b, m, x, y));
        }
    }

    /**
     * One training step: {@link #beforeWeightStep} then {@link #weightStep}. Override to change the
     * order or add work; arrays belong in {@code ctx.manager()}.
     */
    protected StepResult trainStep(StepContext ctx) {
        beforeWeightStep(ctx);
        return weightStep(ctx);
    }

    /**
     * Runs before each weight step, outside any gradient collector (a hook may open its own).
     * Architecture trainers update the architecture weights here; they should zero the architecture
     * gradients before their own backward, since the weight step's backward also reaches them. Does
     * nothing by default.
     */
    protected void beforeWeightStep(StepContext ctx) {}

    /** Runs at the start of each epoch, before listeners; e.g. to open a validation iterator. */
    protected void onEpochBegin(int epoch, BatchStream train, BatchStream valOrNull) {}

    /** Runs after the epoch's steps and validation, before the metrics reach listeners. */
    protected void onEpochFinish(int epoch) {}

    /**
     * The standard weight step: zero weight gradients, forward and backward over {@code
     * batch_chunks} parts of the batch (each loss scaled by its share of the batch), clip, step.
     * The loss is checked before the update, so a NaN never reaches the weights.
     */
    protected final StepResult weightStep(StepContext ctx) {
        List<Parameter> ws = weights.list();
        optimizer.zeroGrad(ws);
        HostBatch b = ctx.batch();
        int n = b.n();
        int chunks = Math.min(spec.batchChunks(), n);
        double lossSum = 0;
        long c1 = 0;
        long c5 = 0;
        for (int k = 0; k < chunks; k++) {
            int from = (int) ((long) k * n / chunks);
            int to = (int) ((long) (k + 1) * n / chunks);
            NDArray xs =
                    chunks == 1 ? ctx.images() : ctx.images().get(new NDIndex("{}:{}", from, to));
            NDArray ys =
                    chunks == 1 ? ctx.labels() : ctx.labels().get(new NDIndex("{}:{}", from, to));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = forward(ctx.manager(), xs, true);
                NDArray loss = loss(out, ys);
                double value = loss.getFloat();
                if (!Double.isFinite(value)) {
                    if (block instanceof ModelBlock m) {
                        m.abandonBackward();
                    }
                    return new StepResult(value, n, 0, 0, 0);
                }
                gc.backward(Scalars.times(loss, (double) (to - from) / n));
                if (block instanceof ModelBlock m) {
                    m.finishBackward(gc); // the cells recomputed in the backward, if any
                }
                lossSum += value * (to - from);
                NDArray logits = out.get(0);
                int classes = (int) logits.getShape().get(1);
                int[] labels = java.util.Arrays.copyOfRange(b.labels(), from, to);
                long[] c = Losses.topKCorrect(logits.toFloatArray(), labels, to - from, classes);
                c1 += c[0];
                c5 += c[1];
            }
        }
        double norm = GradClip.clipByGlobalNorm(ws, spec.gradClip());
        optimizer.step(ws, ctx.lr());
        return new StepResult(lossSum / n, n, c1, c5, norm);
    }

    /** The block's outputs for {@code x}; {@code training} selects training behaviour. */
    public NDList forward(NDManager manager, NDArray x, boolean training) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), training);
    }

    /**
     * The training loss of {@code out}: cross entropy of the logits plus {@code aux_weight} times
     * that of the aux logits when the block returned two outputs.
     */
    public NDArray loss(NDList out, NDArray labels) {
        NDArray loss = Losses.crossEntropy(out.get(0), labels, spec.labelSmoothing());
        if (out.size() > 1 && spec.auxWeight() > 0) {
            NDArray aux = Losses.crossEntropy(out.get(1), labels, spec.labelSmoothing());
            // a Number factor would be freed before the backward reads it (see Scalars)
            loss = loss.add(Scalars.times(aux, spec.auxWeight()));
        }
        return loss;
    }

    private NasException nanLoss(int epoch, int step, double loss) {
        String kept =
                lastCheckpoint == null
                        ? "no checkpoint exists yet"
                        : "the last good checkpoint (" + lastCheckpoint + ") is kept";
        return new NasException(
                "Training stopped: the loss became "
                        + loss
                        + " at epoch "
                        + (epoch + 1)
                        + " of "
                        + spec.epochs()
                        + " (index "
                        + epoch
                        + "), step "
                        + (step + 1)
                        + "; "
                        + kept
                        + " and none is written after this step. A lower learning rate or a"
                        + " grad_clip may help.");
    }

    private void checkLeak(int before, int steps) {
        if (before < 0 || steps < 2) {
            return;
        }
        int grown = modelManagerArrays() - before;
        if (grown > 0) {
            LOG.warn(
                    "{} arrays accumulated in the parameters' managers over {} steps: some op keeps"
                            + " results computed from a parameter; attach them to the step's"
                            + " manager.",
                    grown,
                    steps - 1);
        }
    }

    /** Number of arrays held by the managers of the model and architecture parameters. */
    public int modelManagerArrays() {
        Set<NDManager> managers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NamedParams ps : List.of(modelParams, archParams)) {
            for (Parameter p : ps.list()) {
                if (p.isInitialized()) {
                    managers.add(p.getArray().getManager());
                }
            }
        }
        int n = 0;
        for (NDManager m : managers) {
            n += m.getManagedArrays().size();
        }
        return n;
    }

    /** Writes a checkpoint of the current state into {@code dir} (see {@link Checkpoint}). */
    public void saveCheckpoint(Path dir) {
        Checkpoint.save(dir, progress(), modelParams, archParams, optimizer, archOptimizer);
        lastCheckpoint = where(position, epochsDone);
    }

    private static String where(EpochPosition p, int epochsDone) {
        return p == null
                ? "after epoch " + epochsDone
                : "after step " + p.batch() + " of epoch " + (p.epoch() + 1);
    }

    /**
     * Restores a checkpoint from {@code dir} into this trainer's parameters and optimizers; when it
     * is a step checkpoint, the next {@link #fit} continues its epoch at its batch.
     *
     * @return the epoch to continue at (the one in progress for a step checkpoint)
     */
    public int restore(Path dir) {
        Checkpoint.Progress p =
                Checkpoint.load(dir, modelParams, archParams, optimizer, archOptimizer);
        if (p.seed() != seed) {
            LOG.warn(
                    "Checkpoint in {} was written with seed {} but this run uses seed {}; the"
                            + " continuation will not match an uninterrupted run.",
                    dir,
                    p.seed(),
                    seed);
        }
        history.clear();
        history.addAll(p.history());
        globalStep = p.globalStep();
        epochsDone = p.epochsDone();
        position = p.position();
        lastCheckpoint = where(position, epochsDone);
        return epochsDone;
    }

    /** Where training stands, as a checkpoint stores it. */
    public Checkpoint.Progress progress() {
        return new Checkpoint.Progress(epochsDone, globalStep, seed, history, position, confHash);
    }

    /**
     * Where the epoch in progress stands (after a step, or restored from a step checkpoint), or
     * {@code null} at an epoch boundary.
     */
    public EpochPosition position() {
        return position;
    }

    /** The result so far. */
    public FitResult result() {
        return new FitResult(history, epochsDone, globalStep);
    }

    /** The seed DJL's generator gets at the start of {@code epoch}. */
    public static int epochSeed(long seed, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 32));
    }

    /**
     * The seed DJL's generator gets before step {@code step} of {@code epoch}, so the randomness of
     * a step (dropout, drop path, Gumbel noise) does not depend on whether the run was resumed.
     */
    public static int stepSeed(long seed, int epoch, int step) {
        long z = epochSeed(seed, epoch) * 0xD1B54A32D192ED03L + (step + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 29)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 32)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 29));
    }

    static void closeIfCloseable(Iterator<?> it) {
        if (it instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("Closing a batch iterator failed", e);
            }
        }
    }

    private static Device firstDevice(NamedParams ps) {
        for (Parameter p : ps.list()) {
            if (p.isInitialized()) {
                return p.getArray().getDevice();
            }
        }
        return Device.cpu();
    }

    /** The trained block. */
    public Block block() {
        return block;
    }

    /** The trainer spec. */
    public TrainerSpec spec() {
        return spec;
    }

    /** Every model parameter, by name (what checkpoints save). */
    public NamedParams modelParams() {
        return modelParams;
    }

    /** The weights the optimizer updates. */
    public NamedParams weights() {
        return weights;
    }

    /** The architecture parameters (empty for plain training). */
    public NamedParams archParams() {
        return archParams;
    }

    /** The weight optimizer. */
    public NasOptimizer optimizer() {
        return optimizer;
    }

    /** The architecture optimizer, or {@code null}. */
    public NasOptimizer archOptimizer() {
        return archOptimizer;
    }

    /** The learning-rate schedule of the weights. */
    public LrSchedule schedule() {
        return schedule;
    }

    /** The device of the parameters and batches. */
    public Device device() {
        return device;
    }

    /** The run's seed. */
    public long seed() {
        return seed;
    }

    /** Epoch metrics so far. */
    public List<EpochMetrics> history() {
        return Collections.unmodifiableList(history);
    }

    /** Steps completed. */
    public long globalStep() {
        return globalStep;
    }

    /** Epochs completed. */
    public int epochsDone() {
        return epochsDone;
    }

    /** Frees the optimizers' state and the step manager; the block is the caller's. */
    @Override
    public void close() {
        optimizer.close();
        if (archOptimizer != null) {
            archOptimizer.close();
        }
        stepRoot.close();
    }
}
