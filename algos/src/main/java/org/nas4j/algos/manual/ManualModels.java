package org.nas4j.algos.manual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.ConfException;

/**
 * Finds a manual model by the name {@code --model} (conf key {@code model}) gives: a shipped model
 * ({@code confs/models/<name>.yaml} on the classpath) or a user's YAML file.
 */
public final class ManualModels {
    /** Classpath directory of the shipped models. */
    public static final String MODELS_DIR = "confs/models";

    /** The shipped models: CIFAR ResNet-18 and -34, and a mixed-scale dense network. */
    public static final List<String> SHIPPED = List.of("resnet18", "resnet34", "msd", "msd_25");

    private ManualModels() {}

    /**
     * The model {@code ref} names: a shipped name, or a path to a YAML file ({@code .yaml} or
     * {@code .yml}, or any existing file).
     *
     * @param where the key and file {@code ref} came from, for messages
     * @throws ConfException when {@code ref} is neither, or the file is malformed
     */
    public static ManualModel load(String ref, String where) {
        boolean file =
                ref.endsWith(".yaml")
                        || ref.endsWith(".yml")
                        || ref.contains("/")
                        || Files.isRegularFile(Path.of(ref));
        if (file) {
            if (!Files.isRegularFile(Path.of(ref))) {
                throw new ConfException(
                        "The manual model file " + ref + " (from " + where + ") does not exist.");
            }
            return ManualModelReader.read(ref);
        }
        String resource = MODELS_DIR + "/" + ref + ".yaml";
        if (ManualModels.class.getClassLoader().getResource(resource) == null) {
            throw new ConfException(
                    "Unknown manual model '"
                            + ref
                            + "' (from "
                            + where
                            + "); the shipped models are "
                            + String.join(", ", SHIPPED)
                            + ", or give a YAML file (see "
                            + MODELS_DIR
                            + "/resnet18.yaml for the form).");
        }
        return ManualModelReader.read(resource);
    }
}
