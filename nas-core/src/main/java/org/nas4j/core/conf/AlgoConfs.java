package org.nas4j.core.conf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.nas4j.core.ConfException;

/**
 * Names the conf files of a run: the algorithm's conf ({@code confs/algos/<algo>_toy.yaml} in toy
 * mode, the default, or {@code confs/algos/<algo>.yaml} with {@code full}), then the dataset's
 * ({@code confs/datasets/<dataset>.yaml}), then a user's extra file, in the order {@link Conf#load}
 * merges them.
 */
public final class AlgoConfs {
    /** Classpath directory of the algorithm confs. */
    public static final String ALGOS_DIR = "confs/algos";

    /** Classpath directory of the dataset confs. */
    public static final String DATASETS_DIR = "confs/datasets";

    private static final String TOY_SUFFIX = "_toy";

    private AlgoConfs() {}

    /**
     * The conf paths for {@code algo} on {@code dataset} (null: the algorithm's own default), with
     * {@code extraConf} (null: none) last.
     *
     * @throws ConfException when the algorithm or dataset has no shipped conf (listing those that
     *     have one) or the extra file does not exist
     */
    public static List<String> confPaths(
            String algo, boolean full, String dataset, Path extraConf) {
        List<String> out = new ArrayList<>();
        String algoConf = ALGOS_DIR + "/" + algo + (full ? "" : TOY_SUFFIX) + ".yaml";
        if (ConfSource.resourceUrl(algoConf) == null) {
            throw new ConfException(
                    "No conf for algorithm '"
                            + algo
                            + "' ("
                            + algoConf
                            + " is not on the classpath). Available algorithms: "
                            + String.join(", ", algorithms(full))
                            + ".");
        }
        out.add(algoConf);
        if (dataset != null) {
            String dsConf = DATASETS_DIR + "/" + dataset + ".yaml";
            if (ConfSource.resourceUrl(dsConf) == null) {
                throw new ConfException(
                        "No conf for dataset '"
                                + dataset
                                + "' ("
                                + dsConf
                                + " is not on the classpath). Available datasets: "
                                + String.join(", ", datasets())
                                + ".");
            }
            out.add(dsConf);
        }
        if (extraConf != null) {
            if (!Files.exists(extraConf)) {
                throw new ConfException(
                        "The extra conf file "
                                + extraConf.toAbsolutePath().normalize()
                                + " does not exist.");
            }
            if (!Files.isRegularFile(extraConf)) {
                throw new ConfException(
                        "The extra conf file "
                                + extraConf.toAbsolutePath().normalize()
                                + " is not a regular file ("
                                + (Files.isDirectory(extraConf)
                                        ? "a directory"
                                        : "a device or a pipe")
                                + "); --conf takes a YAML file.");
            }
            out.add(extraConf.toString());
        }
        return List.copyOf(out);
    }

    /**
     * Algorithms with a shipped conf: those with {@code <algo>_toy.yaml} in toy mode, or with both
     * {@code <algo>_toy.yaml} and {@code <algo>.yaml} in full mode (so presets such as {@code
     * darts_quick.yaml} and overlays such as {@code toy_common.yaml} are not algorithms).
     */
    public static List<String> algorithms(boolean full) {
        TreeSet<String> out = new TreeSet<>();
        TreeSet<String> names = yamlNames(ALGOS_DIR);
        for (String name : names) {
            if (!name.endsWith(TOY_SUFFIX)) {
                continue;
            }
            // an algorithm ships <algo>_toy.yaml and <algo>.yaml; presets such as
            // darts_quick.yaml and overlays such as toy_common.yaml are neither
            String algo = name.substring(0, name.length() - TOY_SUFFIX.length());
            if (!full || names.contains(algo)) {
                out.add(algo);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Presets of {@code algo}: the {@code X} of each shipped {@code <algo>_X.yaml} other than
     * {@code toy} that is not another algorithm's conf (so {@code quick} for {@code
     * darts_quick.yaml}, but nothing of {@code darts} for {@code darts_v2_toy.yaml}).
     */
    public static List<String> presets(String algo) {
        TreeSet<String> names = yamlNames(ALGOS_DIR);
        List<String> algos = algorithms(false);
        List<String> out = new ArrayList<>();
        String prefix = algo + "_";
        for (String name : names) {
            if (!name.startsWith(prefix) || name.equals(algo + TOY_SUFFIX)) {
                continue;
            }
            boolean other =
                    algos.stream()
                            .anyMatch(
                                    b ->
                                            b.length() > algo.length()
                                                    && (name.equals(b)
                                                            || name.startsWith(b + "_")));
            if (!other) {
                out.add(name.substring(prefix.length()));
            }
        }
        return List.copyOf(out);
    }

    /** Whether the conf resource {@code name} (e.g. {@code confs/algos/darts.yaml}) is shipped. */
    public static boolean isShipped(String name) {
        return ConfSource.resourceUrl(name) != null;
    }

    /** Datasets with a shipped conf. */
    public static List<String> datasets() {
        return List.copyOf(yamlNames(DATASETS_DIR));
    }

    /**
     * Base names of the {@code .yaml} files in a classpath directory, from directories and jars.
     */
    static TreeSet<String> yamlNames(String dir) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> urls = ConfSource.classLoader().getResources(dir);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(p -> addYaml(names, p.getFileName().toString()));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        String prefix = dir + "/";
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0) {
                                addYaml(names, n.substring(prefix.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir + " on the classpath.", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Class loader returned a bad URL for " + dir, e);
        }
        return names;
    }

    private static void addYaml(TreeSet<String> names, String file) {
        if (file.endsWith(".yaml")) {
            names.add(file.substring(0, file.length() - ".yaml".length()));
        }
    }
}
