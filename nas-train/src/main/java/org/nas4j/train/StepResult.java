package org.nas4j.train;

/**
 * The outcome of one training step, as {@link Trainer#trainStep} reports it.
 *
 * @param loss mean loss over the batch (the optimised one: aux term included)
 * @param count samples in the batch
 * @param top1Correct samples whose label scored highest
 * @param top5Correct samples whose label is among the five highest scores
 * @param gradNorm global gradient norm before clipping
 */
public record StepResult(
        double loss, long count, long top1Correct, long top5Correct, double gradNorm) {}
