package org.nas4j.ops.prims;

import org.nas4j.core.desc.OpDesc;

/**
 * {@code proj_channels}: concatenates the last {@code out_states} inputs on channels (as {@code
 * concate_channels}) then projects them to {@code ch_out} with a 1x1 convolution and BatchNorm.
 */
public final class ProjChannels extends ChainOp {

    /** The projection of {@code desc}; reads param {@code out_states}. */
    public ProjChannels(OpDesc desc) {
        add("concat", new ConcateChannels(desc));
        add("conv", Layers.conv(desc.conv().chOut(), 1, 1));
        add("bn", Layers.bn(desc.affine()));
    }
}
