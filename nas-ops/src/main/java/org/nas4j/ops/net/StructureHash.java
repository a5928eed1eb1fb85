package org.nas4j.ops.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * A SHA-256 fingerprint of what decides a network's parameter list: ops, channels, strides,
 * BatchNorm affinity, op parameters, edges and their inputs, cell types, weight sharing, aux towers
 * and the input shape. Saved architecture-weight values ({@link OpDesc#trainables()}) and the
 * desc's free-form {@link ModelDesc#params()} are not structure and are left out, as is the order
 * in which op parameters were inserted.
 */
final class StructureHash {
    private StructureHash() {}

    static String of(ModelDesc desc) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("in").append(desc.inputShape()).append(";classes=").append(desc.nClasses());
        for (OpDesc stem : desc.modelStems()) {
            op(sb.append(";stem:"), stem);
        }
        for (CellDesc c : desc.cells()) {
            cell(sb, c);
        }
        for (AuxTowerDesc a : desc.auxTowers()) {
            sb.append(";aux:").append(a);
        }
        op(sb.append(";pool:"), desc.poolOp());
        op(sb.append(";logits:"), desc.logitsOp());
        return sha256(sb.toString());
    }

    private static void cell(StringBuilder sb, CellDesc c) {
        sb.append(";cell:").append(c.id()).append(',').append(c.cellType());
        sb.append(',').append(c.conv()).append(",from=").append(c.trainablesFrom());
        sb.append(",out=").append(c.outChannels()).append(",nodeCh=").append(c.nodeChannels());
        op(sb.append(",s0="), c.stem0());
        op(sb.append(",s1="), c.stem1());
        for (NodeDesc n : c.nodes()) {
            sb.append(",node:").append(n.conv());
            for (EdgeDesc e : n.edges()) {
                op(sb.append(",edge").append(e.inputIds()).append('='), e.op());
            }
        }
        op(sb.append(",post="), c.postOp());
    }

    private static void op(StringBuilder sb, OpDesc op) {
        sb.append('(').append(op.name()).append(',').append(op.conv());
        sb.append(",stride=").append(op.stride()).append(",affine=").append(op.affine());
        sb.append(",inLen=").append(op.inLen());
        Map<String, Object> sorted = new TreeMap<>(op.params());
        sb.append(",params=").append(sorted);
        List<OpDesc> children = op.children();
        for (int i = 0; i < children.size(); i++) {
            sb.append(",child");
            if (i < op.childrenIns().size()) {
                sb.append(op.childrenIns().get(i));
            }
            op(sb, children.get(i));
        }
        sb.append(')');
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
