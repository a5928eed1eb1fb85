package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.ConfException;

/**
 * An immutable, fully resolved YAML configuration, or a view of one of its mappings.
 *
 * <p>Conf files are read with Archai's semantics: {@code __include__: [a.yaml, b.yaml]} loads those
 * files first (relative to the including file) and this file's keys deep-merge over them; {@code
 * _copy: /path} inside a mapping fills the keys it lacks from another mapping, and {@code key:
 * '_copy: /path'} takes another key's value. Command-line overrides such as {@code
 * --nas.search.trainer.epochs 1} must name an existing key and are typed like the value they
 * replace; copies are resolved after them.
 *
 * <pre>{@code
 * Conf conf = Conf.load(List.of("confs/algos/darts_toy.yaml"), List.of("--common.seed", "3"));
 * Conf trainer = conf.child("nas.search.trainer");
 * int epochs = trainer.getInt("epochs");
 * }</pre>
 *
 * <p>Values may hold variables as commons-configuration2 users write them: {@code ${other.key}} (a
 * full dotted key), {@code ${env:NAME}}, {@code ${sys:property}}, each with an optional default
 * {@code ${env:NAME:-8}}. A value that is one variable takes the referenced value with its type
 * ({@code epochs: '${nas.search.trainer.epochs}'} is an int; an environment variable is typed as a
 * YAML scalar); inside a longer text a variable becomes text ({@code logdir: '${env:HOME}/runs'}).
 * {@code $${x}} writes a literal {@code ${x}}. Variables are resolved after overrides and {@code
 * _copy}; an undefined variable or a cycle is an error naming the key, its file and line. The
 * resolved conf is also a commons-configuration2 configuration: {@link #configuration()}.
 *
 * <p>Hostile confs end in one {@link ConfException} naming the file and the limit: at most {@value
 * Yamls#MAX_VALUES} values after aliases, copies and list variables, {@value Yamls#MAX_DEPTH}
 * levels of nesting, {@value Yamls#MAX_CODE_POINTS} characters of text (per file, and for all
 * variables of a conf together), {@value Yamls#MAX_ALIASES} aliases per file, {@value
 * CopyResolver#MAX_CHAIN} chained {@code _copy} entries or variables, {@value ConfLoader#MAX_FILES}
 * files read through includes.
 *
 * <p>Keys are dotted paths relative to this view. Every getter failure is a {@link ConfException}
 * naming the full key, the file the value came from and what was expected; an integer past the
 * range of the getter's type names the range.
 */
public final class Conf {
    private final ConfTree raw;
    private final ConfTree resolved;
    private final List<String> viewPath;
    private final Map<String, Object> view;
    private final ReadKeys reads;

    private Conf(ConfTree raw, ConfTree resolved, List<String> viewPath, ReadKeys reads) {
        this.raw = raw;
        this.resolved = resolved;
        this.reads = reads;
        this.viewPath = List.copyOf(viewPath);
        Object node = Overrides.find(resolved.root, this.viewPath);
        if (!(node instanceof Map<?, ?>)) {
            throw new ConfException(
                    "Key " + path() + " is " + Values.describe(node) + ", not a mapping.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) node;
        this.view = m;
    }

    /**
     * Loads conf files in order (each a filesystem path or a classpath resource such as {@code
     * confs/algos/darts_toy.yaml}; an existing file wins over a resource of the same name), each
     * deep-merging over the earlier ones, applies command-line overrides ({@code "--a.b.c",
     * "value", ...}), then resolves {@code _copy}.
     */
    public static Conf load(List<String> confPaths, List<String> overrideArgs) {
        ConfTree raw = new ConfLoader().loadAll(confPaths);
        Overrides.apply(raw, overrideArgs, "");
        return new Conf(raw, resolve(raw), List.of(), new ReadKeys());
    }

    /**
     * {@code _copy} entries resolved, then variables ({@code ${key}}, {@code ${env:NAME}}, ...).
     */
    private static ConfTree resolve(ConfTree raw) {
        return Interpolation.apply(CopyResolver.resolve(raw));
    }

    /**
     * This view as a read-only commons-configuration2 hierarchical configuration, for Java users
     * who work with that API: keys are the same dotted paths, lists are repeated nodes as
     * commons-configuration2 stores them, values are resolved ({@code _copy} and variables), so its
     * own interpolation is off: a literal {@code ${x}} stays literal. For a subtree prefer {@code
     * conf.child(key).configuration()}: commons-configuration2's {@code immutableConfigurationAt}
     * interpolates again. Reading through it does not count as reading a key (see {@link
     * #unreadKeys}).
     *
     * <pre>{@code
     * ImmutableHierarchicalConfiguration c = conf.configuration();
     * int epochs = c.getInt("nas.search.trainer.epochs");
     * List<Object> prims = c.getList("nas.search.model_desc.primitives");
     * }</pre>
     */
    public org.apache.commons.configuration2.ImmutableHierarchicalConfiguration configuration() {
        return CommonsView.of(view);
    }

    /**
     * Like {@link #load(List, List)}, with {@code userConfPaths} (a user's {@code --conf} files)
     * applied after {@code confPaths} and checked like overrides: every key such a file sets must
     * exist in the conf it is applied over, so a misspelt key ({@code epocs:}, {@code
     * loader.bacth}, an unknown section) is an error naming the file, line and nearest keys instead
     * of being merged silently while the run uses the default.
     */
    public static Conf load(
            List<String> confPaths, List<String> userConfPaths, List<String> overrideArgs) {
        ConfLoader loader = new ConfLoader();
        ConfTree raw = loader.loadAll(confPaths);
        for (String user : userConfPaths) {
            ConfTree over = loader.load(ConfSource.locate(user));
            KnownKeys.check(CopyResolver.resolve(raw), over);
            raw.mergeOver(over);
        }
        Overrides.apply(raw, overrideArgs, "");
        return new Conf(raw, resolve(raw), List.of(), new ReadKeys());
    }

    /**
     * Reads a conf from YAML text; {@code sourceName} names it in messages and its {@code
     * __include__}s are resolved relative to the working directory (then the classpath).
     */
    public static Conf fromYaml(String yamlText, String sourceName) {
        ConfTree raw = new ConfLoader().load(ConfSource.ofText(yamlText, sourceName));
        return new Conf(raw, resolve(raw), List.of(), new ReadKeys());
    }

    /**
     * A conf holding a copy of {@code values} (plain maps, lists, strings, numbers and booleans),
     * for library users and tests that build a spec in code; {@code sourceName} names it in
     * messages and {@code _copy} entries are resolved.
     */
    public static Conf of(Map<String, Object> values, String sourceName) {
        ConfTree raw = ConfTree.of(Values.copyMap(values), sourceName);
        return new Conf(raw, resolve(raw), List.of(), new ReadKeys());
    }

    /**
     * A new conf with more overrides (keys relative to this view) applied, copies re-resolved; it
     * shares this conf's record of read keys.
     */
    public Conf withOverrides(List<String> overrideArgs) {
        ConfTree newRaw = raw.copy();
        Overrides.apply(newRaw, overrideArgs, path());
        return new Conf(newRaw, resolve(newRaw), viewPath, reads);
    }

    /** The view of the mapping at {@code dottedKey}; an error if it is missing or not a mapping. */
    public Conf child(String dottedKey) {
        Object v = require(dottedKey);
        if (!(v instanceof Map<?, ?>)) {
            throw typeError(dottedKey, v, "a mapping of keys");
        }
        List<String> p = new ArrayList<>(viewPath);
        p.addAll(segments(dottedKey));
        return new Conf(raw, resolved, p, reads);
    }

    /** Whether {@code dottedKey} exists (even with a null value). */
    public boolean has(String dottedKey) {
        return Overrides.find(view, segments(dottedKey)) != Overrides.MISSING;
    }

    /** Whether {@code dottedKey} exists with a value other than null. */
    public boolean isSet(String dottedKey) {
        return optional(dottedKey) != null;
    }

    /**
     * The raw value: a map or list (copies), a string, number or boolean, or null. Counts as
     * reading the key and everything under it.
     */
    public Object get(String dottedKey) {
        return Values.deepCopy(read(dottedKey));
    }

    /** The value as a string; numbers and booleans are written as text. */
    public String getString(String key) {
        return asString(key, read(key));
    }

    /** The value as a string, or {@code def} when the key is missing or null. */
    public String getString(String key, String def) {
        Object v = readOptional(key);
        return v == null ? def : asString(key, v);
    }

    /** The value as an int; a float, string or out-of-range integer is an error. */
    public int getInt(String key) {
        return asInt(key, read(key));
    }

    /** The value as an int, or {@code def} when the key is missing or null. */
    public int getInt(String key, int def) {
        Object v = readOptional(key);
        return v == null ? def : asInt(key, v);
    }

    /** The value as a long; anything but an integer is an error. */
    public long getLong(String key) {
        return asLong(key, read(key));
    }

    /** The value as a double; integers are widened. */
    public double getDouble(String key) {
        return asDouble(key, read(key));
    }

    /** The value as a double, or {@code def} when the key is missing or null. */
    public double getDouble(String key, double def) {
        Object v = readOptional(key);
        return v == null ? def : asDouble(key, v);
    }

    /** The value as a boolean; YAML {@code true/false/yes/no/on/off} are booleans. */
    public boolean getBool(String key) {
        return asBool(key, read(key));
    }

    /** The value as a boolean, or {@code def} when the key is missing or null. */
    public boolean getBool(String key, boolean def) {
        Object v = readOptional(key);
        return v == null ? def : asBool(key, v);
    }

    /** A list of scalars as strings. */
    public List<String> getStringList(String key) {
        List<String> out = new ArrayList<>();
        for (Object o : asList(key, "a list of strings")) {
            out.add(asString(key, o));
        }
        return Collections.unmodifiableList(out);
    }

    /** A list of numbers as doubles, or {@code def} when the key is missing or null. */
    public List<Double> getDoubleList(String key, List<Double> def) {
        return readOptional(key) == null ? def : getDoubleList(key);
    }

    /** A list of integers, or {@code def} when the key is missing or null. */
    public List<Integer> getIntList(String key, List<Integer> def) {
        return readOptional(key) == null ? def : getIntList(key);
    }

    /** A list of integers. */
    public List<Integer> getIntList(String key) {
        List<Integer> out = new ArrayList<>();
        for (Object o : asList(key, "a list of integers")) {
            out.add(asInt(key, o));
        }
        return Collections.unmodifiableList(out);
    }

    /** A list of numbers as doubles; integers are widened. */
    public List<Double> getDoubleList(String key) {
        List<Double> out = new ArrayList<>();
        for (Object o : asList(key, "a list of numbers")) {
            out.add(asDouble(key, o));
        }
        return Collections.unmodifiableList(out);
    }

    /** The direct child keys of this view, in file order, without {@code __}-prefixed ones. */
    public Set<String> keys() {
        Set<String> out = new LinkedHashSet<>();
        for (String k : view.keySet()) {
            if (!k.startsWith("__")) {
                out.add(k);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * Runs {@code build} (typically a spec's validating constructor fed from this view) and adds
     * this section's path and file to any {@link ConfException} it throws.
     */
    public <T> T validated(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfException e) {
            throw new ConfException(
                    e.getMessage()
                            + " (section "
                            + (viewPath.isEmpty() ? "<root>" : path())
                            + " in "
                            + resolved.locationOf(path())
                            + ")",
                    e);
        }
    }

    /** Refuses a key of this view outside {@code known}, naming it, its file and the known ones. */
    public void checkKeys(Set<String> known) {
        for (String k : keys()) {
            if (!known.contains(k)) {
                throw new ConfException(
                        "Unknown key "
                                + where(k)
                                + "; valid keys are "
                                + new java.util.TreeSet<>(known)
                                + ".");
            }
        }
    }

    /** The full dotted key of {@code key} and the file it came from, for messages. */
    public String where(String key) {
        return "'" + full(key) + "' (" + locationOf(key) + ")";
    }

    /**
     * An unmodifiable map of this view's keys, less {@code skip}, whose {@code get} counts as
     * reading that key; for sections whose unknown keys belong to an algorithm.
     */
    public Map<String, Object> readingMap(Set<String> skip) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        for (String k : keys()) {
            if (!skip.contains(k)) {
                plain.put(k, Values.deepCopy(view.get(k)));
            }
        }
        return new ReadingMap(this, plain);
    }

    /** The dotted path of this view from the root ("" at the root). */
    public String path() {
        return String.join(".", viewPath);
    }

    /**
     * The file and line (or command-line override) the value at {@code key} came from, for
     * messages: {@code confs/algos/darts.yaml:42}.
     */
    public String locationOf(String key) {
        return resolved.locationOf(full(key));
    }

    /** The file (or command-line override) the value at {@code key} came from, for messages. */
    public String sourceOf(String key) {
        return resolved.sourceOf(full(key));
    }

    /**
     * A deep, mutable copy of this view's tree. It does not count as reading the keys in it: code
     * that parses values should use the typed getters.
     */
    public Map<String, Object> toMap() {
        return Values.copyMap(view);
    }

    /**
     * This view as block-style YAML, without {@code __} and {@code _copy} keys; a literal {@code
     * ${x}} in a value is written {@code $${x}}, so that the text reads back to the same values.
     */
    @SuppressWarnings("unchecked")
    public String toYaml() {
        // a literal ${x} is written $${x}, so the file reads back to the same values
        return Yamls.dump(
                (Map<String, Object>) Interpolation.escaped(ConfValues.withoutMetaKeys(view)));
    }

    /**
     * The full dotted keys under this view that hold a value (a scalar, a list or an empty mapping)
     * no getter has read yet, in file order. Reading a key a {@code _copy} filled in counts as
     * reading the key it was copied from, and such filled-in keys are not listed themselves. Used
     * by tests that check every shipped key is read by some code.
     */
    public List<String> unreadKeys() {
        List<String> out = new ArrayList<>();
        reads.collectUnread(view, path(), resolved, out);
        return out;
    }

    /** The full dotted keys some getter of this conf (any view) has read so far, sorted. */
    public java.util.SortedSet<String> readKeys() {
        return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(reads.keys()));
    }

    @Override
    public String toString() {
        return "Conf[" + (viewPath.isEmpty() ? "<root>" : path()) + ": " + keys() + "]";
    }

    private String full(String key) {
        return ConfTree.join(path(), key);
    }

    private static List<String> segments(String dottedKey) {
        return Arrays.asList(dottedKey.split("\\.", -1));
    }

    private Object optional(String key) {
        Object v = Overrides.find(view, segments(key));
        return v == Overrides.MISSING ? null : v;
    }

    private Object read(String key) {
        Object v = require(key);
        reads.mark(full(key), resolved);
        return v;
    }

    private Object readOptional(String key) {
        Object v = optional(key);
        reads.mark(full(key), resolved);
        return v;
    }

    private Object require(String key) {
        Object v = Overrides.find(view, segments(key));
        if (v == Overrides.MISSING) {
            throw ConfValues.missing(resolved, full(key));
        }
        return v;
    }

    private ConfException typeError(String key, Object v, String expected) {
        return ConfScalars.typeError(full(key), locationOf(key), v, expected);
    }

    private List<?> asList(String key, String expected) {
        Object v = read(key);
        if (!(v instanceof List<?> l)) {
            throw typeError(key, v, expected);
        }
        return l;
    }

    private String asString(String key, Object v) {
        return ConfScalars.asString(full(key), locationOf(key), v);
    }

    private int asInt(String key, Object v) {
        return ConfScalars.asInt(full(key), locationOf(key), v);
    }

    private long asLong(String key, Object v) {
        return ConfScalars.asLong(full(key), locationOf(key), v);
    }

    private double asDouble(String key, Object v) {
        return ConfScalars.asDouble(full(key), locationOf(key), v);
    }

    private boolean asBool(String key, Object v) {
        return ConfScalars.asBool(full(key), locationOf(key), v);
    }
}
