package org.nas4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.nas4j.core.Provenance;
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
        String fromPath = Provenance.libtorchFromPath();
        return fromPath == null
                ? "PyTorch " + PYTORCH + " (CPU natives from the classpath)"
                : "PyTorch "
                        + fromPath
                        + " (PYTORCH_LIBRARY_PATH; nas4j is built against "
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
