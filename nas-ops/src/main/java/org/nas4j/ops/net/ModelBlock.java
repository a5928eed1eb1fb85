package org.nas4j.ops.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.ArchParams;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.SharedOutputs;
import org.nas4j.ops.prims.AuxTower;

/**
 * A whole network built from a {@link ModelDesc}: two model stems, the cells in order, an optional
 * auxiliary tower, the pool op and the logits op.
 *
 * <p>Input: {@code NDList(images)} of shape {@code [N, C, H, W]}. Output: {@code NDList(logits)} in
 * inference; in training, {@code NDList(logits, auxLogits)} when the desc has an aux tower. The
 * architecture weights of the ops (a mixed op's alphas) live in {@link #archParams()}, not among
 * the block's parameters, so {@link #weights()} and {@code archParams().list()} can be given to two
 * different optimizers.
 *
 * <pre>{@code
 * ModelBlock model = new ModelBlock(desc, OpRegistry.standard());
 * model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
 * NDList out = model.forward(new ParameterStore(manager, false), new NDList(x), true);
 * }</pre>
 *
 * <p>Arrays computed in a step belong to the step's manager (see {@link StepScope}); the parameters
 * belong to the manager given to {@code initialize}.
 */
public final class ModelBlock extends AbstractBlock {
    private final ModelDesc desc;
    private final OpRegistry registry;
    private final ArchParams archParams = new ArchParams();
    private final Block stem0;
    private final Block stem1;
    private final List<CellBlock> cells = new ArrayList<>();
    private final int auxCell;
    private final Block auxTower;
    private final Block pool;
    private final Block logits;
    private NDManager paramManager;
    private MemoryFormat memoryFormat = MemoryFormat.AUTO;
    private final int narrowestChannels;

    /**
     * Whether cells share pure outputs: their edges' within each cell, and the ReLU that the stems
     * of the next two cells (and the aux tower) apply to each cell output, across cells.
     */
    private final boolean share;

    /**
     * Builds every op of {@code desc} through {@code registry}.
     *
     * @throws DescFormatException if the desc does not have two model stems, has an aux tower list
     *     of the wrong length or more than one aux tower, or a cell is malformed
     * @throws org.nas4j.core.UnknownOpException if an op name is not registered
     */
    public ModelBlock(ModelDesc desc, OpRegistry registry) {
        this(desc, registry, true);
    }

    /**
     * A network whose cells compute every edge, and every ReLU and pool of their edges and stems,
     * on their own: the reference that tests and benchmarks compare the sharing network against.
     */
    public static ModelBlock unshared(ModelDesc desc, OpRegistry registry) {
        return new ModelBlock(desc, registry, false);
    }

    private ModelBlock(ModelDesc desc, OpRegistry registry, boolean share) {
        this.desc = desc;
        this.share = share;
        this.registry = registry;
        OpContext ctx = new OpContext(registry, archParams, "model");
        if (desc.modelStems().size() != 2) {
            throw new DescFormatException(
                    "A model desc needs exactly 2 model stems (for c_{k-2} and c_{k-1} of the"
                            + " first cell), got "
                            + desc.modelStems().size()
                            + ".");
        }
        stem0 =
                addChildBlock(
                        "stem0",
                        registry.create(desc.modelStems().get(0), ctx.withArchKey("stem0")));
        stem1 =
                addChildBlock(
                        "stem1",
                        registry.create(desc.modelStems().get(1), ctx.withArchKey("stem1")));
        for (CellDesc cell : desc.cells()) {
            CellBlock block = share ? new CellBlock(cell, ctx) : CellBlock.unshared(cell, ctx);
            cells.add(addChildBlock("cell" + cell.id(), block));
        }
        auxCell = findAuxCell(desc);
        auxTower =
                auxCell < 0
                        ? null
                        : addChildBlock(
                                "aux", new AuxTower(desc.auxTowers().get(auxCell), auxAffine()));
        pool = addChildBlock("pool", registry.create(desc.poolOp(), ctx.withArchKey("pool")));
        logits =
                addChildBlock(
                        "logits", registry.create(desc.logitsOp(), ctx.withArchKey("logits")));
        narrowestChannels = narrowestChannels(desc);
    }

    /** The fewest channels of any cell's nodes (0 for a network without cells). */
    static int narrowestChannels(ModelDesc desc) {
        int min = Integer.MAX_VALUE;
        for (CellDesc cell : desc.cells()) {
            min = Math.min(min, cell.conv().chIn());
            for (int c : cell.nodeChannels()) {
                min = Math.min(min, c);
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** The description this network was built from. */
    public ModelDesc desc() {
        return desc;
    }

    /** The network's architecture weights (empty for a network without mixed ops). */
    public ArchParams archParams() {
        return archParams;
    }

    /** The cells in order. */
    public List<CellBlock> cells() {
        return Collections.unmodifiableList(cells);
    }

    /**
     * The ordinary trainable weights, aux tower included: every parameter that requires a gradient
     * (frozen ones such as the scale and shift of non-affine BatchNorm and running statistics are
     * left out). Architecture weights are not among them.
     */
    public List<Parameter> weights() {
        return trainable(getParameters().values());
    }

    /** The ordinary trainable weights without the aux tower's (what papers report as size). */
    List<Parameter> weightsWithoutAux() {
        if (auxTower == null) {
            return weights();
        }
        Set<Parameter> aux = Collections.newSetFromMap(new IdentityHashMap<>());
        aux.addAll(auxTower.getParameters().values());
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : weights()) {
            if (!aux.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Parameter> trainable(List<Parameter> params) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : params) {
            if (p.requiresGradient()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Sets the probability with which drop path zeroes an edge's output in training (DARTS
     * evaluation raises it linearly over the epochs).
     *
     * @throws IllegalArgumentException unless {@code 0 <= prob < 1}
     */
    public void setDropPathProb(double prob) {
        if (!(prob >= 0 && prob < 1)) {
            throw new IllegalArgumentException(
                    "Drop-path probability must be in [0, 1), got " + prob + ".");
        }
        for (CellBlock cell : cells) {
            cell.setDropPathProb(prob);
        }
    }

    /**
     * Sets the layout of the images the network computes on ({@link MemoryFormat#AUTO} unless set:
     * channels-last on a CPU). Takes effect from the next forward pass; weights and results are the
     * same in every layout up to float rounding.
     */
    public void setMemoryFormat(MemoryFormat format) {
        this.memoryFormat = Objects.requireNonNull(format, "format");
    }

    /** The layout set with {@link #setMemoryFormat}, before it is resolved for a device. */
    public MemoryFormat memoryFormat() {
        return memoryFormat;
    }

    /** The layout a forward pass on {@code device} uses: {@link #memoryFormat()} resolved. */
    public MemoryFormat memoryFormatOn(Device device) {
        return memoryFormat.on(device, narrowestChannels);
    }

    /**
     * Writes the weights and architecture weights to {@code file} atomically, after a header that
     * identifies the desc's structure.
     *
     * @throws IllegalStateException if the network is not initialized
     */
    public void saveWeights(Path file) {
        requireInitialized("save");
        WeightsFile.save(this, file);
    }

    /**
     * Replaces the weights and architecture weights by those saved in {@code file}.
     *
     * <p>The values are copied into the network's existing arrays, so parameter stores, optimizer
     * state and gradients that refer to them stay valid.
     *
     * @throws DescFormatException if the file is not a weights file or was saved from a desc of
     *     another structure; the network is then unchanged
     * @throws IllegalStateException if the network is not initialized
     */
    public void loadWeights(Path file) {
        requireInitialized("load");
        WeightsFile.load(this, file, paramManager);
    }

    private void requireInitialized(String what) {
        if (paramManager == null || !isInitialized()) {
            throw new IllegalStateException(
                    "Initialize the network (initialize(manager, dataType, inputShape)) before"
                            + " trying to "
                            + what
                            + " its weights.");
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray x = memoryFormat.apply(input, narrowestChannels);
        NDArray s0 = stem0.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray s1 = stem1.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray aux = null;
        // the ReLU of a cell output, computed once for the next two cells' stems and the aux tower
        SharedOutputs stems = share ? new SharedOutputs() : null;
        PairList<String, Object> cellParams = stems == null ? params : with(stems, params);
        try {
            for (int i = 0; i < cells.size(); i++) {
                CellBlock cell = cells.get(i);
                NDArray next = cell.forward(ps, new NDList(s0, s1), training, cellParams).head();
                NDArray gone = s0;
                s0 = s1;
                s1 = next;
                if (stems != null && gone != s0 && gone != s1) {
                    stems.release(gone);
                }
                // no later cell reads the state that left the window: close the handle, as
                // PyTorch drops its last reference (libtorch keeps it while a backward reads it)
                if (gone != x && gone != s0 && gone != s1) {
                    gone.close();
                }
                if (training && i == auxCell) {
                    aux = auxTower.forward(ps, new NDList(s1), true, cellParams).singletonOrThrow();
                }
            }
        } finally {
            if (stems != null) {
                stems.close();
            }
        }
        NDArray pooled = pool.forward(ps, new NDList(s1), training).singletonOrThrow();
        NDArray flat = flatten(pooled);
        NDArray out = logits.forward(ps, new NDList(flat), training).singletonOrThrow();
        for (NDArray a : new NDArray[] {x, s0, s1, pooled, flat}) {
            if (a != input && a != out && a != aux && !a.isReleased()) {
                a.close();
            }
        }
        return aux == null ? new NDList(out) : new NDList(out, aux);
    }

    /** {@code params} with {@code shared}'s cache first (it wins over one already there). */
    private static PairList<String, Object> with(
            SharedOutputs shared, PairList<String, Object> params) {
        if (params == null || params.isEmpty()) {
            return shared.params();
        }
        PairList<String, Object> out = new PairList<>();
        out.addAll(shared.params());
        for (var p : params) {
            if (!SharedOutputs.PARAM.equals(p.getKey())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Elements, per sample, of the stems' ReLU outputs (and the aux tower's) that the network
     * computes once for all the readers of a cell output, while a count leaf by leaf has one per
     * reader: what {@link MemoryEstimate} takes off. 0 for {@link #unshared} networks.
     */
    long sharedStemElements() {
        if (!share) {
            return 0;
        }
        int n = cells.size();
        long surplus = 0;
        // state t: 0 and 1 the model stems' outputs, t >= 2 the output of cell t - 2; cell i
        // reads states i (its stem0) and i + 1 (its stem1)
        for (int t = 0; t < n + 2; t++) {
            List<Block> entries = new ArrayList<>();
            if (t < n) {
                CellBlock.entryLayers(cells.get(t).stem(0), entries);
            }
            if (t >= 1 && t <= n) {
                CellBlock.entryLayers(cells.get(t - 1).stem(1), entries);
            }
            if (auxTower != null && t - 2 == auxCell) {
                CellBlock.entryLayers(auxTower, entries);
            }
            Set<Object> keys = new HashSet<>();
            for (Block b : entries) {
                if (!keys.add(((SharedOutputs.Shareable) b).shareKey())) {
                    surplus += MemoryEstimate.outputElements(b);
                }
            }
        }
        return surplus;
    }

    /** [N, C, 1, 1] from the pool becomes [N, C] for the classifier, as in DARTS. */
    private static NDArray flatten(NDArray pooled) {
        return pooled.getShape().dimension() > 2
                ? pooled.reshape(pooled.getShape().get(0), -1)
                : pooled;
    }

    private static Shape flatten(Shape pooled) {
        return pooled.dimension() > 2
                ? new Shape(pooled.get(0), pooled.size() / pooled.get(0))
                : pooled;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return walkShapes(inputShapes[0], null, null);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        paramManager = manager;
        walkShapes(inputs[0], manager, dataType);
        archParams.initialize(manager, dataType);
    }

    /** Propagates shapes through the network, initializing each child on the way if asked. */
    private Shape[] walkShapes(Shape input, NDManager manager, DataType dataType) {
        Shape s0 = apply(stem0, new Shape[] {input}, manager, dataType);
        Shape s1 = apply(stem1, new Shape[] {input}, manager, dataType);
        Shape auxOut = null;
        for (int i = 0; i < cells.size(); i++) {
            Shape out = apply(cells.get(i), new Shape[] {s0, s1}, manager, dataType);
            s0 = s1;
            s1 = out;
            if (i == auxCell) {
                auxOut = apply(auxTower, new Shape[] {s1}, manager, dataType);
            }
        }
        Shape pooled = apply(pool, new Shape[] {s1}, manager, dataType);
        Shape out = apply(logits, new Shape[] {flatten(pooled)}, manager, dataType);
        return auxOut == null ? new Shape[] {out} : new Shape[] {out, auxOut};
    }

    private static Shape apply(Block b, Shape[] in, NDManager manager, DataType dataType) {
        if (manager != null) {
            b.initialize(manager, dataType, in);
        }
        return b.getOutputShapes(in)[0];
    }

    /** An uninitialized network of the same desc and registry (to load a weights file into). */
    ModelBlock twin() {
        return new ModelBlock(desc, registry, share);
    }

    /** The aux tower block, or null (for {@link ModelStats}). */
    Block auxTower() {
        return auxTower;
    }

    private boolean auxAffine() {
        // The aux tower's BatchNorm follows the network's: affine in evaluation.
        return desc.logitsOp().affine() || desc.modelStems().get(0).affine();
    }

    private static int findAuxCell(ModelDesc desc) {
        List<AuxTowerDesc> aux = desc.auxTowers();
        if (!aux.isEmpty() && aux.size() != desc.cells().size()) {
            throw new DescFormatException(
                    "The model desc has "
                            + aux.size()
                            + " aux tower entries for "
                            + desc.cells().size()
                            + " cells; give one entry per cell (null where none) or none at all.");
        }
        int found = -1;
        for (int i = 0; i < aux.size(); i++) {
            if (aux.get(i) != null) {
                if (found >= 0) {
                    throw new DescFormatException(
                            "The model desc has aux towers after cells "
                                    + found
                                    + " and "
                                    + i
                                    + "; at most one aux tower is supported.");
                }
                found = i;
            }
        }
        return found;
    }
}
