package org.nas4j.algos.manual;

import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Algorithm;
import org.nas4j.search.Algorithms;
import org.nas4j.search.finalize.Finalizers;

/**
 * No search: the evaluation trains a hand-designed model, written as a model description (ResNet-18
 * and -34 in their CIFAR form, a mixed-scale dense network, or a user's YAML file), named by the
 * conf key {@code model} ({@code nas run --algo manual --model resnet34}).
 */
public final class ManualAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "manual";
    }

    @Override
    public String description() {
        return "A hand-designed model (--model resnet18|resnet34|msd|FILE.yaml), no search";
    }

    @Override
    public String paper() {
        return "He, Zhang, Ren, Sun. Deep Residual Learning for Image Recognition. CVPR 2016,"
                + " arXiv:1512.03385; Pelt, Sethian. A mixed-scale dense convolutional neural"
                + " network for image analysis. PNAS 115(2):254-259, 2018 (Archai's manual)";
    }

    @Override
    public boolean trainsSupernet() {
        return false;
    }

    /** Reads both phases' {@code model}, so an unknown model or a bad file fails at once. */
    @Override
    public void checkConf(Conf conf) {
        ManualDescBuilder.modelOf(conf.child("nas.search.model_desc"));
        ManualDescBuilder.modelOf(conf.child("nas.eval.model_desc"));
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new ManualDescBuilder(Algorithms.installed().opRegistry());
    }

    @Override
    public ModelDescBuilder evalDescBuilder(Conf conf) {
        return new ManualDescBuilder(Algorithms.installed().opRegistry());
    }

    /** Nothing to finalize: a manual model has no searchable op; every edge is kept. */
    @Override
    public Finalizers finalizers(Conf conf, OpRegistry registry) {
        return new Finalizers(Integer.MAX_VALUE, registry);
    }
}
