package org.nas4j.core.conf;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map over some keys of a {@link Conf} view whose {@code get} counts as reading the
 * key; made by {@link Conf#readingMap}.
 */
public final class ReadingMap extends AbstractMap<String, Object> {
    private final Conf conf;
    private final Map<String, Object> plain;

    ReadingMap(Conf conf, Map<String, Object> plain) {
        this.conf = conf;
        this.plain = Collections.unmodifiableMap(plain);
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String k) || !plain.containsKey(k)) {
            return null;
        }
        return conf.get(k);
    }

    @Override
    public boolean containsKey(Object key) {
        return plain.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return plain.entrySet();
    }
}
