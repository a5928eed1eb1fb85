package org.nas4j.cli;

import java.nio.file.Path;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.search.Algorithms;

/**
 * Reads a model description for a command, with every check {@code nas desc validate} makes:
 * format, version, graph and channels ({@link DescJson#load}), and that every op it names is
 * registered by nas4j or an installed algorithm ({@link DescOpsCheck}).
 *
 * <p>Commands that read a desc ({@code show}, {@code draw}, {@code to-genotype}, {@code eval
 * --final-desc}) use it, so a desc naming an unknown op fails with one line before any output.
 */
final class DescFiles {
    private DescFiles() {}

    /** The valid desc in {@code file}; a {@code DescFormatException} naming the file otherwise. */
    static ModelDesc load(Path file) {
        ModelDesc desc = DescJson.load(file);
        DescOpsCheck.check(desc, Algorithms.installed().opRegistry(), file.toString());
        return desc;
    }
}
