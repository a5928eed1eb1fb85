package org.nas4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nas4j.core.NasException;

/**
 * Reads and writes float32 tensors in nas4j's checkpoint format: rank, dimensions, then the values
 * big-endian. The bytes are exact, so a loaded tensor equals the saved one bit for bit.
 */
public final class TensorIo {
    private TensorIo() {}

    /** A tensor on the host. */
    public record HostTensor(Shape shape, float[] data) {}

    /** Copies {@code array} to the host (it must be float32). */
    public static HostTensor toHost(NDArray array, String name) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new NasException(
                    "Tensor '"
                            + name
                            + "' has data type "
                            + array.getDataType()
                            + "; checkpoints hold float32 tensors only.");
        }
        return new HostTensor(array.getShape(), array.toFloatArray());
    }

    /** Writes {@code t}. */
    public static void write(DataOutputStream out, HostTensor t) throws IOException {
        long[] dims = t.shape().getShape();
        out.writeInt(dims.length);
        for (long d : dims) {
            out.writeLong(d);
        }
        out.writeInt(t.data().length);
        ByteBuffer buf = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.BIG_ENDIAN);
        buf.asFloatBuffer().put(t.data());
        out.write(buf.array());
    }

    /** Reads a tensor written by {@link #write}. */
    public static HostTensor read(DataInputStream in) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > 16) {
            throw new IOException(
                    "Tensor rank " + rank + " is not plausible; the file is damaged.");
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readLong();
        }
        Shape shape = new Shape(dims);
        int n = in.readInt();
        if (n < 0 || n > Integer.MAX_VALUE / 4 || n != shape.size()) {
            throw new IOException(
                    "Tensor of shape " + shape + " claims " + n + " values; the file is damaged.");
        }
        byte[] bytes = new byte[n * 4];
        in.readFully(bytes);
        float[] data = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(data);
        return new HostTensor(shape, data);
    }

    /** Longest string {@link #readString} accepts: a checkpoint's metrics history is far below. */
    public static final int MAX_STRING_BYTES = 64 << 20;

    /** Writes a string of any length as UTF-8 bytes with an int length. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads a string written by {@link #writeString}. */
    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException(
                    "String length "
                            + n
                            + " is not plausible (0 to "
                            + MAX_STRING_BYTES
                            + "); the file is damaged.");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
