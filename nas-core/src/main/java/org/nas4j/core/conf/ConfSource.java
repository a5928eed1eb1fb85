package org.nas4j.core.conf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.nas4j.core.ConfException;

/**
 * Where a conf file lives: a file on disk or a resource on the classpath. Includes are resolved
 * relative to it; a text source (from {@link Conf#fromYaml}) resolves them relative to the working
 * directory.
 */
final class ConfSource {
    static final String CLASSPATH_PREFIX = "classpath:";

    private final Path file;
    private final String resource;
    private final String text;
    private final String display;

    private ConfSource(Path file, String resource, String text, String display) {
        this.file = file;
        this.resource = resource;
        this.text = text;
        this.display = display;
    }

    /**
     * Finds a conf named on the command line or by {@link AlgoConfs}: an existing file wins, else a
     * classpath resource of that name ({@code classpath:} forces the classpath).
     */
    static ConfSource locate(String spec) {
        if (spec.startsWith(CLASSPATH_PREFIX)) {
            String name = normalizeResource(spec.substring(CLASSPATH_PREFIX.length()));
            if (resourceUrl(name) == null) {
                throw new ConfException("Conf resource " + name + " is not on the classpath.");
            }
            return ofResource(name);
        }
        Path p = Path.of(spec);
        if (Files.isRegularFile(p)) {
            return ofFile(p);
        }
        String name = p.isAbsolute() ? null : normalizeResource(spec);
        if (name != null && resourceUrl(name) != null) {
            return ofResource(name);
        }
        throw new ConfException(
                "Conf file '"
                        + spec
                        + "' was found neither as a file (tried "
                        + p.toAbsolutePath().normalize()
                        + ") nor as a classpath resource.");
    }

    /** A source holding YAML text given directly; its includes are relative to the working dir. */
    static ConfSource ofText(String text, String sourceName) {
        return new ConfSource(null, null, text, sourceName);
    }

    /** The conf that {@code include} names, relative to this one. */
    ConfSource include(String include) {
        if (text != null) {
            return locate(include);
        }
        if (file != null) {
            Path p = file.resolveSibling(include).normalize();
            if (!Files.isRegularFile(p)) {
                throw new ConfException(
                        "Conf file "
                                + display
                                + " includes '"
                                + include
                                + "', but "
                                + p
                                + " does not exist.");
            }
            return ofFile(p);
        }
        String name =
                include.startsWith("/")
                        ? normalizeResource(include)
                        : normalizeResource(parentOf(resource) + include);
        if (resourceUrl(name) == null) {
            throw new ConfException(
                    "Conf resource "
                            + display
                            + " includes '"
                            + include
                            + "', but "
                            + name
                            + " is not on the classpath.");
        }
        return ofResource(name);
    }

    /** Identity for cycle detection: the same file reached two ways has the same id. */
    String id() {
        return file != null
                ? file.toString()
                : resource != null ? CLASSPATH_PREFIX + resource : display;
    }

    /** The name messages show. */
    String display() {
        return display;
    }

    String read() {
        if (text != null) {
            return text;
        }
        try {
            if (file != null) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = resourceUrl(resource).openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read conf file " + display + ": " + e.getMessage(), e);
        }
    }

    static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : ConfSource.class.getClassLoader();
    }

    static URL resourceUrl(String name) {
        return classLoader().getResource(name);
    }

    private static ConfSource ofFile(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String display = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return new ConfSource(abs, null, null, display);
    }

    private static ConfSource ofResource(String name) {
        return new ConfSource(null, name, null, name);
    }

    private static String parentOf(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? "" : resource.substring(0, slash + 1);
    }

    /** Resolves "." and ".." in a resource name, which class loaders do not do reliably in jars. */
    static String normalizeResource(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : name.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    throw new ConfException(
                            "Conf resource name '" + name + "' goes above the classpath root.");
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return String.join("/", parts);
    }
}
