package org.example.sigmoiddarts;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.OpDesc;

/**
 * Reads a saved {@link SigmoidMixedOp} edge: one candidate per primitive, weighted by the sigmoid
 * of its saved alpha (independent weights in (0, 1), not a distribution). nas4j's finalizers,
 * drawings and report see the edge only through this reader.
 */
public final class SigmoidEdgeReader implements EdgeReader {
    @Override
    public List<EdgeCandidate> candidates(OpDesc op) {
        List<String> primitives = op.stringListParam(SigmoidMixedOp.PRIMITIVES);
        List<Double> alphas = op.trainables().get(SigmoidMixedOp.ALPHAS);
        if (alphas == null || alphas.size() != primitives.size()) {
            throw new DescFormatException(
                    "edge op '"
                            + op.name()
                            + "' has "
                            + primitives.size()
                            + " primitives but "
                            + (alphas == null ? "no saved alphas" : alphas.size() + " alphas")
                            + "; finalizing needs a search desc saved with its architecture"
                            + " weights.");
        }
        List<EdgeCandidate> out = new ArrayList<>(primitives.size());
        for (int i = 0; i < primitives.size(); i++) {
            String name = primitives.get(i);
            double weight = 1 / (1 + Math.exp(-alphas.get(i)));
            OpDesc discrete = OpDesc.of(name, op.conv(), op.stride(), op.affine());
            out.add(new EdgeCandidate(discrete, weight, !"none".equals(name)));
        }
        return out;
    }
}
