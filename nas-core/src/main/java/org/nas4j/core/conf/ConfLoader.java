package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;

/** Reads conf files with their {@code __include__}s into one merged tree, before {@code _copy}. */
final class ConfLoader {
    private ConfLoader() {}

    /** Loads each file in order, later ones deep-merging over earlier ones. */
    static ConfTree loadAll(List<String> confPaths) {
        ConfTree merged = ConfTree.empty();
        for (String spec : confPaths) {
            merged.mergeOver(load(ConfSource.locate(spec), new ArrayList<>()));
        }
        return merged;
    }

    /** Loads one source and what it includes; {@code chain} is the include path that led here. */
    static ConfTree load(ConfSource source, List<ConfSource> chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).id().equals(source.id())) {
                List<String> names = new ArrayList<>();
                chain.subList(i, chain.size()).forEach(s -> names.add(s.display()));
                names.add(source.display());
                throw new ConfException(
                        "Conf files include each other in a cycle: "
                                + String.join(" -> ", names)
                                + ".");
            }
        }
        String text = source.read();
        Map<String, Object> own = Yamls.parseMapping(text, source.display());
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
