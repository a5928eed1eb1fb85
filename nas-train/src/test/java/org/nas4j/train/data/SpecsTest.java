package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/** {@link DatasetSpec} and {@link LoaderSpec} read from plain conf maps. */
class SpecsTest {
    /** {@code values} as the conf section {@code key}. */
    private static Conf section(String key, Map<String, Object> values) {
        return Conf.of(Map.of(key, values), "test").child(key);
    }

    private static Map<String, Object> fashionMnist() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "fashion_mnist");
        m.put("format", "idx");
        m.put("dataroot", "/usr/share/datasets/fashion-mnist");
        m.put("n_classes", 10);
        m.put("channels", 1);
        m.put("img_size", 28);
        m.put("mean", List.of(0.2860));
        m.put("std", List.of(0.3530));
        m.put("crop_padding", 2);
        m.put("hflip", true);
        return m;
    }

    private static Map<String, Object> loader() {
        Map<String, Object> m = new HashMap<>();
        m.put("dataset", Map.of("name", "ignored"));
        m.put("batch", 64);
        m.put("val_ratio", 0.5);
        m.put("aug", true);
        m.put("cutout", 0);
        m.put("max_batches", -1);
        m.put("workers", 2);
        return m;
    }

    @Test
    void datasetSpecReadsTheConfKeys() {
        DatasetSpec spec = DatasetSpec.fromConf(section("dataset", fashionMnist()));
        assertEquals("fashion_mnist", spec.name());
        assertEquals(28, spec.imgSize());
        assertEquals(List.of(0.2860), spec.mean());
        assertEquals(2, spec.cropPadding());
        assertEquals(0, spec.nTrain());
    }

    @Test
    void overridesArriveTyped() {
        Map<String, Object> m = fashionMnist();
        m.put("img_size", 32);
        Conf conf =
                Conf.of(Map.of("dataset", m), "test")
                        .withOverrides(
                                List.of("--dataset.img_size", "28", "--dataset.hflip", "false"));
        DatasetSpec spec = DatasetSpec.fromConf(conf.child("dataset"));
        assertEquals(28, spec.imgSize());
        assertEquals(false, spec.hflip());
    }

    @Test
    void missingOrIllTypedKeysNameTheKey() {
        Map<String, Object> missing = fashionMnist();
        missing.remove("std");
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> DatasetSpec.fromConf(section("dataset", missing)));
        assertTrue(e.getMessage().contains("dataset.std"), e.getMessage());

        Map<String, Object> illTyped = fashionMnist();
        illTyped.put("n_classes", 2.5);
        e =
                assertThrows(
                        ConfException.class,
                        () -> DatasetSpec.fromConf(section("dataset", illTyped)));
        assertTrue(e.getMessage().contains("dataset.n_classes"), e.getMessage());

        Map<String, Object> wrongLength = fashionMnist();
        wrongLength.put("mean", List.of(0.1, 0.2));
        e =
                assertThrows(
                        ConfException.class,
                        () -> DatasetSpec.fromConf(section("dataset", wrongLength)));
        assertTrue(e.getMessage().contains("dataset.mean"), e.getMessage());
    }

    @Test
    void syntheticNeedsItsSampleCounts() {
        Map<String, Object> m = fashionMnist();
        m.put("name", "synthetic");
        ConfException e =
                assertThrows(
                        ConfException.class, () -> DatasetSpec.fromConf(section("dataset", m)));
        assertTrue(e.getMessage().contains("dataset.n_train"), e.getMessage());
        m.put("n_train", 256);
        m.put("n_test", 128);
        assertEquals(256, DatasetSpec.fromConf(section("dataset", m)).nTrain());
    }

    @Test
    void homeDirectoryIsExpanded() {
        Map<String, Object> m = fashionMnist();
        m.put("dataroot", "~/dataroot/cifar");
        assertEquals(
                Path.of(System.getProperty("user.home"), "dataroot", "cifar"),
                DatasetSpec.fromConf(section("dataset", m)).dataDir());
    }

    @Test
    void loaderSpecReadsTheConfKeysAndChecksRanges() {
        LoaderSpec spec = LoaderSpec.fromConf(section("loader", loader()));
        assertEquals(new LoaderSpec(64, 0.5, true, 0, -1, 2), spec);

        Map<String, Object> bad = loader();
        bad.put("val_ratio", 1.0);
        ConfException e =
                assertThrows(
                        ConfException.class, () -> LoaderSpec.fromConf(section("loader", bad)));
        assertTrue(e.getMessage().contains("loader.val_ratio"), e.getMessage());

        Map<String, Object> illTyped = loader();
        illTyped.put("aug", "sometimes");
        e =
                assertThrows(
                        ConfException.class,
                        () -> LoaderSpec.fromConf(section("loader", illTyped)));
        assertTrue(e.getMessage().contains("loader.aug"), e.getMessage());
    }
}
