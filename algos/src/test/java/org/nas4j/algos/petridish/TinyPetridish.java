package org.nas4j.algos.petridish;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.builder.ModelDescParams;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;

/** Tiny Petridish networks on 1x8x8 images of 4 classes, 4 channels per node. */
final class TinyPetridish {
    static final List<String> PRIMS =
            List.of("max_pool_3x3", "skip_connect", "sep_conv_3x3", "none");

    private TinyPetridish() {}

    /** The model_desc section of the tiny networks. */
    static Map<String, Object> modelDescMap(int cells, int reductions) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("dataset", Map.of("n_classes", 4, "channels", 1, "img_size", 8));
        md.put("n_cells", cells);
        md.put("n_reductions", reductions);
        md.put("init_node_ch", 4);
        md.put("stem_multiplier", 1);
        md.put("n_nodes", 1);
        md.put("out_nodes", 1);
        md.put("model_stem0_op", "stem_conv3x3");
        md.put("model_stem1_op", "stem_conv3x3");
        md.put("cell_post_op", "proj_channels");
        md.put("model_post_op", "pool_adaptive_avg2d");
        md.put("logits_op", "linear");
        md.put("aux_weight", 0.0);
        return md;
    }

    static ModelDescParams params(int cells, int reductions) {
        return ModelDescParams.fromConf(Conf.of(modelDescMap(cells, reductions), "test"));
    }

    /** A seed of {@code cells} cells, {@code reductions} reductions and {@code nodes} nodes. */
    static ModelDesc seed(int reductions, int cells, int nodes) {
        return PetridishModelDescBuilder.seeds()
                .seed(params(cells, reductions), reductions, cells, nodes, false);
    }

    /** {@code desc} grown by a candidate node with {@link #PRIMS}. */
    static ModelDesc grow(ModelDesc desc) {
        return CandidateNode.grow(desc, PRIMS, PetridishModelDescBuilder::postOp);
    }

    /** The network of {@code desc}, initialised in {@code manager} from seed {@code seed}. */
    static ModelBlock model(ModelDesc desc, NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        ModelBlock m = new ModelBlock(desc, Algorithms.installed().opRegistry());
        m.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
        return m;
    }
}
