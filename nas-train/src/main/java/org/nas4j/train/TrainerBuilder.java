package org.nas4j.train;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.NasOptimizer;

/** Configures a {@link Trainer}: required block and spec, the rest optional. */
public class TrainerBuilder {
    Block block;
    TrainerSpec spec;
    NamedParams modelParams;
    NamedParams weights;
    NamedParams archParams;
    NasOptimizer archOptimizer;
    Device device;
    long seed;
    DoubleConsumer dropPathSetter;
    final List<TrainListener> listeners = new ArrayList<>();
    boolean validate = true;
    String confHash;

    /** A builder for {@code block} and {@code spec}. */
    public TrainerBuilder(Block block, TrainerSpec spec) {
        this.block = block;
        this.spec = spec;
    }

    /** Parameters checkpoints save; default every parameter of the block. */
    public TrainerBuilder optModelParams(NamedParams p) {
        this.modelParams = p;
        return this;
    }

    /** Parameters the weight optimizer updates; default the trainable model parameters. */
    public TrainerBuilder optWeights(NamedParams p) {
        this.weights = p;
        return this;
    }

    /** Architecture parameters and their optimizer (closed with the trainer). */
    public TrainerBuilder optArchParams(NamedParams p, NasOptimizer archOptimizer) {
        this.archParams = p;
        this.archOptimizer = archOptimizer;
        return this;
    }

    /** Device of batches; default that of the first parameter. */
    public TrainerBuilder optDevice(Device d) {
        this.device = d;
        return this;
    }

    /** Seed of the run: DJL's generator is re-seeded from (seed, epoch) each epoch. */
    public TrainerBuilder optSeed(long s) {
        this.seed = s;
        return this;
    }

    /** Receives the drop-path probability at each epoch start (e.g. ModelBlock's setter). */
    public TrainerBuilder optDropPathSetter(DoubleConsumer setter) {
        this.dropPathSetter = setter;
        return this;
    }

    /** Whether the validation stream given to {@code fit} is evaluated after each epoch. */
    public TrainerBuilder optValidate(boolean v) {
        this.validate = v;
        return this;
    }

    /**
     * The hash of the conf the run is made with ({@link ConfFingerprint}), recorded in every
     * checkpoint so a resume can tell whether its conf is the same; default none.
     */
    public TrainerBuilder optConfHash(String hash) {
        this.confHash = hash;
        return this;
    }

    /** Adds a listener; listeners are called in the order added. */
    public TrainerBuilder addListener(TrainListener l) {
        listeners.add(l);
        return this;
    }

    /** The block. */
    public Block block() {
        return block;
    }

    /** The spec. */
    public TrainerSpec spec() {
        return spec;
    }

    /** A plain trainer. */
    public Trainer build() {
        return new Trainer(this);
    }
}
