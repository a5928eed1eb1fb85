package org.nas4j.algos.petridish;

import java.util.List;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.builder.ModelDescParams;
import org.nas4j.core.desc.ModelDesc;

/**
 * The seed of {@code model_desc}'s size with a candidate node in every cell: the network a first
 * child searches, and what {@code nas bench --algo petridish} measures.
 */
final class GrownSeedBuilder extends ModelDescBuilder {
    private final List<String> primitives;

    GrownSeedBuilder(List<String> primitives) {
        this.primitives = List.copyOf(primitives);
    }

    @Override
    public ModelDesc build(ModelDescParams p, boolean affine, ModelDesc template) {
        ModelDesc seed = PetridishModelDescBuilder.seeds().build(p, affine, null);
        return CandidateNode.grow(seed, primitives, PetridishModelDescBuilder::postOp);
    }
}
