package org.nas4j.core.conf;

import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ConfigurationUtils;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * A resolved conf tree as a read-only commons-configuration2 configuration. Its values are already
 * resolved, so its own interpolation is off: a literal {@code ${x}} in a value (written {@code
 * $${x}} in the conf) is given as it is, where commons-configuration2, which interpolates a value
 * twice on conversion, would look it up. The configurations it hands out for subtrees ({@code
 * immutableConfigurationAt}) interpolate again, as commons-configuration2 always does; {@link
 * Conf#configuration()} of a child view does not.
 */
final class CommonsView {
    private CommonsView() {}

    static ImmutableHierarchicalConfiguration of(Map<String, Object> tree) {
        ImmutableNode.Builder root = new ImmutableNode.Builder();
        addChildren(root, tree);
        BaseHierarchicalConfiguration c = new BaseHierarchicalConfiguration();
        c.getNodeModel().setRootNode(root.create());
        c.setInterpolator(null);
        return ConfigurationUtils.unmodifiableConfiguration(c);
    }

    private static void addChildren(ImmutableNode.Builder parent, Map<String, Object> m) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof List<?> l) {
                for (Object item : l) { // a list is repeated nodes of one name
                    parent.addChild(node(e.getKey(), item));
                }
            } else {
                parent.addChild(node(e.getKey(), e.getValue()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ImmutableNode node(String name, Object value) {
        ImmutableNode.Builder b = new ImmutableNode.Builder().name(name);
        if (value instanceof Map<?, ?> m) {
            addChildren(b, (Map<String, Object>) m);
        } else {
            b.value(value);
        }
        return b.create();
    }
}
