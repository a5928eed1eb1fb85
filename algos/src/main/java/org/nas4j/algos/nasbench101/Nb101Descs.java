package org.nas4j.algos.nasbench101;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.TextFiles;

/**
 * NAS-Bench-101 cells given by a user, as networks: what {@code nas desc from-nb101} and {@code nas
 * eval --nb101-spec} build.
 *
 * <pre>{@code
 * Conf conf = Conf.load(AlgoConfs.confPaths("nasbench101", true, "cifar10", null), List.of());
 * ModelDesc net = Nb101Descs.network(Nb101Spec.parse(matrix, ops), conf);
 * }</pre>
 */
public final class Nb101Descs {
    private Nb101Descs() {}

    /**
     * The network of {@code spec}: the cell checked against and pruned in the space of {@code
     * nas.search.model_desc}, in the network of {@code nas.eval.model_desc}.
     *
     * @throws InvalidSpecException when the cell is outside the space
     */
    public static ModelDesc network(Nb101Spec spec, Conf conf) {
        Nb101Space space = Nb101Space.fromConf(conf.child("nas.search.model_desc"));
        Nb101Macro macro = Nb101Macro.fromConf(conf.child("nas.eval.model_desc"));
        return Nb101ModelDescBuilder.network(space.check(spec), macro);
    }

    /**
     * A spec written as {@code {"matrix": [[...]], "ops": [...]}} (strings may go unquoted), or the
     * path of a file holding that.
     *
     * @throws InvalidSpecException when the text is neither
     */
    public static Nb101Spec readSpec(String textOrFile) {
        String text = textOrFile.trim();
        if (!text.startsWith("{")) {
            Path file = Path.of(text);
            if (!Files.isRegularFile(file)) {
                throw new InvalidSpecException(
                        "'"
                                + textOrFile
                                + "' is neither a spec such as {\"matrix\": [[0, 1], [0, 0]],"
                                + " \"ops\": [\"input\", \"output\"]} nor a file holding one.");
            }
            text = TextFiles.read(file, "NAS-Bench-101 spec");
        }
        return SpecText.spec(text);
    }
}
