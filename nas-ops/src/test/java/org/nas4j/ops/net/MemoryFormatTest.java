package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.ops.prims.Layers;

class MemoryFormatTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(3);
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /**
     * Whether {@code x} is stored channels-last: then its NHWC view flattens without a copy, and
     * writing through the flattened array changes {@code x}.
     */
    static boolean storedChannelsLast(NDArray x) {
        float before = x.getFloat(0, x.getShape().get(1) - 1, 0, 0);
        NDArray nhwc = x.transpose(0, 2, 3, 1);
        NDArray flat = nhwc.flatten();
        long index = x.getShape().get(1) - 1; // element (0, C-1, 0, 0) in NHWC order
        flat.set(new NDIndex(index), before + 1000f);
        boolean shared = x.getFloat(0, x.getShape().get(1) - 1, 0, 0) != before;
        flat.set(new NDIndex(index), before);
        nhwc.close();
        flat.close();
        return shared;
    }

    @Test
    void namesParseAndBadValuesNameTheKeyAndTheValidValues() {
        assertSame(MemoryFormat.AUTO, MemoryFormat.of(null));
        assertSame(MemoryFormat.AUTO, MemoryFormat.of(" "));
        assertSame(MemoryFormat.CHANNELS_LAST, MemoryFormat.of(" Channels_Last "));
        assertSame(MemoryFormat.CONTIGUOUS, MemoryFormat.of("contiguous"));
        for (MemoryFormat f : MemoryFormat.values()) {
            assertSame(f, MemoryFormat.of(f.confName()));
        }
        ConfException e = assertThrows(ConfException.class, () -> MemoryFormat.of("nhwc"));
        assertEquals(
                "common.memory_format = 'nhwc' is not a memory format; valid values are auto,"
                        + " channels_last, contiguous.",
                e.getMessage());
        ConfException w =
                assertThrows(ConfException.class, () -> MemoryFormat.of("x", "Key 'k' (f.yaml:3)"));
        assertTrue(w.getMessage().startsWith("Key 'k' (f.yaml:3) = 'x'"), w.getMessage());
    }

    @Test
    void autoIsChannelsLastOnACpuForNetworksOfSixteenChannelsOrMore() {
        assertSame(MemoryFormat.CHANNELS_LAST, MemoryFormat.AUTO.on(Device.cpu(), 16));
        assertSame(MemoryFormat.CHANNELS_LAST, MemoryFormat.AUTO.on(Device.cpu(), 36));
        assertSame(MemoryFormat.CONTIGUOUS, MemoryFormat.AUTO.on(Device.cpu(), 8));
        assertSame(MemoryFormat.CONTIGUOUS, MemoryFormat.AUTO.on(Device.cpu(), 0));
        assertSame(MemoryFormat.CONTIGUOUS, MemoryFormat.AUTO.on(Device.gpu(0), 64));
        assertSame(MemoryFormat.CONTIGUOUS, MemoryFormat.CONTIGUOUS.on(Device.cpu(), 64));
        assertSame(MemoryFormat.CHANNELS_LAST, MemoryFormat.CHANNELS_LAST.on(Device.gpu(1), 4));
    }

    @Test
    void channelsLastKeepsShapeAndValuesAndStoresChannelsLast() {
        for (long c : new long[] {1, 3, 16}) {
            NDArray x = manager.randomNormal(new Shape(2, c, 5, 4));
            NDArray y = MemoryFormat.CHANNELS_LAST.apply(x, 4);
            assertEquals(x.getShape(), y.getShape());
            assertArrayEquals(x.toFloatArray(), y.toFloatArray());
            assertSame(manager, y.getManager());
            assertTrue(storedChannelsLast(y), "channels-last storage for C=" + c);
            if (c > 1) {
                assertFalse(storedChannelsLast(x), "the input keeps its layout");
            }
            // converting again is a view, not a second copy
            NDArray z = MemoryFormat.CHANNELS_LAST.apply(y, 4);
            assertTrue(storedChannelsLast(z));
        }
        NDArray narrow = manager.randomNormal(new Shape(2, 3, 4, 4));
        assertSame(narrow, MemoryFormat.AUTO.apply(narrow, 8), "AUTO below 16 channels");
        assertTrue(storedChannelsLast(MemoryFormat.AUTO.apply(narrow, 16)));
    }

    @Test
    void contiguousAndOtherRanksReturnTheSameArray() {
        NDArray x = manager.randomNormal(new Shape(2, 3, 4, 4));
        assertSame(x, MemoryFormat.CONTIGUOUS.apply(x, 64));
        NDArray flat = manager.randomNormal(new Shape(2, 3));
        assertSame(flat, MemoryFormat.CHANNELS_LAST.apply(flat, 64));
        assertSame(flat, MemoryFormat.AUTO.apply(flat, 64));
    }

    @Test
    void aConvolutionOfAChannelsLastInputIsChannelsLast() {
        var conv = Layers.conv(8, 3, 1);
        conv.initialize(manager, DataType.FLOAT32, new Shape(2, 4, 6, 6));
        NDArray x = manager.randomNormal(new Shape(2, 4, 6, 6));
        var ps = new ParameterStore(manager, false);
        NDArray contiguousOut = conv.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray clOut =
                conv.forward(ps, new NDList(MemoryFormat.CHANNELS_LAST.apply(x, 4)), false)
                        .singletonOrThrow();
        assertFalse(storedChannelsLast(contiguousOut));
        assertTrue(storedChannelsLast(clOut), "libtorch keeps the input's layout");
        float[] a = contiguousOut.toFloatArray();
        float[] b = clOut.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-5f, "element " + i);
        }
    }
}
