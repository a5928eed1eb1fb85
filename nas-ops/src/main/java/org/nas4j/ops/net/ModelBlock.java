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
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
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
import org.nas4j.ops.prims.DropPath;

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

    /** Cells recomputed in the backward (0: none); see {@link #setCheckpointCells}. */
    private int checkpointCells;

    /** BatchNorm statistics (and other arrays without gradient) of the recomputed cells. */
    private List<Parameter> prefixBuffers = List.of();

    /** What the last checkpointed training pass keeps for {@link #finishBackward}. */
    private Pending pending;

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
        if (pending != null) {
            pending.close();
            pending = null;
            throw new IllegalStateException(
                    "The last training pass recomputes its first "
                            + checkpointCells
                            + " cells in the backward, but finishBackward was not called after"
                            + " its backward (or abandonBackward when it had none): its gradients"
                            + " would miss those cells.");
        }
        if (training && checkpointCells > 0 && JniUtils.isGradMode()) {
            return checkpointedForward(ps, input, params);
        }
        Window w = stemsAndCells(ps, input, cells.size(), training, training, params);
        return head(ps, input, w, training, Set.of());
    }

    /**
     * The first pass of a forward that recomputes the first {@link #checkpointCells} cells in the
     * backward: those cells run without autograd (their activations are freed at once), the rest of
     * the network runs from their two outputs, made leaves that collect the gradient {@link
     * #finishBackward} sends back through the recomputed cells.
     */
    private NDList checkpointedForward(
            ParameterStore ps, NDArray input, PairList<String, Object> params) {
        int n = checkpointCells;
        DropPath.Tape tape = new DropPath.Tape();
        Window boundary;
        JniUtils.setGradMode(false);
        try {
            boundary =
                    stemsAndCells(
                            ps, input, n, true, false, with(DropPath.Tape.PARAM, tape, params));
        } finally {
            JniUtils.setGradMode(true);
        }
        // the recomputation updates the BatchNorm statistics again: keep this pass's to restore
        List<NDArray> stats = new ArrayList<>(prefixBuffers.size());
        for (Parameter p : prefixBuffers) {
            stats.add(p.getArray().duplicate());
        }
        NDArray b0 = boundary.s0();
        NDArray b1 = boundary.s1();
        b0.setRequiresGradient(true);
        b1.setRequiresGradient(true);
        Pending p = new Pending(ps, input, params, tape, b0, b1, stats);
        // the leaves whose gradients finishBackward reads (by identity, even if one array)
        Set<NDArray> leaves = Collections.newSetFromMap(new IdentityHashMap<>());
        leaves.add(b0);
        leaves.add(b1);
        try {
            Window w = run(ps, b0, b1, n, cells.size(), true, true, params, leaves);
            NDList out = head(ps, input, w, true, leaves);
            pending = p; // only a pass that produced its outputs waits for its backward
            return out;
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
    }

    /**
     * Completes the backward of the last training pass when it recomputes its first cells ({@link
     * #setCheckpointCells}): runs them again with autograd, the same drop-path masks and batch
     * statistics, and back-propagates into them the gradient their outputs received. Call it right
     * after {@code gc.backward(loss)}, inside the same collector; it does nothing after a pass that
     * recomputes nothing.
     */
    public void finishBackward(GradientCollector gc) {
        Pending p = pending;
        pending = null;
        if (p == null) {
            return;
        }
        try (p) {
            NDArray g0 = p.own(p.b0.getGradient());
            NDArray g1 = p.own(p.b1.getGradient());
            p.tape.replay();
            Window w =
                    stemsAndCells(
                            p.ps,
                            p.input,
                            checkpointCells,
                            true,
                            false,
                            with(DropPath.Tape.PARAM, p.tape, p.params));
            p.own(w.s0());
            p.own(w.s1());
            NDArray t0 = p.own(p.own(w.s0().mul(g0)).sum());
            NDArray t1 = p.own(p.own(w.s1().mul(g1)).sum());
            gc.backward(p.own(t0.add(t1)));
            // after the backward: autograd checks the statistics it saved are unchanged
            for (int i = 0; i < prefixBuffers.size(); i++) {
                p.stats.get(i).copyTo(prefixBuffers.get(i).getArray());
            }
        }
    }

    /**
     * Drops what the last training pass kept for {@link #finishBackward}, when its loss is not
     * back-propagated (a NaN loss): the next pass may start.
     */
    public void abandonBackward() {
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }

    /** Whether a training pass waits for {@link #finishBackward}. */
    public boolean backwardPending() {
        return pending != null;
    }

    /** The states a cell reads after a run of cells, and the aux logits if the run made them. */
    private record Window(NDArray s0, NDArray s1, NDArray aux) {}

    /** The input in the network's layout, through the stems and the first {@code n} cells. */
    private Window stemsAndCells(
            ParameterStore ps,
            NDArray input,
            int n,
            boolean training,
            boolean withAux,
            PairList<String, Object> params) {
        NDArray x = memoryFormat.apply(input, narrowestChannels);
        NDArray s0 = stem0.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray s1 = stem1.forward(ps, new NDList(x), training).singletonOrThrow();
        Window w = run(ps, s0, s1, 0, n, training, withAux, params, Set.of());
        if (x != input && x != w.s0() && x != w.s1()) {
            x.close();
        }
        return w;
    }

    /**
     * Cells {@code from} to {@code to - 1} on the window {@code (s0, s1)}, and the aux tower in
     * training when its cell's output passes by (at the start too, when {@code from} follows it).
     * States leaving the window are closed unless {@code keep} holds them.
     */
    private Window run(
            ParameterStore ps,
            NDArray s0,
            NDArray s1,
            int from,
            int to,
            boolean training,
            boolean withAux,
            PairList<String, Object> params,
            Set<NDArray> keep) {
        NDArray aux = null;
        // the ReLU of a cell output, computed once for the next two cells' stems and the aux tower
        SharedOutputs stems = share ? new SharedOutputs() : null;
        PairList<String, Object> cellParams =
                stems == null ? params : with(SharedOutputs.PARAM, stems, params);
        try {
            if (withAux && auxTower != null && from > 0 && from - 1 == auxCell) {
                aux = auxTower.forward(ps, new NDList(s1), true, cellParams).singletonOrThrow();
            }
            for (int i = from; i < to; i++) {
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
                if (gone != s0 && gone != s1 && !keep.contains(gone)) {
                    gone.close();
                }
                if (withAux && auxTower != null && i == auxCell) {
                    aux = auxTower.forward(ps, new NDList(s1), true, cellParams).singletonOrThrow();
                }
            }
        } finally {
            if (stems != null) {
                stems.close();
            }
        }
        return new Window(s0, s1, aux);
    }

    /** The classifier on the last window; closes what the caller does not get back. */
    private NDList head(
            ParameterStore ps, NDArray input, Window w, boolean training, Set<NDArray> keep) {
        NDArray pooled = pool.forward(ps, new NDList(w.s1()), training).singletonOrThrow();
        NDArray flat = flatten(pooled);
        NDArray out = logits.forward(ps, new NDList(flat), training).singletonOrThrow();
        NDArray aux = w.aux();
        for (NDArray a : new NDArray[] {w.s0(), w.s1(), pooled, flat}) {
            if (a != input && a != out && a != aux && !keep.contains(a) && !a.isReleased()) {
                a.close();
            }
        }
        return aux == null ? new NDList(out) : new NDList(out, aux);
    }

    /**
     * Recomputes the first {@code n} cells (and the stems) in the backward instead of keeping their
     * activations: a training pass under a gradient collector runs them without autograd and keeps
     * only their two outputs, and {@link #finishBackward} runs them again after the rest of the
     * backward. Peak memory falls from the activations of the whole network to the larger of those
     * of the first {@code n} cells and those of the rest, for one more forward pass of the {@code
     * n} cells. Gradients, BatchNorm statistics and drop path are those of a plain pass (the
     * drop-path masks are replayed, the statistics restored after the recomputation).
     *
     * <p>Every backward of a training pass must then be followed by {@link #finishBackward} (or
     * {@link #abandonBackward}); the next pass refuses to start otherwise. {@code Trainer} does
     * this; a search trainer with its own backward passes does not, so this is for evaluation.
     *
     * @throws IllegalArgumentException unless {@code 0 <= n <=} the number of cells, or the cell
     *     with the aux tower plus one (the aux tower reads a state the recomputed cells must not
     *     hide)
     */
    public void setCheckpointCells(int n) {
        int max = auxTower == null ? cells.size() : Math.min(cells.size(), auxCell + 1);
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(
                    "Cells to recompute must be in [0, "
                            + max
                            + "] for this network of "
                            + cells.size()
                            + " cells"
                            + (auxTower == null || max == cells.size()
                                    ? ""
                                    : " (its aux tower reads the output of cell "
                                            + auxCell
                                            + ": no cell after that one can be recomputed)")
                            + ", got "
                            + n
                            + ".");
        }
        abandonBackward();
        checkpointCells = n;
        List<Parameter> buffers = new ArrayList<>();
        for (Block b : recomputedBlocks()) {
            for (Parameter p : b.getParameters().values()) {
                if (!p.requiresGradient()) {
                    buffers.add(p);
                }
            }
        }
        prefixBuffers = n == 0 ? List.of() : List.copyOf(buffers);
    }

    /** The stems and cells recomputed in the backward (none when nothing is). */
    List<Block> recomputedBlocks() {
        if (checkpointCells == 0) {
            return List.of();
        }
        List<Block> out = new ArrayList<>(List.of(stem0, stem1));
        out.addAll(cells.subList(0, checkpointCells));
        return out;
    }

    /** The cells recomputed in the backward (0: none). */
    public int checkpointCells() {
        return checkpointCells;
    }

    /** What a recomputing pass keeps for its backward; closing it closes all of it. */
    private static final class Pending implements AutoCloseable {
        final ParameterStore ps;
        final NDArray input;
        final PairList<String, Object> params;
        final DropPath.Tape tape;
        final NDArray b0;
        final NDArray b1;
        final List<NDArray> stats;
        private final List<NDArray> owned = new ArrayList<>();

        Pending(
                ParameterStore ps,
                NDArray input,
                PairList<String, Object> params,
                DropPath.Tape tape,
                NDArray b0,
                NDArray b1,
                List<NDArray> stats) {
            this.ps = ps;
            this.input = input;
            this.params = params;
            this.tape = tape;
            this.b0 = b0;
            this.b1 = b1;
            this.stats = stats;
        }

        NDArray own(NDArray a) {
            owned.add(a);
            return a;
        }

        @Override
        public void close() {
            for (NDArray a : owned) {
                a.close();
            }
            owned.clear();
            for (NDArray a : stats) {
                a.close();
            }
            b0.close();
            b1.close();
            tape.close();
        }
    }

    /** {@code params} with {@code key} set to {@code value} (first, replacing one there). */
    private static PairList<String, Object> with(
            String key, Object value, PairList<String, Object> params) {
        PairList<String, Object> out = new PairList<>();
        out.add(key, value);
        if (params != null) {
            for (var p : params) {
                if (!key.equals(p.getKey())) {
                    out.add(p);
                }
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
