package org.nas4j.core.conf;

import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/** A conf tree as a commons-configuration2 node tree. */
final class CommonsView {
    private CommonsView() {}

    static ImmutableHierarchicalConfiguration of(Map<String, Object> tree) {
        ImmutableNode.Builder root = new ImmutableNode.Builder();
        addChildren(root, tree);
        BaseHierarchicalConfiguration c = new BaseHierarchicalConfiguration();
        c.getNodeModel().setRootNode(root.create());
        return c;
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
