package org.nas4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotype;
import org.nas4j.core.genotype.Genotypes;
import org.nas4j.ops.OpRegistry;

/** Every published genotype builds the paper's evaluation network and reads back unchanged. */
class GenotypeDescsTest {
    private static Conf evalSection;

    @BeforeAll
    static void loadPaperConf() {
        Conf conf = Conf.load(AlgoConfs.confPaths("darts", true, "cifar10", null), List.of());
        evalSection = conf.child("nas.eval.model_desc");
    }

    static List<String> names() {
        return List.copyOf(Genotypes.names());
    }

    @ParameterizedTest
    @MethodSource("names")
    void publishedGenotypeBuildsAValidEvalDescAndReadsBackExactly(String name) {
        Genotype g = Genotypes.named(name);
        GenotypeDescs.checkOps(g, OpRegistry.standard());
        ModelDesc desc = GenotypeDescs.build(g, evalSection, "eval");
        DescValidator.validate(desc, name);
        assertEquals(20, desc.cells().size(), "the paper's 20-cell CIFAR network");
        ModelDesc saved = DescJson.fromJson(DescJson.toJson(desc), name);
        assertEquals(g.toString(), Genotype.fromDesc(saved, name).toString());
        assertEquals(g, Genotype.fromDesc(saved, name));
    }

    @Test
    void rangeConcatReadsBackAsWritten() {
        String text = Genotypes.named("PDARTS").toString();
        assertTrue(text.contains("normal_concat=range(2, 6)"), text);
        ModelDesc desc = GenotypeDescs.build(Genotype.parse(text), evalSection, "eval");
        assertEquals(text, Genotype.fromDesc(desc, "pdarts").toString());
        // a desc whose cells no longer match the recorded text gives the cells' genotype
        ModelDesc edited =
                desc.withParam(Genotype.DESC_PARAM, Genotypes.named("DARTS_V2").toString());
        assertEquals(
                text.replace("range(2, 6)", "[2, 3, 4, 5]"),
                Genotype.fromDesc(edited, "edited").toString());
    }
}
