package org.nas4j.ops.net;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.io.AtomicFiles;

/**
 * The weights file of a {@link ModelBlock}.
 *
 * <p>Layout: magic {@code "N4JW"}, format version (int), the desc's structure hash (UTF), DJL's
 * {@code saveParameters} of the block, then the architecture weights: their count (int) and for
 * each its key (UTF) and DJL's encoding of the parameter. DJL's parameter list is positional and
 * carries no structure, so the hash is checked before any array is read.
 */
final class WeightsFile {
    static final int MAGIC = 0x4E344A57; // "N4JW"
    static final int VERSION = 1;

    private WeightsFile() {}

    static void save(ModelBlock model, Path file) {
        AtomicFiles.write(
                file,
                out -> {
                    DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(out));
                    dos.writeInt(MAGIC);
                    dos.writeInt(VERSION);
                    dos.writeUTF(StructureHash.of(model.desc()));
                    model.saveParameters(dos);
                    Map<String, Parameter> arch = model.archParams().asMap();
                    dos.writeInt(arch.size());
                    for (Map.Entry<String, Parameter> e : arch.entrySet()) {
                        dos.writeUTF(e.getKey());
                        e.getValue().save(dos);
                    }
                    dos.flush();
                });
    }

    /**
     * Reads the file into a twin of {@code model} (same desc, same registry) in a temporary
     * manager, then copies the values into the model's own arrays: the model is untouched when the
     * file is refused, and its arrays keep their identity, so parameter stores, optimizer state and
     * gradients that refer to them stay valid.
     */
    static void load(ModelBlock model, Path file, NDManager manager) {
        try (DataInputStream dis =
                        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
                NDManager tmp = manager.newSubManager()) {
            checkHeader(dis, file, StructureHash.of(model.desc()));
            ModelBlock twin = model.twin();
            try {
                twin.loadParameters(tmp, dis);
                loadArch(twin, dis, file, tmp);
                if (dis.read() != -1) {
                    throw new DescFormatException(
                            "Weights file " + file + " has data after its last parameter.");
                }
            } catch (EOFException | MalformedModelException e) {
                throw new DescFormatException(
                        "Weights file " + file + " is damaged and was not loaded: " + e, e);
            }
            List<Parameter> from = allParams(twin);
            List<Parameter> to = allParams(model);
            for (int i = 0; i < to.size(); i++) {
                Parameter src = from.get(i);
                Parameter dst = to.get(i);
                if (!src.isInitialized()
                        || !src.getArray().getShape().equals(dst.getArray().getShape())) {
                    throw new DescFormatException(
                            "Weights file "
                                    + file
                                    + " holds "
                                    + (src.isInitialized() ? src.getArray().getShape() : "nothing")
                                    + " for parameter "
                                    + dst.getName()
                                    + " of shape "
                                    + dst.getArray().getShape()
                                    + "; it was not loaded.");
                }
            }
            for (int i = 0; i < to.size(); i++) {
                from.get(i).getArray().copyTo(to.get(i).getArray());
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Weights file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read weights file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Parameter> allParams(ModelBlock model) {
        List<Parameter> all = new ArrayList<>(model.getParameters().values());
        all.addAll(model.archParams().list());
        return all;
    }

    private static void checkHeader(DataInputStream dis, Path file, String expectedHash)
            throws IOException {
        try {
            int magic = dis.readInt();
            if (magic != MAGIC) {
                throw new DescFormatException(
                        "File "
                                + file
                                + " is not a nas4j weights file (it does not start with"
                                + " \"N4JW\").");
            }
            int version = dis.readInt();
            if (version != VERSION) {
                throw new DescFormatException(
                        "Weights file "
                                + file
                                + " has format version "
                                + version
                                + "; this nas4j reads version "
                                + VERSION
                                + ".");
            }
            String hash = dis.readUTF();
            if (!hash.equals(expectedHash)) {
                throw new DescFormatException(
                        "Weights file "
                                + file
                                + " was saved from a model desc of another structure (structure"
                                + " hash "
                                + hash
                                + ", this network's is "
                                + expectedHash
                                + "); build the network from the desc the weights were saved"
                                + " with (the model desc JSON saved beside them).");
            }
        } catch (EOFException e) {
            throw new DescFormatException(
                    "File " + file + " is too short to be a nas4j weights file.", e);
        }
    }

    private static void loadArch(ModelBlock model, DataInputStream dis, Path file, NDManager m)
            throws IOException, MalformedModelException {
        Map<String, Parameter> arch = model.archParams().asMap();
        int n = dis.readInt();
        if (n != arch.size()) {
            throw new DescFormatException(
                    "Weights file "
                            + file
                            + " holds "
                            + n
                            + " architecture weights but the network has "
                            + arch.size()
                            + ".");
        }
        for (Map.Entry<String, Parameter> e : arch.entrySet()) {
            String key = dis.readUTF();
            if (!key.equals(e.getKey())) {
                throw new DescFormatException(
                        "Weights file "
                                + file
                                + " holds architecture weights '"
                                + key
                                + "' where the network expects '"
                                + e.getKey()
                                + "'.");
            }
            e.getValue().load(m, dis);
        }
    }
}
