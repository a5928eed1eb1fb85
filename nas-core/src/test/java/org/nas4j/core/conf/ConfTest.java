package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;

class ConfTest {
    @TempDir Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
        return p;
    }

    private Conf load(Path... files) {
        return Conf.load(java.util.Arrays.stream(files).map(Path::toString).toList(), List.of());
    }

    @Test
    void includesLoadFirstAndLaterKeysDeepMergeOverThem() throws IOException {
        write("a.yaml", "x: {p: 1, q: 2, keep: a}\nlist: [1, 2, 3]\nonly_a: true\n");
        write("b.yaml", "x: {q: 20, r: 30}\nlist: [9]\n");
        Path main = write("main.yaml", "__include__: [a.yaml, b.yaml]\nx: {r: 300}\n");
        Conf conf = load(main);
        assertEquals(1, conf.getInt("x.p"));
        assertEquals(20, conf.getInt("x.q"));
        assertEquals(300, conf.getInt("x.r"));
        assertEquals("a", conf.getString("x.keep"));
        assertEquals(List.of(9), conf.getIntList("list"), "lists replace, they do not merge");
        assertTrue(conf.getBool("only_a"));
        assertFalse(conf.has("__include__"));
    }

    @Test
    void includeGivenAsStringAndNestedIncludesResolveRelativeToTheirFile() throws IOException {
        write("base/deep.yaml", "v: deep\nw: deep\n");
        write("base/mid.yaml", "__include__: deep.yaml\nw: mid\n");
        Path top = write("top/top.yaml", "__include__: ../base/mid.yaml\nz: top\n");
        Conf conf = load(top);
        assertEquals("deep", conf.getString("v"));
        assertEquals("mid", conf.getString("w"));
        assertEquals("top", conf.getString("z"));
        assertTrue(conf.sourceOf("w").endsWith("mid.yaml"), conf.sourceOf("w"));
    }

    @Test
    void laterConfFilesMergeOverEarlierOnes() throws IOException {
        Path a = write("a.yaml", "t: {epochs: 5, lr: 0.1}\n");
        Path b = write("b.yaml", "t: {epochs: 7}\n");
        Conf conf = load(a, b);
        assertEquals(7, conf.getInt("t.epochs"));
        assertEquals(0.1, conf.getDouble("t.lr"));
        assertTrue(conf.sourceOf("t.epochs").endsWith("b.yaml"));
        assertTrue(conf.sourceOf("t.lr").endsWith("a.yaml"));
    }

    @Test
    void fromYamlResolvesIncludesFromTheWorkingDirectoryOrClasspath() {
        Conf conf =
                Conf.fromYaml(
                        "__include__: confs/algos/darts.yaml\ncommon: {seed: 5}\n", "inline.yaml");
        assertEquals(5, conf.getInt("common.seed"));
        assertEquals(8, conf.getInt("nas.search.model_desc.n_cells"));
        assertEquals("inline.yaml", conf.sourceOf("common.seed"));
    }

    @Test
    void includeCycleNamesTheChain() throws IOException {
        Path a = write("a.yaml", "__include__: b.yaml\nx: 1\n");
        write("b.yaml", "__include__: [a.yaml]\ny: 2\n");
        ConfException e = assertThrows(ConfException.class, () -> load(a));
        String msg = e.getMessage().replace(dir.toString() + "/", "");
        assertTrue(msg.contains("a.yaml -> b.yaml -> a.yaml"), msg);
    }

    @Test
    void missingIncludeNamesIncludingFileAndPathTried() throws IOException {
        Path a = write("a.yaml", "__include__: nothere.yaml\n");
        ConfException e = assertThrows(ConfException.class, () -> load(a));
        assertTrue(e.getMessage().contains("a.yaml includes 'nothere.yaml'"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("nothere.yaml").toString()), e.getMessage());
    }

    @Test
    void missingConfFileIsAnError() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> Conf.load(List.of(dir.resolve("no.yaml").toString()), List.of()));
        assertTrue(e.getMessage().contains("no.yaml"), e.getMessage());
    }

    @Test
    void brokenYamlNamesFileAndLine() throws IOException {
        Path bad = write("bad.yaml", "a: 1\nb:\n  c: 2\n   d: [1, 2\n");
        ConfException e = assertThrows(ConfException.class, () -> load(bad));
        assertTrue(e.getMessage().contains("bad.yaml"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*line [34].*"), e.getMessage());
    }

    @Test
    void duplicateKeyIsAnErrorWithItsLine() {
        ConfException e =
                assertThrows(
                        ConfException.class, () -> Conf.fromYaml("a: 1\nb: 2\na: 3\n", "dup.yaml"));
        assertTrue(e.getMessage().contains("dup.yaml at line 3"), e.getMessage());
    }

    @Test
    void tagsNeverConstructJavaObjects() {
        String yaml = "x: !!java.io.File [\"/tmp\"]\n";
        ConfException e = assertThrows(ConfException.class, () -> Conf.fromYaml(yaml, "evil.yaml"));
        assertTrue(e.getMessage().contains("evil.yaml at line 1"), e.getMessage());
    }

    @Test
    void topLevelMustBeAMapping() {
        ConfException e =
                assertThrows(ConfException.class, () -> Conf.fromYaml("- 1\n- 2\n", "list.yaml"));
        assertTrue(e.getMessage().contains("list.yaml"), e.getMessage());
    }

    @Test
    void typedGetterErrorNamesFullKeyFileAndValue() throws IOException {
        Path f = write("t.yaml", "nas: {search: {trainer: {epochs: abc, lr: 0.5, flag: yes}}}\n");
        Conf trainer = load(f).child("nas.search.trainer");
        ConfException e = assertThrows(ConfException.class, () -> trainer.getInt("epochs"));
        assertEquals(
                "Key nas.search.trainer.epochs in t.yaml:1 is 'abc'; expected an integer.",
                e.getMessage().replace(dir.toString() + "/", ""));
        assertThrows(ConfException.class, () -> trainer.getInt("lr"));
        assertThrows(ConfException.class, () -> trainer.getBool("lr"));
        assertThrows(ConfException.class, () -> trainer.getDoubleList("lr"));
        assertTrue(trainer.getBool("flag"), "YAML 1.1 yes is a boolean");
        assertEquals(0.5, trainer.getDouble("lr"));
        assertEquals("nas.search.trainer", trainer.path());
    }

    @Test
    void missingKeyNamesKeyAndTheKeysThatExist() {
        Conf conf = Conf.fromYaml("t: {epochs: 1, lr: 0.1}\n", "m.yaml");
        ConfException e = assertThrows(ConfException.class, () -> conf.getInt("t.epoch"));
        assertTrue(e.getMessage().contains("Key t.epoch is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("keys at t are: epochs, lr"), e.getMessage());
        assertThrows(ConfException.class, () -> conf.child("t.epochs"));
        assertThrows(ConfException.class, () -> conf.child("nope"));
    }

    @Test
    void defaultsApplyOnlyToMissingKeys() {
        Conf conf = Conf.fromYaml("a: 3\ns: x\n", "d.yaml");
        assertEquals(3, conf.getInt("a", 7));
        assertEquals(7, conf.getInt("b", 7));
        assertEquals(2.5, conf.getDouble("b", 2.5));
        assertTrue(conf.getBool("b", true));
        assertEquals("y", conf.getString("b", "y"));
        assertThrows(
                ConfException.class, () -> conf.getInt("s", 7), "a wrong type is not defaulted");
        assertEquals(3L, conf.getLong("a"));
        assertEquals(3.0, conf.getDouble("a"));
    }

    @Test
    void viewsListKeysAndCopyMaps() {
        Conf conf = Conf.fromYaml("__meta__: 1\nb: {y: 1, x: [1, 2]}\na: 2\n", "v.yaml");
        assertEquals(List.of("b", "a"), List.copyOf(conf.keys()));
        Map<String, Object> m = conf.toMap();
        m.put("a", 99);
        assertEquals(2, conf.getInt("a"), "toMap is a copy");
        assertEquals(List.of(1.0, 2.0), conf.child("b").getDoubleList("x"));
        assertEquals(List.of("1", "2"), conf.child("b").getStringList("x"));
    }

    @Test
    void toYamlRoundTripsAndHidesMetaKeys() {
        String yaml =
                "__meta__: hidden\n"
                        + "a: {b: 0.0003, c: [0.5, 0.999], d: 'yes', e: '', f: 1.0e20, g: null}\n"
                        + "h: {_copy: /a}\n";
        Conf conf = Conf.fromYaml(yaml, "r.yaml");
        String out = conf.toYaml();
        assertFalse(out.contains("__meta__"), out);
        assertFalse(out.contains("_copy"), out);
        assertTrue(out.contains("0.0003"), out);
        Map<String, Object> expected = conf.toMap();
        expected.remove("__meta__");
        assertEquals(expected, Conf.fromYaml(out, "out.yaml").toMap());
    }
}
