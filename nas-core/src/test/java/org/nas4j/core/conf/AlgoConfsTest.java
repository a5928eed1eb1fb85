package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;

class AlgoConfsTest {
    @TempDir Path dir;

    @Test
    void toyIsTheDefaultAndFullPicksThePaperConf() {
        assertEquals(
                List.of("confs/algos/darts_toy.yaml"),
                AlgoConfs.confPaths("darts", false, null, null));
        assertEquals(
                List.of("confs/algos/darts.yaml", "confs/datasets/cifar10.yaml"),
                AlgoConfs.confPaths("darts", true, "cifar10", null));
    }

    @Test
    void extraConfComesLastAndMustExist() throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.yaml"), "common: {seed: 9}\n");
        List<String> paths = AlgoConfs.confPaths("darts", false, "mnist", extra);
        assertEquals(extra.toString(), paths.get(2));
        Conf conf = Conf.load(paths, List.of());
        assertEquals(9, conf.getInt("common.seed"));
        assertEquals("mnist", conf.getString("nas.search.loader.dataset.name"));
        assertThrows(
                ConfException.class,
                () -> AlgoConfs.confPaths("darts", false, null, dir.resolve("none.yaml")));
    }

    @Test
    void anExtraConfThatIsADeviceOrADirectoryIsNamedAsSuchNotAsMissing() {
        ConfException dev =
                assertThrows(
                        ConfException.class,
                        () -> AlgoConfs.confPaths("darts", false, null, Path.of("/dev/zero")));
        assertTrue(
                dev.getMessage().contains("/dev/zero is not a regular file (a device or a pipe)"),
                dev.getMessage());
        ConfException d =
                assertThrows(
                        ConfException.class, () -> AlgoConfs.confPaths("darts", false, null, dir));
        assertTrue(
                d.getMessage().contains("(a directory); --conf takes a YAML file"), d.getMessage());
    }

    @Test
    void unknownAlgorithmOrDatasetListsTheShippedOnes() {
        ConfException e =
                assertThrows(
                        ConfException.class, () -> AlgoConfs.confPaths("enas", false, null, null));
        assertTrue(e.getMessage().contains("Available algorithms: "), e.getMessage());
        assertTrue(e.getMessage().contains("darts"), e.getMessage());
        e =
                assertThrows(
                        ConfException.class,
                        () -> AlgoConfs.confPaths("darts", false, "imagenet", null));
        assertTrue(
                e.getMessage()
                        .contains(
                                "Available datasets: cifar10, cifar100, fashion_mnist, mnist, synthetic."),
                e.getMessage());
    }

    @Test
    void listsConfsInsideAJarToo() throws IOException {
        // with directory entries, as the Maven jar plugin writes them
        Path jar = dir.resolve("confs.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name :
                    List.of(
                            "confs/",
                            "confs/algos/",
                            "confs/algos/zeta_toy.yaml",
                            "confs/algos/zeta.yaml",
                            "confs/algos/x/deep.yaml")) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write("a: 1\n".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, old)) {
            t.setContextClassLoader(cl);
            // the jar's algorithm joins the shipped ones, in name order
            List<String> shipped = AlgoConfs.algorithms(false);
            assertTrue(shipped.contains("darts") && shipped.contains("zeta"), shipped.toString());
            assertEquals(shipped.stream().sorted().toList(), shipped);
            assertTrue(AlgoConfs.algorithms(true).contains("zeta"));
            assertEquals(
                    1,
                    Conf.load(AlgoConfs.confPaths("zeta", false, null, null), List.of())
                            .getInt("a"));
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
