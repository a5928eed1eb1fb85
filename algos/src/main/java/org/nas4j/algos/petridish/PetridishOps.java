package org.nas4j.algos.petridish;

import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/** The Petridish candidate op, {@code petridish_op}, with the reader that finalizes it. */
public final class PetridishOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.registerSearchable(
                PetridishOp.NAME,
                "Petridish candidate: every input through every primitive, stop-gradient, zero"
                        + " forward",
                PetridishOp::new,
                new CandidateEdgeReader());
    }
}
