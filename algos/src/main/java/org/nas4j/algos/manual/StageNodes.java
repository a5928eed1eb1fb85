package org.nas4j.algos.manual;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * The nodes of one stage's cell as they are added, with the channels of every state (0 = c_{k-2},
 * never read; 1 = c_{k-1}, the stage input; k >= 2 = node k-2) and the states a dense block reads:
 * the stage input and each block output once, a group's concatenation standing for its members.
 */
final class StageNodes {
    private final int cellCh;
    private final List<NodeDesc> nodes = new ArrayList<>();
    private final List<Integer> channels = new ArrayList<>();
    private final List<Integer> visible = new ArrayList<>(List.of(1));
    private int last = 1;

    /** The nodes of a cell whose input c_{k-1} has {@code cellCh} channels. */
    StageNodes(int cellCh) {
        this.cellCh = cellCh;
        channels.add(-1);
        channels.add(cellCh);
    }

    /** The state the next block reads: the last block's output (the stage input at first). */
    int last() {
        return last;
    }

    /** The states a dense block reads. */
    List<Integer> visible() {
        return List.copyOf(visible);
    }

    /** Channels of state {@code id}. */
    int channels(int id) {
        return channels.get(id);
    }

    /** Channels of the states {@code ids} together. */
    int channels(List<Integer> ids) {
        return ids.stream().mapToInt(channels::get).sum();
    }

    /** Adds a block's node: {@code op} on {@code inputIds}; returns its state id. */
    int addBlock(OpDesc op, List<Integer> inputIds) {
        last = add(op, inputIds);
        visible.add(last);
        return last;
    }

    /**
     * Concatenates the block outputs {@code members} into one node, which dense blocks read from
     * then on instead of the members.
     */
    void group(List<Integer> members) {
        int id = add(concat(members), members);
        visible.removeAll(members);
        visible.add(id);
    }

    /** Adds a node concatenating the stage input and every block output; returns its state id. */
    int concatAll() {
        List<Integer> ids = visible();
        return ids.size() == 1 ? ids.get(0) : add(concat(ids), ids);
    }

    List<NodeDesc> nodes() {
        return List.copyOf(nodes);
    }

    private OpDesc concat(List<Integer> ids) {
        int ch = channels(ids);
        return OpDesc.of("concate_channels", ConvMacroParams.of(ch), 1, true).withInLen(ids.size());
    }

    private int add(OpDesc op, List<Integer> inputIds) {
        nodes.add(
                new NodeDesc(
                        List.of(new EdgeDesc(op, inputIds)),
                        new ConvMacroParams(cellCh, op.conv().chOut())));
        channels.add(op.conv().chOut());
        return channels.size() - 1;
    }
}
