package org.nas4j.algos.gs;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.nas4j.algos.darts.BilevelArchTrainer;
import org.nas4j.core.ConfException;
import org.nas4j.train.StepContext;
import org.nas4j.train.StepResult;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;

/**
 * DARTS' first-order bilevel training of a Gumbel-softmax supernet, with the temperature of every
 * node set before each step from the global step ({@link GsTemperature}), so a resumed search
 * continues the schedule. Second order is refused: its passes would each draw new noise.
 */
public class GsArchTrainer extends BilevelArchTrainer {
    private final GsTemperature temperature;
    private final List<GsNode> nodes;

    /**
     * A trainer of the network in {@code b} with architecture weights {@code archParams}.
     *
     * @throws ConfException when {@code bilevel.order} is not {@code first}
     */
    public GsArchTrainer(
            TrainerBuilder b, NamedParams archParams, Order order, GsTemperature temperature) {
        super(b, archParams, order);
        if (order != Order.FIRST) {
            throw new ConfException(
                    "nas.search.trainer.bilevel.order must be 'first' for gs: a second-order step's"
                            + " passes would each draw different Gumbel noise.");
        }
        this.temperature = temperature;
        this.nodes = nodesOf(b.block());
    }

    /** Every distinct {@link GsNode} of the network in {@code block}. */
    static List<GsNode> nodesOf(Block block) {
        Set<GsNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<GsNode> out = new ArrayList<>();
        collect(block, seen, out);
        return out;
    }

    private static void collect(Block block, Set<GsNode> seen, List<GsNode> out) {
        if (block instanceof GsOp op && seen.add(op.node())) {
            out.add(op.node());
        }
        for (Block child : block.getChildren().values()) {
            collect(child, seen, out);
        }
    }

    /** The temperature of step {@code ctx}: linear over all steps of the search. */
    double temperatureOf(StepContext ctx) {
        return temperature.at(ctx.globalStep(), (long) spec().epochs() * ctx.stepsPerEpoch());
    }

    @Override
    protected StepResult trainStep(StepContext ctx) {
        double tau = temperatureOf(ctx);
        for (GsNode n : nodes) {
            n.setTemperature(tau);
        }
        return super.trainStep(ctx);
    }
}
