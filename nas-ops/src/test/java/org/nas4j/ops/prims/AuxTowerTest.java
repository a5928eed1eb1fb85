package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.AuxTowerDesc;

class AuxTowerTest {

    @Test
    void givesClassScoresForCifarAndImageNetSizes() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (long[] sizeStride : new long[][] {{8, 3}, {7, 2}}) {
                AuxTower tower = new AuxTower(new AuxTowerDesc(6, 10, (int) sizeStride[1]), true);
                NDList in = OpTests.randn(m, new Shape(2, 6, sizeStride[0], sizeStride[0]));
                OpTests.init(tower, m, in);
                NDArray out = OpTests.forward(tower, m, in, true);
                assertEquals(new Shape(2, 10), out.getShape());
                assertEquals(out.getShape(), tower.getOutputShapes(OpTests.shapes(in))[0]);
            }
        }
    }

    @Test
    void gradientsReachEveryParameter() {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            AuxTower tower = new AuxTower(new AuxTowerDesc(6, 10, 3), true);
            NDList in = OpTests.randn(m, new Shape(2, 6, 8, 8));
            OpTests.init(tower, m, in);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = OpTests.forward(tower, m, in, true);
                gc.backward(out.mul(m.randomNormal(out.getShape())).sum());
            }
            for (var p : tower.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    NDArray g = p.getValue().getArray().getGradient();
                    assertTrue(g.abs().sum().getFloat() > 0, p.getKey());
                }
            }
        }
    }
}
