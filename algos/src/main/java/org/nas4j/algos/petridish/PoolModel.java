package org.nas4j.algos.petridish;

import com.google.gson.annotations.SerializedName;

/**
 * A trained model of the Petridish pool.
 *
 * @param id its name, also the trial directory it was trained in ({@code seed_r1_c3_n1}, {@code
 *     m4})
 * @param parent the model it grew from, null for a seed
 * @param reductions its reduction cells
 * @param cells its cells
 * @param nodes nodes per cell
 * @param desc its final desc, relative to the experiment directory
 * @param macs multiply-adds of one image
 * @param params trainable weights
 * @param valTop1 top-1 on the held-out validation split after its training
 * @param round the round of growth it joined in, from 1 (0 for seeds)
 */
public record PoolModel(
        @SerializedName("id") String id,
        @SerializedName("parent") String parent,
        @SerializedName("reductions") int reductions,
        @SerializedName("cells") int cells,
        @SerializedName("nodes") int nodes,
        @SerializedName("desc") String desc,
        @SerializedName("macs") long macs,
        @SerializedName("params") long params,
        @SerializedName("val_top1") double valTop1,
        @SerializedName("round") int round) {

    /** The validation error, {@code 1 - valTop1}. */
    public double error() {
        return 1.0 - valTop1;
    }

    /** The (multiply-adds, validation error) point of the hull. */
    public double[] point() {
        return new double[] {macs, error()};
    }
}
