package org.nas4j.ops.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.Intermediates;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.ParallelOp;
import org.nas4j.ops.PureOp;
import org.nas4j.ops.SharedOutputs;
import org.nas4j.ops.prims.ChainOp;
import org.nas4j.ops.prims.DropPath;
import org.nas4j.ops.prims.FactorizedReduce;

/**
 * One cell of a network: two stems on the previous two cell outputs, intermediate nodes that each
 * sum their edges' outputs, and a post op that merges every state into the cell output.
 *
 * <p>Input: {@code NDList(c_{k-2}, c_{k-1})}; output: {@code NDList(cellOutput)}. The post op gets
 * {@code NDList(s0, s1, n0, n1, ...)}, so a concatenation of the last nodes takes the tail of that
 * list. In training, each edge's output goes through {@link DropPath} unless the op is one that
 * drop path leaves alone (skip, identity, none).
 *
 * <p>Edge ops are built with the architecture-weight key {@code
 * cell<trainablesFrom>.node<i>.edge<j>}, so ops that own architecture weights share them between
 * cells with the same {@link CellDesc#trainablesFrom()}.
 */
public final class CellBlock extends AbstractBlock {
    private final CellDesc desc;
    private final Block stem0;
    private final Block stem1;
    private final List<List<Edge>> nodes = new ArrayList<>();
    private final Block postOp;

    /**
     * Edge sharing, over the edges in forward order: {@code shareFrom[k]} is the first edge whose
     * output edge {@code k} reuses ({@code k} itself when it computes its own), {@code
     * lastReader[k]} the last edge reading edge {@code k}'s output. Only {@link PureOp}s without
     * parameters share, when their descs and inputs are equal.
     */
    private final int[] shareFrom;

    private final int[] lastReader;

    private final boolean sharing;

    /** Whether the edges' ops share pure outputs (ReLUs, pools) through {@link SharedOutputs}. */
    private final boolean shareOutputs;

    /** One edge: its op, the states it reads, and its drop path (null where none applies). */
    private record Edge(Block op, String name, int[] inputIds, DropPath dropPath) {}

    /**
     * Builds the cell's ops through {@code ctx.registry()}.
     *
     * @throws DescFormatException if a node has no edges or an edge reads a state that does not
     *     exist yet
     */
    public CellBlock(CellDesc desc, OpContext ctx) {
        this(desc, ctx, true);
    }

    /**
     * A cell that computes every edge, and every ReLU and pool inside its edges, on its own: the
     * reference that tests and benchmarks compare the sharing cell against.
     */
    public static CellBlock unshared(CellDesc desc, OpContext ctx) {
        return new CellBlock(desc, ctx, false);
    }

    /**
     * As the public constructor; {@code shareEdges} false computes every edge and every ReLU and
     * pool inside them on its own.
     */
    CellBlock(CellDesc desc, OpContext ctx, boolean shareEdges) {
        this.desc = desc;
        String cellKey = "cell" + desc.id();
        stem0 = addChildBlock("stem0", create(desc.stem0(), ctx, cellKey + ".stem0"));
        stem1 = addChildBlock("stem1", create(desc.stem1(), ctx, cellKey + ".stem1"));
        String archPrefix = "cell" + desc.trainablesFrom();
        for (int i = 0; i < desc.nodes().size(); i++) {
            NodeDesc node = desc.nodes().get(i);
            if (node.edges().isEmpty()) {
                throw new DescFormatException(
                        "Cell "
                                + desc.id()
                                + " node "
                                + i
                                + " has no edges; every node needs at"
                                + " least one edge.");
            }
            List<Edge> edges = new ArrayList<>();
            for (int j = 0; j < node.edges().size(); j++) {
                EdgeDesc e = node.edges().get(j);
                int[] ids = checkInputs(e, i, j);
                String key = archPrefix + ".node" + i + ".edge" + j;
                Block op = addChildBlock("node" + i + "_edge" + j, create(e.op(), ctx, key));
                DropPath dp = DropPath.appliesTo(e.op().name()) ? new DropPath(0f) : null;
                edges.add(new Edge(op, e.op().name(), ids, dp));
            }
            nodes.add(edges);
        }
        postOp = addChildBlock("post", create(desc.postOp(), ctx, cellKey + ".post"));
        int n = nodes.stream().mapToInt(List::size).sum();
        shareFrom = new int[n];
        lastReader = new int[n];
        Map<List<Object>, Integer> first = new HashMap<>();
        int k = 0;
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = 0; j < nodes.get(i).size(); j++, k++) {
                Edge e = nodes.get(i).get(j);
                EdgeDesc d = desc.nodes().get(i).edges().get(j);
                int self = k;
                shareFrom[k] =
                        shareEdges && e.op() instanceof PureOp && e.op().getParameters().isEmpty()
                                ? first.computeIfAbsent(List.of(d.op(), d.inputIds()), x -> self)
                                : k;
                lastReader[k] = k;
                lastReader[shareFrom[k]] = k;
            }
        }
        sharing = sharedEdges() > 0;
        shareOutputs = shareEdges;
    }

    private static Block create(OpDesc op, OpContext ctx, String key) {
        return ctx.registry().create(op, ctx.withArchKey(key));
    }

    private int[] checkInputs(EdgeDesc e, int node, int edge) {
        int[] ids = e.inputIds().stream().mapToInt(Integer::intValue).toArray();
        if (ids.length == 0) {
            throw new DescFormatException(
                    "Cell " + desc.id() + " node " + node + " edge " + edge + " has no inputs.");
        }
        for (int id : ids) {
            if (id < 0 || id >= node + 2) {
                throw new DescFormatException(
                        "Cell "
                                + desc.id()
                                + " node "
                                + node
                                + " edge "
                                + edge
                                + " reads state "
                                + id
                                + "; node "
                                + node
                                + " may read states 0 to "
                                + (node + 1)
                                + " (0, 1: cell inputs; k >= 2: node k-2).");
            }
        }
        return ids;
    }

    /** How many edges reuse the output of an earlier edge instead of computing their own. */
    public int sharedEdges() {
        int n = 0;
        for (int k = 0; k < shareFrom.length; k++) {
            n += shareFrom[k] != k ? 1 : 0;
        }
        return n;
    }

    /**
     * Elements, per sample, of the ReLU and pool outputs that {@link SharedOutputs} computes once
     * while a count leaf by leaf has one per reader: the surplus of such a count over what this
     * cell computes. Readers are the ops an edge starts with: the edge op itself, the first layer
     * of a {@link ChainOp}, and each child of a {@link ParallelOp} (a mixed op's primitives). Needs
     * the cell initialized; 0 for a cell that shares nothing.
     */
    public long sharedOutputElements() {
        if (!shareOutputs) {
            return 0;
        }
        Set<List<Object>> seen = new HashSet<>();
        long surplus = 0;
        for (List<Edge> node : nodes) {
            for (Edge e : node) {
                List<Block> entries = new ArrayList<>();
                entryLayers(e.op(), entries);
                List<Integer> in = Arrays.stream(e.inputIds()).boxed().toList();
                for (Block b : entries) {
                    if (!seen.add(List.of(in, ((SharedOutputs.Shareable) b).shareKey()))) {
                        surplus += MemoryEstimate.outputElements(b);
                    }
                }
            }
        }
        return surplus;
    }

    /** The shareable ops (ReLUs, pools) among the layers that read the input of {@code b}. */
    static void entryLayers(Block b, List<Block> out) {
        if (b instanceof SharedOutputs.Shareable) {
            out.add(b);
        } else if ((b instanceof ChainOp || b instanceof FactorizedReduce)
                && !b.getChildren().isEmpty()) {
            entryLayers(b.getChildren().values().get(0), out);
        } else if (b instanceof ParallelOp) {
            for (Block child : b.getChildren().values()) {
                entryLayers(child, out);
            }
        }
    }

    /** The cell's stem on {@code c_{k-2}} (0) or {@code c_{k-1}} (1). */
    Block stem(int i) {
        return i == 0 ? stem0 : stem1;
    }

    /** The description this cell was built from. */
    public CellDesc desc() {
        return desc;
    }

    /** Sets the drop-path probability of every edge that drop path applies to. */
    public void setDropPathProb(double prob) {
        for (List<Edge> node : nodes) {
            for (Edge e : node) {
                if (e.dropPath() != null) {
                    e.dropPath().setDropProb((float) prob);
                }
            }
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        List<NDArray> states = new ArrayList<>(2 + nodes.size());
        // the network's params share the stems' ReLUs of a cell output with the next cell's
        states.add(stem0.forward(ps, new NDList(inputs.get(0)), training, params).head());
        states.add(stem1.forward(ps, new NDList(inputs.get(1)), training, params).head());
        // outputs of shared edges that a later edge still reads: kept open like the states
        NDArray[] shared = sharing ? new NDArray[shareFrom.length] : null;
        List<NDArray> pending = sharing ? new ArrayList<>() : List.of();
        DropPath.Tape tape = DropPath.Tape.from(params);
        try (SharedOutputs pure = shareOutputs ? new SharedOutputs() : null) {
            PairList<String, Object> edgeParams = pure == null ? null : pure.params();
            return forwardNodes(ps, inputs, training, edgeParams, tape, states, shared, pending);
        }
    }

    private NDList forwardNodes(
            ParameterStore ps,
            NDList inputs,
            boolean training,
            PairList<String, Object> edgeParams,
            DropPath.Tape tape,
            List<NDArray> states,
            NDArray[] shared,
            List<NDArray> pending) {
        int k = 0;
        for (List<Edge> node : nodes) {
            NDArray sum = null;
            for (int j = 0; j < node.size(); j++, k++) {
                Edge e = node.get(j);
                NDArray out;
                if (sharing && shareFrom[k] != k) {
                    out = shared[shareFrom[k]];
                } else {
                    NDList in = new NDList(e.inputIds().length);
                    for (int id : e.inputIds()) {
                        in.add(states.get(id));
                    }
                    out = e.op().forward(ps, in, training, edgeParams).singletonOrThrow();
                }
                if (sharing) {
                    int from = shareFrom[k];
                    if (from == k && lastReader[k] != k) {
                        shared[k] = out; // read again by a later edge
                        pending.add(out);
                    } else if (from != k && lastReader[from] == k) {
                        Intermediates.removeOne(
                                pending, out); // the last reader: closable from here on
                        shared[from] = null;
                    }
                }
                if (training && e.dropPath() != null) {
                    float p = e.dropPath().getDropProb();
                    NDArray dropped = tape == null ? DropPath.apply(out, p) : tape.apply(out, p);
                    closeUnlessState(out, dropped, states, pending);
                    out = dropped;
                }
                // Not in place: an identity edge returns its input state itself.
                if (sum == null) {
                    sum = out;
                } else {
                    NDArray next = sum.add(out);
                    closeUnlessState(sum, next, states, pending);
                    closeUnlessState(out, next, states, pending);
                    sum = next;
                }
            }
            states.add(sum);
        }
        NDList result = postOp.forward(ps, new NDList(states), training);
        // the states are the post op's inputs; libtorch keeps those the backward reads
        for (int i = 0; i < states.size(); i++) {
            NDArray s = states.get(i);
            if (!Intermediates.among(s, inputs) && !Intermediates.among(s, result)) {
                s.close();
            }
        }
        return result;
    }

    /**
     * Closes the handle of {@code a}, an intermediate of this pass, unless it is {@code kept} or a
     * state (an identity edge returns the state it reads) or a shared edge output still to be read
     * ({@code pending}). Arrays the backward reads stay alive in libtorch by its own reference, so
     * this frees only what PyTorch would free at once.
     */
    private static void closeUnlessState(
            NDArray a, NDArray kept, List<NDArray> states, List<NDArray> pending) {
        if (a != kept && !Intermediates.among(a, states) && !Intermediates.among(a, pending)) {
            a.close();
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return walkShapes(inputShapes, null, null);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        walkShapes(inputs, manager, dataType);
    }

    /** Propagates shapes through the cell, initializing each child on the way if asked. */
    private Shape[] walkShapes(Shape[] inputs, NDManager manager, DataType dataType) {
        List<Shape> states = new ArrayList<>();
        states.add(apply(stem0, new Shape[] {inputs[0]}, manager, dataType));
        states.add(apply(stem1, new Shape[] {inputs[1]}, manager, dataType));
        for (int i = 0; i < nodes.size(); i++) {
            Shape nodeShape = null;
            for (int j = 0; j < nodes.get(i).size(); j++) {
                Edge e = nodes.get(i).get(j);
                Shape[] in = new Shape[e.inputIds().length];
                for (int k = 0; k < in.length; k++) {
                    in[k] = states.get(e.inputIds()[k]);
                }
                Shape out = apply(e.op(), in, manager, dataType);
                if (nodeShape != null && !nodeShape.equals(out)) {
                    throw new DescFormatException(
                            "Cell "
                                    + desc.id()
                                    + " node "
                                    + i
                                    + ": edge "
                                    + j
                                    + " ('"
                                    + e.name()
                                    + "') outputs shape "
                                    + out
                                    + " but the node's earlier edges output "
                                    + nodeShape
                                    + "; all edges of a node must agree in channels and stride.");
                }
                nodeShape = out;
            }
            states.add(nodeShape);
        }
        Shape[] all = states.toArray(new Shape[0]);
        return new Shape[] {apply(postOp, all, manager, dataType)};
    }

    private static Shape apply(Block b, Shape[] in, NDManager manager, DataType dataType) {
        if (manager != null) {
            b.initialize(manager, dataType, in);
        }
        return b.getOutputShapes(in)[0];
    }
}
