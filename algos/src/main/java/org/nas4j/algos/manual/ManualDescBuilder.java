package org.nas4j.algos.manual;

import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.builder.ModelDescParams;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescValidator;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the desc of the manual model a {@code nas.<phase>.model_desc} section names: its key
 * {@code model} (a shipped name or a YAML file, see {@link ManualModels}) and its {@code dataset}
 * (input channels, size and classes). A template that is itself a manual model's desc (a saved
 * final desc, or one given with {@code --final-desc}) is taken as it is; any other template (a
 * DARTS genotype) has no place in a manual run and is ignored with a warning.
 */
public class ManualDescBuilder extends ModelDescBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ManualDescBuilder.class);

    private final OpRegistry registry;

    /**
     * @param registry the ops a block may name
     */
    public ManualDescBuilder(OpRegistry registry) {
        this.registry = registry;
    }

    /** Reads the section's {@code model}: what {@link #build} would build, without building it. */
    public static ManualModel modelOf(Conf section) {
        return ManualModels.load(section.getString("model"), section.where("model"));
    }

    @Override
    public ModelDesc build(Conf section, String phase, ModelDesc template) {
        if (template != null && template.params().containsKey(ManualDescs.MODEL_PARAM)) {
            DescValidator.validate(template, "the given manual model desc");
            return template;
        }
        ManualModel model = modelOf(section);
        if (template != null) {
            LOG.warn(
                    "The manual algorithm trains the model {} names ('{}'); the given final desc"
                            + " is not a manual model's and is not used.",
                    section.where("model"),
                    model.name());
        }
        Conf ds = section.child("dataset");
        return ManualDescs.build(
                model,
                ds.getInt("channels"),
                ds.getInt("img_size"),
                ds.getInt("n_classes"),
                registry);
    }

    /** Not used: a manual model is not a cell network of {@code model_desc} macro parameters. */
    @Override
    public ModelDesc build(ModelDescParams p, boolean affine, ModelDesc template) {
        throw new UnsupportedOperationException(
                "A manual model is built from its YAML file (build(Conf, phase, template)), not"
                        + " from cell-network macro parameters.");
    }
}
