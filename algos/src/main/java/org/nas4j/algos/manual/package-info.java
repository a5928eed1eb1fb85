/**
 * The {@code manual} algorithm (Archai's {@code manual}): no search; the evaluation protocol trains
 * a hand-designed model written as a model description. A model is a YAML file of stages of blocks
 * ({@link org.nas4j.algos.manual.ManualModelReader} documents the form; {@code confs/models/} ships
 * {@code resnet18}, {@code resnet34} and {@code msd}), turned into a desc by {@link
 * org.nas4j.algos.manual.ManualDescs}.
 */
package org.nas4j.algos.manual;
