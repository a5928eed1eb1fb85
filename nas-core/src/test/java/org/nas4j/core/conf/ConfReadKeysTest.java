package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfReadKeysTest {
    private static final String YAML =
            "dataset: {name: fmnist, channels: 1, mean: [0.5]}\n"
                    + "nas:\n"
                    + "  search:\n"
                    + "    loader: {dataset: {_copy: /dataset}, batch: 16}\n"
                    + "    trainer: {epochs: 2, optimizer: {lr: 0.1}}\n";

    @Test
    void onlyKeysAGetterReadCount() {
        Conf conf = Conf.fromYaml(YAML, "t.yaml");
        Conf trainer = conf.child("nas.search.trainer");
        trainer.toMap();
        trainer.child("optimizer").keys();
        assertEquals(
                List.of(
                        "dataset.name",
                        "dataset.channels",
                        "dataset.mean",
                        "nas.search.loader.batch",
                        "nas.search.trainer.epochs",
                        "nas.search.trainer.optimizer.lr"),
                conf.unreadKeys());
        trainer.getInt("epochs");
        conf.getDouble("nas.search.trainer.optimizer.lr");
        assertTrue(conf.unreadKeys().stream().noneMatch(k -> k.startsWith("nas.search.trainer")));
        assertEquals(
                Set.of("nas.search.trainer.epochs", "nas.search.trainer.optimizer.lr"),
                conf.readKeys());
    }

    @Test
    void readingACopyReadsItsSourceAndCopiesAreNotListed() {
        Conf conf = Conf.fromYaml(YAML, "t.yaml");
        Conf ds = conf.child("nas.search.loader.dataset");
        ds.getString("name");
        ds.getDoubleList("mean");
        conf.getInt("nas.search.loader.batch", 1);
        assertEquals(
                List.of(
                        "dataset.channels",
                        "nas.search.trainer.epochs",
                        "nas.search.trainer.optimizer.lr"),
                conf.unreadKeys());
    }

    @Test
    void getOfAMappingReadsAllOfItAndOverridesShareTheRecord() {
        Conf conf = Conf.fromYaml(YAML, "t.yaml");
        conf.get("dataset");
        Conf more = conf.withOverrides(List.of("--nas.search.loader.batch", "8"));
        assertEquals(8, more.getInt("nas.search.loader.batch"));
        assertEquals(
                List.of("nas.search.trainer.epochs", "nas.search.trainer.optimizer.lr"),
                conf.unreadKeys());
    }

    @Test
    void readingMapCountsOnlyTheKeysAsked() {
        Conf trainer = Conf.fromYaml(YAML, "t.yaml").child("nas.search.trainer");
        Map<String, Object> rest = trainer.readingMap(Set.of("optimizer"));
        assertEquals(Set.of("epochs"), rest.keySet());
        assertEquals(
                List.of("nas.search.trainer.epochs", "nas.search.trainer.optimizer.lr"),
                trainer.unreadKeys());
        assertEquals(2L, ((Number) rest.get("epochs")).longValue());
        assertEquals(List.of("nas.search.trainer.optimizer.lr"), trainer.unreadKeys());
    }

    @Test
    void validatedNamesTheSectionAndItsFile() {
        Conf loader = Conf.fromYaml(YAML, "t.yaml").child("nas.search.loader");
        String msg =
                org.junit.jupiter.api.Assertions.assertThrows(
                                org.nas4j.core.ConfException.class,
                                () ->
                                        loader.validated(
                                                () -> {
                                                    throw new org.nas4j.core.ConfException(
                                                            "batch must be >= 1.");
                                                }))
                        .getMessage();
        assertEquals("batch must be >= 1. (section nas.search.loader in t.yaml:4)", msg);
    }
}
