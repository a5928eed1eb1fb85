package org.nas4j.core.archai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
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
