/**
 * Networks built from model descriptions: {@link org.nas4j.ops.net.ModelBlock} (a whole {@link
 * org.nas4j.core.desc.ModelDesc} as one DJL block), {@link org.nas4j.ops.net.CellBlock}, {@link
 * org.nas4j.ops.net.ModelStats} (parameter and multiply-add counts) and {@link
 * org.nas4j.ops.net.StepScope} (the per-step memory discipline every training loop follows).
 */
package org.nas4j.ops.net;
