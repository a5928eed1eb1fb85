package org.nas4j.algos.xnas;

import org.nas4j.algos.darts.DartsModelDescBuilder;

/**
 * The XNAS supernet: DARTS' cell (node {@code i} has an edge from each of the {@code i + 2} earlier
 * states, stride 2 from the inputs of a reduction cell) with an {@link XnasOp} on every edge, its
 * experts the primitives of {@code model_desc.primitives}.
 */
public class XnasModelDescBuilder extends DartsModelDescBuilder {
    public XnasModelDescBuilder() {
        super(XnasOp.NAME);
    }
}
