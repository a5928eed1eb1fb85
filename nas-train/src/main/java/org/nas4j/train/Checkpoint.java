package org.nas4j.train;

import ai.djl.nn.Parameter;
import com.google.gson.reflect.TypeToken;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.nas4j.core.NasException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.NasOptimizer;
import org.nas4j.train.optim.OptimizerState;
import org.nas4j.train.optim.TensorIo;
import org.nas4j.train.optim.TensorIo.HostTensor;

/**
 * Everything needed to continue a training run, in one file {@code checkpoint.bin} ({@link
 * PhaseDir#CHECKPOINT_FILE}) inside a checkpoint directory, written atomically (temp file, then
 * rename).
 *
 * <p>It holds every model parameter by name (BatchNorm running statistics included), the
 * architecture weights, the state of both optimizers (momentum buffers, Adam moments and step
 * counts), the position (epochs done, global step and, for a checkpoint written in the middle of an
 * epoch, the batch to continue at with the epoch's metrics so far: {@link EpochPosition}), the
 * seed, the metrics so far and a hash of the conf the run was made with. Randomness needs no saved
 * generator state: data order depends only on (seed, epoch), a batch's augmentation on (seed,
 * epoch, batch), and DJL's generator is re-seeded from (seed, epoch, step) before every step (see
 * {@link Trainer#stepSeed}).
 *
 * <p>Since version 3 the file ends with the CRC32C of everything before it (8 bytes, big-endian):
 * loading verifies it before parsing, so a file cut short or changed on disk is refused as damaged
 * rather than restored with wrong values or failing with an end-of-file error.
 *
 * <p>Loading checks names and shapes of everything before changing anything, and refuses a
 * checkpoint of another model naming the first mismatch.
 */
public final class Checkpoint {
    /** Format version this class writes. */
    public static final int VERSION = 3;

    /**
     * Versions this class reads (1: before step checkpoints and the conf hash; 2: before the
     * checksum).
     */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(1, 2, 3);

    private static final int CHECKSUM_BYTES = Long.BYTES;

    private static final String START_OVER =
            " Start over with --no-resume or use a new --exp-dir (finished phases and results"
                    + " already written are kept).";

    private static final String MAGIC = "nas4j.checkpoint";

    private Checkpoint() {}

    /**
     * Where a run stands.
     *
     * @param epochsDone epochs completed (the next epoch's index)
     * @param globalStep steps completed
     * @param seed the run's seed
     * @param history metrics of the completed epochs
     * @param position where the epoch {@code epochsDone} stood when the checkpoint was written in
     *     its middle, or {@code null} for a checkpoint at the end of an epoch (and in version 1)
     * @param confHash the hash of the conf the run was made with ({@code ConfFingerprint}), or
     *     {@code null} when unknown (version 1)
     */
    public record Progress(
            int epochsDone,
            long globalStep,
            long seed,
            List<EpochMetrics> history,
            EpochPosition position,
            String confHash) {
        public Progress {
            history = List.copyOf(history);
        }

        /** Progress at the end of an epoch, with no conf hash. */
        public Progress(int epochsDone, long globalStep, long seed, List<EpochMetrics> history) {
            this(epochsDone, globalStep, seed, history, null, null);
        }
    }

    /** Whether {@code dir} holds a checkpoint. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(PhaseDir.CHECKPOINT_FILE));
    }

    /**
     * Writes a checkpoint into {@code dir}, replacing any previous one atomically.
     *
     * @param archOptimizer may be {@code null}
     */
    public static void save(
            Path dir,
            Progress progress,
            NamedParams model,
            NamedParams arch,
            NasOptimizer weightOptimizer,
            NasOptimizer archOptimizer) {
        // copy to the host before opening the file, so a failure leaves the old checkpoint intact
        Map<String, HostTensor> modelT = toHost(model);
        Map<String, HostTensor> archT = toHost(arch);
        OptimizerState ws = weightOptimizer.state(model);
        OptimizerState as = archOptimizer == null ? null : archOptimizer.state(arch);
        AtomicFiles.write(
                dir.resolve(PhaseDir.CHECKPOINT_FILE),
                raw -> {
                    CRC32C crc = new CRC32C();
                    BufferedOutputStream buffered = new BufferedOutputStream(raw);
                    DataOutputStream out =
                            new DataOutputStream(new CheckedOutputStream(buffered, crc));
                    TensorIo.writeString(out, MAGIC);
                    out.writeInt(VERSION);
                    TensorIo.writeString(out, Json.toJson(progress));
                    writeTensors(out, modelT);
                    writeTensors(out, archT);
                    ws.write(out);
                    out.writeBoolean(as != null);
                    if (as != null) {
                        as.write(out);
                    }
                    out.flush();
                    // the checksum itself is not checksummed: written past the checked stream
                    new DataOutputStream(buffered).writeLong(crc.getValue());
                    buffered.flush();
                });
    }

    /**
     * Restores the checkpoint in {@code dir} into the given parameters and optimizers.
     *
     * @param archOptimizer may be {@code null} (saved architecture optimizer state is then ignored)
     * @return where the run stood
     * @throws NasException when there is no checkpoint, it is damaged or it belongs to another
     *     model
     */
    public static Progress load(
            Path dir,
            NamedParams model,
            NamedParams arch,
            NasOptimizer weightOptimizer,
            NasOptimizer archOptimizer) {
        Path file = dir.resolve(PhaseDir.CHECKPOINT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new NasException(
                    "There is no checkpoint in " + dir + " (no " + PhaseDir.CHECKPOINT_FILE + ").");
        }
        Progress progress;
        Map<String, HostTensor> modelT;
        Map<String, HostTensor> archT;
        OptimizerState ws;
        OptimizerState as = null;
        try (InputStream raw = Files.newInputStream(file)) {
            if (version(file) >= 3) {
                verifyChecksum(file);
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
            progress = readHeader(in, file);
            modelT = readTensors(in);
            archT = readTensors(in);
            ws = OptimizerState.read(in);
            if (in.readBoolean()) {
                as = OptimizerState.read(in);
            }
        } catch (EOFException e) {
            throw truncated(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read checkpoint " + file + ": " + e.getMessage(), e);
        }
        checkSame("model parameter", modelT, model, file);
        checkSame("architecture parameter", archT, arch, file);
        ws.checkFits(weightOptimizer.type(), model);
        if (as != null && archOptimizer != null) {
            as.checkFits(archOptimizer.type(), arch);
        }
        apply(modelT, model);
        apply(archT, arch);
        weightOptimizer.loadState(ws, model);
        if (as != null && archOptimizer != null) {
            archOptimizer.loadState(as, arch);
        }
        return progress;
    }

    /**
     * Reads only where the checkpoint in {@code dir} stands (no tensors), e.g. to compare its conf
     * hash before restoring it.
     *
     * @throws NasException when there is no checkpoint or it is not one this code reads
     */
    public static Progress readProgress(Path dir) {
        Path file = dir.resolve(PhaseDir.CHECKPOINT_FILE);
        try (InputStream raw = Files.newInputStream(file)) {
            return readHeader(new DataInputStream(new BufferedInputStream(raw)), file);
        } catch (EOFException e) {
            throw truncated(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static NasException truncated(Path file) {
        return new NasException(
                "Checkpoint "
                        + file
                        + " is damaged: it ends before its contents do ("
                        + size(file)
                        + " bytes; cut short by a full disk or a copy)."
                        + START_OVER);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The format version in the header of {@code file}, or -1 when the header is not a checkpoint's
     * (then {@link #readHeader} says what is wrong).
     */
    private static int version(Path file) {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return MAGIC.equals(TensorIo.readString(in)) ? in.readInt() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Compares the CRC32C of everything but the last 8 bytes with those 8 bytes. */
    private static void verifyChecksum(Path file) throws IOException {
        long size = Files.size(file);
        if (size < CHECKSUM_BYTES) {
            throw truncated(file);
        }
        CRC32C crc = new CRC32C();
        long stored;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long left = size - CHECKSUM_BYTES;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw truncated(file);
                }
                crc.update(buf, 0, n);
                left -= n;
            }
            stored = new DataInputStream(in).readLong();
        }
        if (stored != crc.getValue()) {
            throw new NasException(
                    "Checkpoint "
                            + file
                            + " is damaged: its "
                            + size
                            + " bytes do not match the checksum written with them (CRC32C "
                            + Long.toHexString(crc.getValue())
                            + ", recorded "
                            + Long.toHexString(stored)
                            + "; the file was cut short or changed after nas4j wrote it)."
                            + START_OVER);
        }
    }

    private static Progress readHeader(DataInputStream in, Path file) throws IOException {
        String magic = TensorIo.readString(in);
        int version = in.readInt();
        if (!MAGIC.equals(magic) || !SUPPORTED_VERSIONS.contains(version)) {
            throw new NasException(
                    file
                            + " is not a nas4j checkpoint of a version this nas4j reads ("
                            + SUPPORTED_VERSIONS
                            + "; found '"
                            + magic
                            + "' version "
                            + version
                            + ")."
                            + START_OVER);
        }
        // version 1 has neither position nor conf hash: Gson leaves them null
        String json = TensorIo.readString(in);
        try {
            return Json.gson().fromJson(json, new TypeToken<Progress>() {}.getType());
        } catch (com.google.gson.JsonParseException | IllegalStateException e) {
            throw new NasException(
                    "Checkpoint "
                            + file
                            + " is damaged: its progress record does not parse ("
                            + e.getMessage()
                            + ")."
                            + START_OVER);
        }
    }

    private static Map<String, HostTensor> toHost(NamedParams ps) {
        Map<String, HostTensor> m = new LinkedHashMap<>();
        for (int i = 0; i < ps.size(); i++) {
            m.put(ps.name(i), TensorIo.toHost(ps.get(i).getArray(), ps.name(i)));
        }
        return m;
    }

    private static void writeTensors(DataOutputStream out, Map<String, HostTensor> ts)
            throws IOException {
        out.writeInt(ts.size());
        for (Map.Entry<String, HostTensor> e : ts.entrySet()) {
            TensorIo.writeString(out, e.getKey());
            TensorIo.write(out, e.getValue());
        }
    }

    private static Map<String, HostTensor> readTensors(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, HostTensor> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = TensorIo.readString(in);
            m.put(name, TensorIo.read(in));
        }
        return m;
    }

    private static void checkSame(
            String what, Map<String, HostTensor> saved, NamedParams ps, Path file) {
        List<String> savedNames = new ArrayList<>(saved.keySet());
        for (int i = 0; i < Math.max(savedNames.size(), ps.size()); i++) {
            String s = i < savedNames.size() ? savedNames.get(i) : null;
            String p = i < ps.size() ? ps.name(i) : null;
            if (s == null || !s.equals(p)) {
                throw new NasException(
                        "Checkpoint "
                                + file
                                + " belongs to another model: "
                                + what
                                + " #"
                                + (i + 1)
                                + " is "
                                + (s == null ? "absent" : "'" + s + "'")
                                + " in the checkpoint but "
                                + (p == null ? "absent" : "'" + p + "'")
                                + " in the model ("
                                + savedNames.size()
                                + " vs "
                                + ps.size()
                                + " "
                                + what
                                + "s).");
            }
            Parameter param = ps.get(i);
            if (!saved.get(s).shape().equals(param.getShape())) {
                throw new NasException(
                        "Checkpoint "
                                + file
                                + " belongs to another model: "
                                + what
                                + " '"
                                + s
                                + "' has shape "
                                + saved.get(s).shape()
                                + " in the checkpoint but "
                                + param.getShape()
                                + " in the model.");
            }
        }
    }

    private static void apply(Map<String, HostTensor> saved, NamedParams ps) {
        for (int i = 0; i < ps.size(); i++) {
            ps.get(i).getArray().set(saved.get(ps.name(i)).data());
        }
    }
}
