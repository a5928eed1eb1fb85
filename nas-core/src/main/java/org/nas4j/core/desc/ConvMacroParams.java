package org.nas4j.core.desc;

/**
 * Input and output channel counts of an op or node.
 *
 * @param chIn input channels
 * @param chOut output channels
 */
public record ConvMacroParams(int chIn, int chOut) {
    public ConvMacroParams {
        if (chIn < 0 || chOut < 0) {
            throw new IllegalArgumentException(
                    "Channel counts must be non-negative, got ch_in=" + chIn + ", ch_out=" + chOut);
        }
    }

    /** Same channel count in and out. */
    public static ConvMacroParams of(int ch) {
        return new ConvMacroParams(ch, ch);
    }
}
