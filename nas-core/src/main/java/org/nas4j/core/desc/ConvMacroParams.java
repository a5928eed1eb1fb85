package org.nas4j.core.desc;

/**
 * Input and output channel counts of an op or node.
 *
 * @param chIn input channels
 * @param chOut output channels
 * @throws org.nas4j.core.DescFormatException when a count is negative (a desc or import that names
 *     one is malformed)
 */
public record ConvMacroParams(int chIn, int chOut) {
    public ConvMacroParams {
        if (chIn < 0 || chOut < 0) {
            throw new org.nas4j.core.DescFormatException(
                    "Channel counts must be non-negative, got ch_in=" + chIn + ", ch_out=" + chOut);
        }
    }

    /** Same channel count in and out. */
    public static ConvMacroParams of(int ch) {
        return new ConvMacroParams(ch, ch);
    }
}
