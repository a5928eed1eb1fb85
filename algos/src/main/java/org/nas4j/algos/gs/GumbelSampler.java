package org.nas4j.algos.gs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.nas4j.ops.Scalars;

/**
 * Gumbel-softmax samples of a logit vector (Jang et al. 2017, arXiv:1611.01144): {@code
 * softmax((logits + g) / tau)} with {@code g} standard Gumbel noise, averaged over {@code
 * numSample} draws. A hard sample is the one-hot of each draw's argmax in the forward pass with the
 * soft draw's gradient in the backward pass (straight-through, as in GDAS).
 *
 * <p>The noise comes from a {@link Noise} so tests can hold it fixed; {@link #DJL_NOISE} uses DJL's
 * generator, which {@code Engine.setRandomSeed} seeds, so runs are reproducible.
 */
public final class GumbelSampler {
    /** A source of standard Gumbel noise. */
    @FunctionalInterface
    public interface Noise {
        /** Standard Gumbel noise of {@code shape}, owned by {@code manager}. */
        NDArray gumbel(NDManager manager, Shape shape);
    }

    /**
     * {@code -log(-log(u))} with {@code u} uniform in (0, 1) from DJL's seeded generator; {@code u}
     * is clipped below 1 because libtorch's float uniform can round up to its upper bound, which
     * would give infinite noise and a NaN sample.
     */
    public static final Noise DJL_NOISE =
            (manager, shape) ->
                    manager.randomUniform(Float.MIN_NORMAL, 1f, shape)
                            .clip(Float.MIN_NORMAL, Math.nextDown(1f))
                            .log()
                            .neg()
                            .log()
                            .neg();

    private GumbelSampler() {}

    /**
     * The average of {@code numSample} samples of {@code logits} (shape {@code [n]}, owned by the
     * step's {@code manager} or a parameter) at temperature {@code tau}; shape {@code [n]}, owned
     * by {@code manager}. With {@code noise} null the draws are noise-free (evaluation).
     */
    public static NDArray sample(
            NDArray logits,
            double tau,
            int numSample,
            boolean hard,
            Noise noise,
            NDManager manager) {
        long n = logits.getShape().get(0);
        int draws = noise == null ? 1 : numSample;
        Shape shape = new Shape(draws, n);
        NDArray g =
                noise == null
                        ? manager.zeros(shape, logits.getDataType())
                        : noise.gumbel(manager, shape);
        // not div(tau): a Number operand is freed before the backward reads it (see Scalars)
        NDArray tauArray = Scalars.of(manager, logits, tau);
        // g comes first so the results land in the step's manager, not the parameter's
        NDArray soft = g.toType(logits.getDataType(), false).add(logits).div(tauArray).softmax(1);
        NDArray y = soft;
        if (hard) {
            y = soft.add(straightThroughShift(soft, draws, (int) n, manager));
        }
        return y.mean(new int[] {0});
    }

    /**
     * {@code oneHot(argmax) - soft} as a constant (built on the host, so no gradient flows through
     * it): adding it to {@code soft} gives the one-hot forward value with the soft gradient. The
     * PyTorch engine does not implement {@code stopGradient}, and the vector is small.
     */
    private static NDArray straightThroughShift(NDArray soft, int draws, int n, NDManager manager) {
        double[] s = soft.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] shift = new double[s.length];
        for (int r = 0; r < draws; r++) {
            int best = r * n;
            for (int k = r * n + 1; k < (r + 1) * n; k++) {
                best = s[k] > s[best] ? k : best;
            }
            for (int k = r * n; k < (r + 1) * n; k++) {
                shift[k] = (k == best ? 1.0 : 0.0) - s[k];
            }
        }
        return manager.create(shift, new Shape(draws, n)).toType(soft.getDataType(), false);
    }
}
