package org.nas4j.algos.manual;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;
import org.nas4j.ops.OpRegistry;

/** A malformed model file is refused with its file and the path of the bad key. */
class ManualModelReaderTest {
    @TempDir Path tmp;

    private String fileWith(String stages) throws IOException {
        Path f = tmp.resolve("net.yaml");
        Files.writeString(
                f,
                "model:\n  name: 'net'\n  stem: {op: 'stem_conv3x3_relu', ch: 8}\n  stages:\n"
                        + stages);
        return f.toString();
    }

    private String error(String stages) throws IOException {
        String file = fileWith(stages);
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () ->
                                ManualDescs.build(
                                        ManualModels.load(file, "the test"),
                                        1,
                                        8,
                                        10,
                                        OpRegistry.standard()));
        assertTrue(e.getMessage().contains(file), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aBadStrideNamesTheStageBlockAndKey() throws IOException {
        String m =
                error(
                        "    - blocks: [{op: 'resnet_basic_block'}]\n"
                                + "    - blocks: [{op: 'resnet_basic_block', ch: 16, stride: 3}]\n");
        assertTrue(m.contains("model.stages[1].blocks[0].stride = 3; expected 1 or 2"), m);
    }

    @Test
    void anUnknownBlockKeyIsNamedWithTheValidOnes() throws IOException {
        String m = error("    - blocks: [{op: 'resnet_basic_block', repeats: 2}]\n");
        assertTrue(m.contains("unknown key model.stages[0].blocks[0].repeats"), m);
        assertTrue(m.contains("repeat"), m);
    }

    @Test
    void anUnregisteredOpIsNamedWithItsPath() throws IOException {
        String m = error("    - blocks: [{op: 'resnet_basic_blok', ch: 16}]\n");
        assertTrue(m.contains("model.stages[0].blocks[0].op = 'resnet_basic_blok'"), m);
        assertTrue(m.contains("nas ops"), m);
    }

    @Test
    void aMissingOpAndABadChoiceAreNamed() throws IOException {
        assertTrue(
                error("    - blocks: [{ch: 16}]\n")
                        .contains("model.stages[0].blocks[0].op is missing"));
        String m = error("    - blocks: [{op: 'msd_layer', inputs: 'every'}]\n");
        assertTrue(m.contains("model.stages[0].blocks[0].inputs = every"), m);
    }

    @Test
    void anUnknownShippedNameListsTheShippedModels() {
        ConfException e =
                assertThrows(
                        ConfException.class, () -> ManualModels.load("resnet50", "key 'model'"));
        assertTrue(e.getMessage().contains("resnet18, resnet34, msd"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'model'"), e.getMessage());
        ConfException missing =
                assertThrows(
                        ConfException.class,
                        () -> ManualModels.load("no/such.yaml", "key 'model'"));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
