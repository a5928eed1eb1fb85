package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;

/**
 * Reads conf files with their {@code __include__}s into one merged tree, before {@code _copy}. One
 * loader reads the files of one conf, and counts them: a file that includes the next one twice,
 * forty times over, would otherwise read a trillion files.
 */
final class ConfLoader {
    /** Most conf files one conf may read, includes counted each time (ours read four). */
    static final int MAX_FILES = 256;

    private ValueBudget values;
    private int files;

    /** Loads each file in order, later ones deep-merging over earlier ones. */
    ConfTree loadAll(List<String> confPaths) {
        ConfTree merged = ConfTree.empty();
        for (String spec : confPaths) {
            merged.mergeOver(load(ConfSource.locate(spec)));
        }
        return merged;
    }

    /** Loads one source and what it includes. */
    ConfTree load(ConfSource source) {
        return load(source, new ArrayList<>());
    }

    /** Loads one source and what it includes; {@code chain} is the include path that led here. */
    private ConfTree load(ConfSource source, List<ConfSource> chain) {
        List<String> names = new ArrayList<>();
        chain.forEach(s -> names.add(s.display()));
        names.add(source.display());
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).id().equals(source.id())) {
                throw new ConfException(
                        "Conf files include each other in a cycle: "
                                + String.join(" -> ", names.subList(i, names.size()))
                                + ".");
            }
        }
        if (++files > MAX_FILES) {
            throw new ConfException(
                    "Conf file "
                            + names.get(0)
                            + " and its includes read more than "
                            + MAX_FILES
                            + " conf files (now "
                            + String.join(" -> ", names)
                            + "); a file included twice reads its own includes twice. The limit"
                            + " keeps a conf from exhausting time and memory.");
        }
        if (values == null) {
            values = new ValueBudget("Conf file " + source.display());
        }
        String text = source.read();
        Map<String, Object> own = Yamls.parseMapping(text, source.display(), values);
        Object includes = own.remove(ConfTree.INCLUDE);
        List<ConfSource> deeper = new ArrayList<>(chain);
        deeper.add(source);
        ConfTree tree = ConfTree.empty();
        for (String include : includeList(includes, source)) {
            tree.mergeOver(load(source.include(include), deeper));
        }
        tree.mergeOver(ConfTree.of(own, source.display(), Yamls.keyLines(text)));
        return tree;
    }

    private static List<String> includeList(Object includes, ConfSource source) {
        List<String> out = new ArrayList<>();
        if (includes == null) {
            return out;
        }
        if (includes instanceof String s) {
            out.add(s);
            return out;
        }
        if (includes instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw badInclude(includes, source);
                }
                out.add(s);
            }
            return out;
        }
        throw badInclude(includes, source);
    }

    private static ConfException badInclude(Object includes, ConfSource source) {
        return new ConfException(
                "Key "
                        + ConfTree.INCLUDE
                        + " in "
                        + source.display()
                        + " is "
                        + Values.describe(includes)
                        + "; expected a file path or a list of file paths.");
    }
}
