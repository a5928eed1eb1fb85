package org.nas4j.core.archai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A safe YAML constructor that reads PyYAML's {@code !!python/...} tags as the plain mapping,
 * sequence or scalar underneath, so no class named in the file is ever instantiated.
 *
 * <p>{@code !!python/object/new} and {@code /apply} nodes that carry {@code args}, {@code state} or
 * {@code dictitems} keys keep them as map entries; the importer looks inside.
 */
final class PlainDataConstructor extends SafeConstructor {
    static final String PYTHON_TAGS = "tag:yaml.org,2002:python/";

    PlainDataConstructor(LoaderOptions options) {
        super(options);
        this.yamlMultiConstructors.put(PYTHON_TAGS, new AsPlainData());
    }

    /** Loader options that accept PyYAML's python tags (and no other global tag). */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setTagInspector(tag -> tag.getValue().startsWith(PYTHON_TAGS));
        return options;
    }

    private final class AsPlainData extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            if (node instanceof MappingNode m) {
                Map<Object, Object> map = constructMapping(m);
                return map;
            }
            if (node instanceof SequenceNode s) {
                List<Object> list = new ArrayList<>(constructSequence(s));
                return list;
            }
            return constructScalar((ScalarNode) node);
        }
    }
}
