package org.nas4j.algos.divnas;

import org.nas4j.algos.darts.DartsModelDescBuilder;

/**
 * The divnas supernet, DARTS's with recordable edges: node {@code i} of every cell has a {@link
 * DivnasOp} edge from each of the {@code i + 2} earlier states (the two cell inputs and nodes
 * 0..i-1); edges reading the cell inputs of a reduction cell have stride 2. The mixed ops'
 * primitives come from {@code model_desc.primitives}.
 */
public class DivnasModelDescBuilder extends DartsModelDescBuilder {
    public DivnasModelDescBuilder() {
        super(DivnasOp.NAME);
    }
}
