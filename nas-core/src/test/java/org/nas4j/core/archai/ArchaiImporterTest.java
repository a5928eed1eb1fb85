package org.nas4j.core.archai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.ModelDesc;

class ArchaiImporterTest {
    private static Path sample() throws Exception {
        return Path.of(
                ArchaiImporterTest.class.getResource("/archai/final_model_desc.yaml").toURI());
    }

    @Test
    void importsArchaiLayoutWithPythonTagsAndAliases() throws Exception {
        ModelDesc d = ArchaiImporter.importFile(sample(), 32);
        assertEquals(List.of(3, 32, 32), d.inputShape());
        assertEquals(10, d.nClasses());
        assertEquals("stem_conv3x3", d.modelStems().get(1).name());
        assertEquals(48, d.modelStems().get(1).conv().chOut()); // read through the alias
        CellDesc c = d.cells().get(0);
        assertEquals(CellType.REGULAR, c.cellType());
        assertEquals(2, c.nodes().get(0).edges().size());
        assertEquals("skip_connect", c.nodes().get(0).edges().get(1).op().name());
        assertEquals(List.of(1), c.nodes().get(0).edges().get(1).inputIds());
        assertFalse(c.nodes().get(0).edges().get(0).op().affine());
        assertEquals(1, c.postOp().intParam("out_states", -1));
        assertEquals(16, c.outChannels());
        assertNull(d.auxTowers().get(0));
        assertEquals("linear", d.logitsOp().name());
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ArchaiImporterTest.class.getResource("/archai/" + name).toURI());
    }

    /** The DARTS_V2-like final desc Archai published, in each layout its model_desc.py wrote. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "archai_2020_04_final_model_desc.yaml",
                "archai_2020_07_final_model_desc.yaml",
                "archai_2020_10_final_model_desc.yaml"
            })
    void importsEveryArchaiLayoutIntoAValidDesc(String file) throws Exception {
        ModelDesc d = ArchaiImporter.importFile(resource(file), 32);
        DescValidator.validate(d, file);
        assertEquals(8, d.cells().size());
        assertEquals(List.of(2, 5), reductionIds(d));
        assertEquals(new ConvMacroParams(3, 48), d.modelStems().get(0).conv());
        assertEquals(new ConvMacroParams(3, 48), d.modelStems().get(1).conv());
        // Archai's linear op is {n_ch: 256, n_classes: 10}: the classifier reads 256 channels
        assertEquals(new ConvMacroParams(256, 10), d.logitsOp().conv());
        assertTrue(d.logitsOp().params().isEmpty(), "n_ch/n_classes became the conv");
        CellDesc c0 = d.cells().get(0);
        assertEquals(new ConvMacroParams(48, 16), c0.stem0().conv());
        assertEquals(List.of(16, 16, 16, 16), c0.nodeChannels());
        assertEquals(64, c0.outChannels());
        assertEquals(256, d.cells().get(7).outChannels());
        assertEquals(2, d.cells().get(5).trainablesFrom(), "alphas_from / trainables_from");
        assertEquals(0, d.cells().get(4).trainablesFrom());
        assertEquals("prepr_reduce", d.cells().get(3).stem0().name());
    }

    private static List<Integer> reductionIds(ModelDesc d) {
        return d.cells().stream().filter(CellDesc::isReduction).map(CellDesc::id).toList();
    }

    @Test
    void anImportThatIsNotAValidDescFailsInsteadOfReturning() throws Exception {
        String text =
                Files.readString(resource("archai_2020_10_final_model_desc.yaml"))
                        .replace("n_ch: 256", "n_ch: 255");
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () -> ArchaiImporter.importYaml(text, "mine.yaml", 32));
        assertTrue(
                e.getMessage().contains("the desc imported from mine.yaml")
                        && e.getMessage().contains("$.model.logits_op.ch_in = 255"),
                e.getMessage());
    }

    @Test
    void pythonObjectTagsAreNeverInstantiated() {
        String yaml = "!!python/object/apply:os.system ['touch /tmp/nas4j-pwned']\n";
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () -> ArchaiImporter.importYaml(yaml, "evil.yaml", 32));
        assertTrue(e.getMessage().contains("evil.yaml"), e.getMessage());
        assertFalse(new java.io.File("/tmp/nas4j-pwned").exists());
    }

    @Test
    void missingFieldNamesTheYamlPath() {
        String yaml = "model_stems: []\n_cell_descs:\n- id: 0\n  cell_type: [regular]\n";
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () -> ArchaiImporter.importYaml(yaml, "broken.yaml", 32));
        assertTrue(
                e.getMessage().contains("broken.yaml: $._cell_descs[0] has no field 'stems'"),
                e.getMessage());
    }
}
