package org.nas4j.algos.manual;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hand-designed network as written in a manual-model YAML file ({@code confs/models/*.yaml}): a
 * stem, stages of blocks and a head. {@link ManualDescs} turns it into a {@link
 * org.nas4j.core.desc.ModelDesc}; {@link ManualModelReader} reads it.
 *
 * @param name the model's name, saved in the desc
 * @param source the file it was read from, for messages
 * @param stem the op turning the image into the first feature map
 * @param stages the stages in order; each becomes one cell
 * @param pool the pooling op before the classifier
 * @param logits the classifier op
 */
public record ManualModel(
        String name, String source, Stem stem, List<Stage> stages, String pool, String logits) {

    public ManualModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stem, "stem");
        stages = List.copyOf(stages);
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(logits, "logits");
    }

    /**
     * The stem.
     *
     * @param op registered op name, e.g. {@code stem_conv3x3_relu} or {@code identity}
     * @param ch output channels; null keeps the image's channels
     * @param stride 1 or 2
     */
    public record Stem(String op, Integer ch, int stride) {}

    /**
     * A stage: blocks applied in turn, one cell of the desc.
     *
     * @param blocks the block entries, each possibly repeated
     * @param concatAll whether the stage's output concatenates its input and every block's output
     *     ({@code output: all}) rather than being its last block's output ({@code output: last})
     */
    public record Stage(List<Block> blocks, boolean concatAll) {
        public Stage {
            blocks = List.copyOf(blocks);
        }

        /** Whether a block of the stage halves the size (the cell is then a reduction cell). */
        public boolean reduces() {
            return blocks.stream().anyMatch(b -> b.stride() > 1);
        }
    }

    /**
     * One block entry of a stage.
     *
     * @param op registered op name, e.g. {@code resnet_basic_block}
     * @param ch output channels; null keeps the block input's channels
     * @param stride stride of the first repeat (later repeats have stride 1, as in ResNet stages)
     * @param repeat how many blocks the entry stands for
     * @param dense whether each block reads every earlier map of its stage, the stage input
     *     included ({@code inputs: all}) rather than only the previous one ({@code inputs:
     *     previous})
     * @param group with {@code dense}, every {@code group} consecutive repeats' outputs are
     *     concatenated once and later blocks read that instead of its members (1: none)
     * @param params op parameters given to every repeat
     * @param cycle per-repeat op parameters: repeat {@code r} gets element {@code r mod size}
     */
    public record Block(
            String op,
            Integer ch,
            int stride,
            int repeat,
            boolean dense,
            int group,
            Map<String, Object> params,
            Map<String, List<Object>> cycle) {
        public Block {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            cycle = Collections.unmodifiableMap(new LinkedHashMap<>(cycle));
        }
    }
}
