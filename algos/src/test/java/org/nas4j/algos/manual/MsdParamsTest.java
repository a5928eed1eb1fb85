package org.nas4j.algos.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;

/**
 * A mixed-scale dense network of depth d and width w on c_in input channels with n classes has sum
 * over i < d of (9 (c_in + i w) w + w) weights in its layers (each layer convolves every earlier
 * map, 3x3, plus one bias per output channel) and (c_in + d w) n + n in its classifier.
 */
class MsdParamsTest {
    private static final OpRegistry REGISTRY = OpRegistry.standard();

    static long formula(int cIn, int depth, int width, int classes) {
        long n = 0;
        for (int i = 0; i < depth; i++) {
            n += 9L * (cIn + (long) i * width) * width + width;
        }
        return n + (long) (cIn + depth * width) * classes + classes;
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1, 1, 10, 1",
        "1, 12, 1, 10, 1",
        "1, 12, 1, 10, 5",
        "3, 10, 2, 10, 10",
        "2, 25, 3, 4, 4"
    })
    void parameterCountFollowsTheClosedFormulaWhateverTheGrouping(
            int cIn, int depth, int width, int classes, int group, @TempDir Path tmp)
            throws IOException {
        Path file = tmp.resolve("msd.yaml");
        Files.writeString(
                file,
                "model:\n"
                        + "  name: 'msd_test'\n"
                        + "  stem: {op: 'identity'}\n"
                        + "  stages:\n"
                        + "    - output: 'all'\n"
                        + "      blocks: [{op: 'msd_layer', ch: "
                        + width
                        + ", repeat: "
                        + depth
                        + ", inputs: 'all', group: "
                        + group
                        + ", cycle: {dilation: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}}]\n");
        var desc =
                ManualDescs.build(
                        ManualModels.load(file.toString(), "the test"), cIn, 12, classes, REGISTRY);
        assertEquals(formula(cIn, depth, width, classes), ModelStats.paramCount(desc, REGISTRY));
    }
}
