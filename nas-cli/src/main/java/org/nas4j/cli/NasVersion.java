package org.nas4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Versions of nas4j and of the engine it was built against, read from a Maven-filtered resource so
 * that {@code nas --version} never has to start the PyTorch engine.
 */
final class NasVersion implements IVersionProvider {
    private static final Properties BUILT = load();

    /** The nas4j version (from the jar manifest, else the Maven build). */
    static final String NAS4J = nas4jVersion();

    /** The DJL version nas4j is built against. */
    static final String DJL = BUILT.getProperty("djl", "unknown");

    /** The PyTorch (libtorch) version of the native jars nas4j is built against. */
    static final String PYTORCH = BUILT.getProperty("pytorch", "unknown");

    @Override
    public String[] getVersion() {
        return new String[] {
            "nas4j " + NAS4J,
            "DJL " + DJL + ", " + libtorch(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    /**
     * Where DJL takes libtorch from: the CPU natives on the class path, or the folder {@code
     * PYTORCH_LIBRARY_PATH} names (a CUDA libtorch, whose version {@code PYTORCH_VERSION} gives).
     */
    static String libtorch() {
        String dir = ai.djl.util.Utils.getEnvOrSystemProperty("PYTORCH_LIBRARY_PATH");
        if (dir == null || dir.isBlank()) {
            return "PyTorch " + PYTORCH + " (CPU natives from the classpath)";
        }
        String version = ai.djl.util.Utils.getEnvOrSystemProperty("PYTORCH_VERSION");
        return "PyTorch "
                + (version == null || version.isBlank() ? "(PYTORCH_VERSION not set)" : version)
                + " from PYTORCH_LIBRARY_PATH="
                + dir
                + " (nas4j is built against "
                + PYTORCH
                + ")";
    }

    private static String nas4jVersion() {
        String fromManifest = NasVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : BUILT.getProperty("nas4j", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = NasVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the nas4j version resource.", e);
        }
        return p;
    }
}
