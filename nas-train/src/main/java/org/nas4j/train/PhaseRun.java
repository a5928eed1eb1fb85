package org.nas4j.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.Provenance;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.MemoryFormat;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.data.DataModule;
import org.nas4j.train.data.DatasetSpec;
import org.nas4j.train.data.LoaderSpec;

/**
 * What the search and the evaluation phase share: the phase's directory and its record files, the
 * seeded network on its device, the data, and a trainer builder with the standard listeners. A
 * phase run owns the network's manager and the data threads; close it when done.
 */
public final class PhaseRun implements AutoCloseable {
    private final Conf conf;
    private final String phase;
    private final Path dir;
    private final PhaseDir files;
    private final long seed;
    private final Device device;
    private final NDManager manager;
    private final ModelBlock model;
    private final DataModule data;
    private BestModelListener bestModel;

    /**
     * Seeds the engine, builds and initialises {@code desc} on the conf's device and opens the
     * phase's data; writes {@code config_used.yaml} and {@code provenance.json} into {@code dir}.
     */
    public PhaseRun(
            Conf conf,
            String phase,
            Path dir,
            ModelDesc desc,
            OpRegistry registry,
            Provenance provenance) {
        this.conf = conf;
        this.phase = phase;
        this.dir = dir;
        this.files = PhaseDir.of(dir);
        this.seed = conf.getLong("common.seed");
        this.device = Devices.parse(conf.getString("common.device"));
        AtomicFiles.writeString(files.configUsed(), conf.toYaml());
        provenance
                .withDevice(Devices.describe(conf.getString("common.device")))
                .write(files.provenance());
        Engine.getInstance().setRandomSeed((int) seed);
        this.manager = NDManager.newBaseManager(device);
        this.model = new ModelBlock(desc, registry);
        model.setMemoryFormat(MemoryFormat.of(conf.getString(MemoryFormat.KEY, "auto")));
        List<Integer> in = desc.inputShape();
        model.initialize(manager, DataType.FLOAT32, new Shape(1, in.get(0), in.get(1), in.get(2)));
        setCheckpointCells(conf, phase, model);
        this.data =
                DataModule.create(
                        datasetSpec(conf, phase),
                        loaderSpec(conf, phase),
                        DataModule.Phase.fromName(phase),
                        seed);
    }

    /**
     * Applies {@code nas.<phase>.trainer.checkpoint_cells} to {@code model}: evaluation only (an
     * architecture trainer runs backward passes of its own that would skip the recomputed cells).
     *
     * @throws ConfException naming the key when the value does not fit the network or the phase
     */
    static void setCheckpointCells(Conf conf, String phase, ModelBlock model) {
        int n = trainerSpec(conf, phase).checkpointCells();
        if (n == 0) {
            return;
        }
        Conf trainer = conf.child("nas." + phase + ".trainer"); // for the key's file and line
        if (!"eval".equals(phase)) {
            throw new ConfException(
                    "Key "
                            + trainer.where(TrainerSpec.CHECKPOINT_CELLS_KEY)
                            + " = "
                            + n
                            + ": only the evaluation phase recomputes cells in the backward"
                            + " (nas.eval.trainer."
                            + TrainerSpec.CHECKPOINT_CELLS_KEY
                            + "); set it to 0 here.");
        }
        try {
            model.setCheckpointCells(n);
        } catch (IllegalArgumentException e) {
            throw new ConfException(
                    "Key "
                            + trainer.where(TrainerSpec.CHECKPOINT_CELLS_KEY)
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The dataset spec of {@code phase} ({@code nas.<phase>.loader.dataset}). */
    public static DatasetSpec datasetSpec(Conf conf, String phase) {
        return DatasetSpec.fromConf(conf.child("nas." + phase + ".loader.dataset"));
    }

    /** The loader spec of {@code phase} ({@code nas.<phase>.loader}). */
    public static LoaderSpec loaderSpec(Conf conf, String phase) {
        return LoaderSpec.fromConf(conf.child("nas." + phase + ".loader"));
    }

    /** The trainer spec of {@code phase} ({@code nas.<phase>.trainer}). */
    public static TrainerSpec trainerSpec(Conf conf, String phase) {
        return TrainerSpec.fromConf(conf.child("nas." + phase + ".trainer"));
    }

    /** The trainer spec of this phase ({@code nas.<phase>.trainer}). */
    public TrainerSpec trainerSpec() {
        return trainerSpec(conf, phase);
    }

    /**
     * A trainer builder for the network with the seed, device, drop-path hook and the standard
     * listeners: progress on {@code console}, {@code log.txt}, {@code metrics.json}, the best
     * epoch's weights ({@code trainer.best_metric}) and checkpoints after every epoch and every
     * {@code trainer.checkpoint_every_steps} steps, which record the conf's hash ({@link
     * ConfFingerprint}).
     */
    public TrainerBuilder trainerBuilder(PrintStream console) {
        int logInterval = conf.getInt("common.log_interval", 50);
        Conf trainer = conf.child("nas." + phase + ".trainer");
        int everySteps = CheckpointListener.everyStepsOf(trainer);
        BestMetric best = BestMetric.fromConf(trainer);
        bestModel = best == null ? null : new BestModelListener(files.bestModel(), best, model);
        TrainerBuilder b =
                Trainer.builder(model, trainerSpec())
                        .optSeed(seed)
                        .optDevice(device)
                        .optDropPathSetter(model::setDropPathProb)
                        .optConfHash(ConfFingerprint.of(conf, phase))
                        .addListener(new ProgressListener(console, logInterval))
                        .addListener(new LogFileListener(files.log(), logInterval))
                        .addListener(new MetricsJsonListener(files.metrics()));
        if (bestModel != null) {
            b.addListener(bestModel); // before the checkpoint: a resumed run finds the file
        }
        return b.addListener(new CheckpointListener(files.checkpointDir(), everySteps));
    }

    /**
     * The listener keeping the best epoch's weights, when {@code trainer.best_metric} names a
     * metric and {@link #trainerBuilder} was called; else null.
     */
    public BestModelListener bestModel() {
        return bestModel;
    }

    /**
     * Restores the last checkpoint into {@code trainer} when {@code resume} is on and one exists;
     * after a step checkpoint {@link Trainer#position()} says where in the epoch it continues.
     *
     * @return the epoch to continue from (0 when starting fresh)
     */
    public int restoreIfAny(Trainer trainer, boolean resume) {
        Path ckpt = files.checkpointDir();
        if (resume && Files.isDirectory(ckpt) && Checkpoint.exists(ckpt)) {
            return trainer.restore(ckpt);
        }
        return 0;
    }

    public ModelBlock model() {
        return model;
    }

    public DataModule data() {
        return data;
    }

    public Device device() {
        return device;
    }

    public long seed() {
        return seed;
    }

    public Path dir() {
        return dir;
    }

    /** The layout of the phase's directory. */
    public PhaseDir files() {
        return files;
    }

    @Override
    public void close() {
        data.close();
        manager.close();
    }
}
