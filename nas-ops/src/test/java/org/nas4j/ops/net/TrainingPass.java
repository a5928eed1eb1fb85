package org.nas4j.ops.net;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * One training pass of a network (loss: the sum of squared logits and aux logits) recorded for the
 * tests that compare two ways of computing the same network.
 *
 * @param values the logits, the aux logits when there are some, every array without gradient after
 *     the pass (the BatchNorm statistics among them) and the inference logits that follow
 * @param grads the gradient of every weight, then of every architecture weight
 */
record TrainingPass(List<float[]> values, List<float[]> grads) {

    /** Runs the pass on {@code x} from zeroed gradients, in a step of {@code manager}. */
    static TrainingPass of(NDManager manager, ModelBlock model, NDArray x) {
        List<Parameter> trained = new ArrayList<>(model.weights());
        trained.addAll(model.archParams().list());
        List<float[]> values = new ArrayList<>();
        List<float[]> grads = new ArrayList<>();
        try (StepScope step = StepScope.open(manager)) {
            step.zeroGradients(trained);
            ParameterStore ps = new ParameterStore(step.manager(), false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = model.forward(ps, new NDList(x), true);
                NDArray loss = out.head().square().sum();
                values.add(out.head().toFloatArray());
                if (out.size() > 1) {
                    values.add(out.get(1).toFloatArray());
                    loss = loss.add(out.get(1).square().sum());
                }
                gc.backward(loss);
            }
            for (Parameter p : trained) {
                grads.add(step.grad(p).toFloatArray());
            }
            for (Parameter p : model.getParameters().values()) {
                if (!p.requiresGradient()) {
                    values.add(p.getArray().toFloatArray());
                }
            }
            values.add(model.forward(ps, new NDList(x), false).head().toFloatArray());
        }
        return new TrainingPass(values, grads);
    }

    /** The values, then the gradients. */
    List<float[]> all() {
        List<float[]> out = new ArrayList<>(values);
        out.addAll(grads);
        return out;
    }
}
