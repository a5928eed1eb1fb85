package org.nas4j.algos.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;

/**
 * The shipped models have the parameter counts of their references.
 *
 * <p>ResNet-18 and -34, CIFAR form, as kuangliu/pytorch-cifar {@code models/resnet.py} (commit
 * 6e59390) builds them: conv 3x3 64 without bias, BN, ReLU; {@code _make_layer} stages of
 * BasicBlocks (conv3x3-BN-ReLU-conv3x3-BN, shortcut conv1x1-BN when stride or channels change);
 * average pool; {@code nn.Linear(512, 10)}. Counting conv weights, BN gamma and beta, and the
 * linear weight and bias:
 *
 * <ul>
 *   <li>stem: 9*3*64 = 1,728 (9*1*64 = 576 for one input channel) + BN 128;
 *   <li>a 64-channel block: 2*36,864 + 2*128 = 73,984;
 *   <li>first block of stage c (c_in = c/2, stride 2): 9*c_in*c + 9*c*c + c_in*c + 3*2c, which is
 *       230,144 / 919,040 / 3,673,088 for c = 128 / 256 / 512; later blocks 18c^2 + 4c = 295,424 /
 *       1,180,672 / 4,720,640;
 *   <li>linear: 5,120 + 10.
 * </ul>
 *
 * <p>ResNet-18 ([2,2,2,2]) = 1,728 + 128 + 2*73,984 + (230,144 + 295,424) + (919,040 + 1,180,672) +
 * (3,673,088 + 4,720,640) + 5,130 = 11,173,962, the figure torchsummary prints for that model; with
 * one input channel 1,152 fewer: 11,172,810. ResNet-34 ([3,4,6,3]) = 1,856 + 3*73,984 + (230,144 +
 * 3*295,424) + (919,040 + 5*1,180,672) + (3,673,088 + 2*4,720,640) + 5,130 = 21,282,122; with one
 * input channel 21,280,970.
 */
class ManualModelsTest {
    private static final OpRegistry REGISTRY = OpRegistry.standard();

    static ModelDesc desc(String model, int channels, int size, int classes) {
        return ManualDescs.build(
                ManualModels.load(model, "the test"), channels, size, classes, REGISTRY);
    }

    /** A mixed-scale dense network of width 1 and {@code depth} on 1x28x28 images, grouped. */
    static ModelDesc msd(int depth, int group) throws IOException {
        Path file = Files.createTempFile("msd", ".yaml");
        try {
            Files.writeString(
                    file,
                    "model:\n"
                            + "  name: 'msd'\n"
                            + "  stem: {op: 'identity'}\n"
                            + "  stages:\n"
                            + "    - output: 'all'\n"
                            + "      blocks: [{op: 'msd_layer', ch: 1, repeat: "
                            + depth
                            + ", inputs: 'all', group: "
                            + group
                            + ", cycle: {dilation: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}}]\n");
            return desc(file.toString(), 1, 28, 10);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void resnet18HasTheParameterCountOfTheCifarReference() {
        assertEquals(11_173_962L, ModelStats.paramCount(desc("resnet18", 3, 32, 10), REGISTRY));
        assertEquals(11_172_810L, ModelStats.paramCount(desc("resnet18", 1, 28, 10), REGISTRY));
    }

    @Test
    void resnet34HasTheParameterCountOfTheCifarReference() {
        assertEquals(21_282_122L, ModelStats.paramCount(desc("resnet34", 3, 32, 10), REGISTRY));
        assertEquals(21_280_970L, ModelStats.paramCount(desc("resnet34", 1, 28, 10), REGISTRY));
    }

    @Test
    void resnet18IsFourStagesOfTwoBlocksWithReductionCellsWhereTheStrideIsTwo() {
        ModelDesc d = desc("resnet18", 1, 28, 10);
        assertEquals(
                List.of(64, 128, 256, 512), d.cells().stream().map(CellDesc::outChannels).toList());
        assertEquals(
                List.of(false, true, true, true),
                d.cells().stream().map(CellDesc::isReduction).toList());
        for (CellDesc c : d.cells()) {
            assertEquals(2, c.nodes().size());
            assertEquals("resnet_basic_block", c.nodes().get(1).edges().get(0).op().name());
            assertEquals(List.of(2), c.nodes().get(1).edges().get(0).inputIds());
        }
        assertEquals("resnet18", d.params().get(ManualDescs.MODEL_PARAM));
    }

    @Test
    void msdIsOneDenseCellOfLayersReadingEveryEarlierMapWithDilationsCyclingFromOneToTen() {
        ModelDesc d = desc("msd", 1, 28, 10);
        assertEquals(1, d.cells().size());
        CellDesc c = d.cells().get(0);
        // 100 layers, a concatenation of each 10 layers' maps, the final concatenation
        assertEquals(111, c.nodes().size());
        int layer = 0;
        for (var node : c.nodes()) {
            var op = node.edges().get(0).op();
            if (op.name().equals("msd_layer")) {
                String at = "layer " + layer;
                assertEquals(1 + layer % 10, op.intParam("dilation", -1), at);
                assertEquals(1 + layer, op.conv().chIn(), at); // the image and every earlier map
                assertEquals(1 + layer / 10 + layer % 10, op.inLen(), at); // groups stand in
                layer++;
            }
        }
        assertEquals(100, layer);
        var last = c.nodes().get(110).edges().get(0).op();
        assertEquals("concate_channels", last.name());
        assertEquals(11, last.inLen()); // the image and 10 groups
        assertEquals(101, c.outChannels());
        assertEquals(46_570L, ModelStats.paramCount(d, REGISTRY));
        // the quick table's shallower MSD: the same formula at depth 25
        assertEquals(
                MsdParamsTest.formula(1, 25, 1, 10),
                ModelStats.paramCount(desc("msd_25", 1, 28, 10), REGISTRY));
        assertEquals(3_220L, MsdParamsTest.formula(1, 25, 1, 10));
    }

    @Test
    void everyShippedModelSurvivesSavingAndLoading() {
        for (String name : ManualModels.SHIPPED) {
            ModelDesc d = desc(name, 3, 32, 10);
            assertEquals(d, DescJson.fromJson(DescJson.toJson(d), name));
            assertTrue(d.cells().stream().allMatch(c -> c.stem0().name().equals("unused")));
        }
    }
}
