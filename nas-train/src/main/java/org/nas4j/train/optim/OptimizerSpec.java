package org.nas4j.train.optim;

import java.util.List;
import java.util.Set;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * The optimizer part of a trainer conf ({@code type, lr, momentum, nesterov, decay, betas, eps}).
 *
 * @param type {@code sgd} or {@code adam}
 * @param lr initial learning rate (the schedule's base)
 * @param momentum SGD momentum
 * @param nesterov SGD Nesterov momentum
 * @param decay weight decay (L2 term added to the gradient)
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param eps Adam denominator term
 */
public record OptimizerSpec(
        String type,
        double lr,
        double momentum,
        boolean nesterov,
        double decay,
        double beta1,
        double beta2,
        double eps) {
    /** The optimizer types {@link #create()} knows. */
    public static final List<String> TYPES = List.of("sgd", "adam");

    private static final Set<String> KEYS =
            Set.of("type", "lr", "momentum", "nesterov", "decay", "betas", "eps");

    /**
     * Reads an optimizer section such as {@code nas.search.trainer.optimizer}; errors name the key
     * and its file.
     */
    public static OptimizerSpec fromConf(Conf v) {
        v.checkKeys(KEYS);
        String type = v.getString("type", "sgd").toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new ConfException(
                    "Unknown optimizer type '"
                            + type
                            + "' at "
                            + v.where("type")
                            + "; valid types are "
                            + TYPES
                            + ".");
        }
        List<Double> betas = v.getDoubleList("betas", List.of(0.9, 0.999));
        if (betas.size() != 2) {
            throw new ConfException(
                    "The key "
                            + v.where("betas")
                            + " must hold two numbers; it holds "
                            + betas
                            + ".");
        }
        double lr = v.getDouble("lr");
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new ConfException(
                    "The key "
                            + v.where("lr")
                            + " must be a finite number >= 0; it is "
                            + lr
                            + ".");
        }
        double momentum = inRange(v, "momentum", v.getDouble("momentum", 0.0), 0, 1);
        double decay = v.getDouble("decay", 0.0);
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new ConfException(
                    "The key "
                            + v.where("decay")
                            + " must be a finite number >= 0; it is "
                            + decay
                            + ".");
        }
        inRange(v, "betas", betas.get(0), 0, 1);
        inRange(v, "betas", betas.get(1), 0, 1);
        double eps = v.getDouble("eps", 1e-8);
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new ConfException(
                    "The key "
                            + v.where("eps")
                            + " must be a finite number > 0; it is "
                            + eps
                            + ".");
        }
        return new OptimizerSpec(
                type,
                lr,
                momentum,
                v.getBool("nesterov", false),
                decay,
                betas.get(0),
                betas.get(1),
                eps);
    }

    /** {@code value} of {@code key}, which must lie in [lo, hi). */
    private static double inRange(Conf v, String key, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new ConfException(
                    "The key "
                            + v.where(key)
                            + " must lie in ["
                            + lo
                            + ", "
                            + hi
                            + "); it is "
                            + value
                            + ".");
        }
        return value;
    }

    /** A new optimizer with empty state. */
    public NasOptimizer create() {
        return switch (type) {
            case "sgd" -> new Sgd(momentum, nesterov, decay);
            case "adam" -> new Adam(beta1, beta2, eps, decay);
            default ->
                    throw new ConfException(
                            "Unknown optimizer type '"
                                    + type
                                    + "'; valid types are "
                                    + TYPES
                                    + ".");
        };
    }
}
