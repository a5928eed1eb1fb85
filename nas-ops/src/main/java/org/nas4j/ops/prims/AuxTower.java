package org.nas4j.ops.prims;

import org.nas4j.core.desc.AuxTowerDesc;

/**
 * The auxiliary classifier of DARTS evaluation, attached after the second reduction: ReLU, 5x5
 * average pool at the desc's stride (no padding), 1x1 convolution to 128, BN, ReLU, 2x2 convolution
 * to 768, BN, ReLU, then a linear layer to the classes. For an 8x8 input with stride 3, or 7x7 with
 * stride 2, the 2x2 convolution leaves 1x1, so the linear layer sees 768 features.
 */
public final class AuxTower extends ChainOp {

    /** The tower for {@code desc}; BatchNorm learns scale and shift when {@code affine}. */
    public AuxTower(AuxTowerDesc desc, boolean affine) {
        add("relu0", Layers.relu());
        add("pool", PoolOp.plain(PoolOp.Kind.AVG, 5, desc.stride(), 0));
        add("conv1", Layers.conv(128, 1, 1));
        add("bn1", Layers.bn(affine));
        add("relu1", Layers.relu());
        add("conv2", Layers.conv(768, 2, 2, 1, 1, 1, 1));
        add("bn2", Layers.bn(affine));
        add("relu2", Layers.relu());
        add("linear", new LinearOp(desc.nClasses()));
    }
}
