package org.nas4j.cli.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.nas4j.cli.e2e.HostileInputCorpusTest.Case;

/**
 * The corpus cases about resources and places: sizes each within its key's bound but impossible
 * together, files that are not files (devices, pipes, directories, 3 GiB sparse files, gzip bombs),
 * genotypes past a cell's bound, experiment directories holding a user's files, and prediction
 * inputs. Each case fails at validation or on reading, before anything trains.
 */
final class HostileResourceCases {
    private HostileResourceCases() {}

    /** Sizes that pass each key's own bound but not the bounds on what they imply together. */
    static void sizes(List<Case> out, Path tmp) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("channels doubled past int", sizes("search", "n_cells 40 n_reductions 40"));
        sets.put("eval channels past int", sizes("eval", "n_cells 40 n_reductions 40"));
        sets.put("2 x 2^31 channels", sizes("search", "n_cells 33 n_reductions 31 init_node_ch 2"));
        sets.put("million-channel stems", sizes("search", "init_node_ch 16384 stem_multiplier 64"));
        sets.put("eval stems", sizes("eval", "init_node_ch 16384 stem_multiplier 2"));
        sets.put("eval deepest cells", sizes("eval", "init_node_ch 8192 stem_multiplier 1"));
        sets.put("2M-edge supernet", sizes("search", "n_cells 1000 n_nodes 64"));
        sets.put("5,600-edge supernet", sizes("search", "n_cells 400"));
        sets.put("8,800-edge supernet", sizes("search", "n_cells 200 n_nodes 8 out_nodes 4"));
        sets.put("15,200-edge supernet", sizes("search", "n_cells 100 n_nodes 16"));
        sets.put("TB of eval weights", sizes("eval", "n_cells 1000 init_node_ch 4096"));
        sets.put("eval weights", sizes("eval", "n_cells 500 init_node_ch 2048 n_reductions 3"));
        sets.put("search weights", sizes("search", "n_cells 300 init_node_ch 1024"));
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            for (String cmd : List.of("run", "search", "eval")) {
                List<String> args =
                        E2e.args(cmd, "--algo", "darts", "--exp-dir", tmp.resolve("never_s"));
                if (cmd.equals("eval")) {
                    args.addAll(List.of("--genotype", "DARTS_V2"));
                }
                args.addAll(List.of("--common.device", "cpu"));
                args.addAll(e.getValue());
                out.add(new Case("size", cmd + " " + e.getKey(), args, null));
            }
        }
        // within every conf bound (16,384 channels in the last cells); the search's memory
        // estimate, made before any weight exists, refuses its 200 GB of weights on a CPU
        for (String cmd : List.of("run", "search")) {
            List<String> args =
                    E2e.args(cmd, "--algo", "darts", "--exp-dir", tmp.resolve("never_s"));
            args.addAll(List.of("--common.device", "cpu"));
            args.addAll(sizes("search", "init_node_ch 8192 stem_multiplier 1"));
            out.add(new Case("size", cmd + " search deepest cells", args, null));
        }
        // passes every conf check; the step's memory estimate (terabytes) refuses it, on a CPU
        for (String batch : List.of("1000000", "500000")) {
            out.add(
                    new Case(
                            "size",
                            "search batch " + batch,
                            E2e.args(
                                    "search",
                                    "--algo",
                                    "darts",
                                    "--common.device",
                                    "cpu",
                                    "--nas.search.loader.batch",
                                    batch,
                                    "--exp-dir",
                                    tmp.resolve("mem_" + batch)),
                            null));
        }
        out.add(
                new Case(
                        "size",
                        "eval batch 1000000",
                        E2e.args(
                                "eval",
                                "--algo",
                                "darts",
                                "--dataset",
                                "synthetic",
                                "--genotype",
                                "DARTS_V2",
                                "--common.device",
                                "cpu",
                                "--nas.eval.loader.batch",
                                "1000000",
                                "--exp-dir",
                                tmp.resolve("mem_eval")),
                        null));
    }

    /** {@code --nas.<phase>.model_desc.<key> <value>} for each pair of {@code keyValues}. */
    private static List<String> sizes(String phase, String keyValues) {
        String[] kv = keyValues.split(" ");
        List<String> args = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            args.add("--nas." + phase + ".model_desc." + kv[i]);
            args.add(kv[i + 1]);
        }
        return args;
    }

    /** Paths that are not the file a command wants: devices, pipes, directories, huge files. */
    static Map<String, Path> notFiles(Path tmp) throws IOException {
        Map<String, Path> m = new LinkedHashMap<>();
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            m.put("/dev/zero", zero);
            m.put("link to /dev/zero", Files.createSymbolicLink(tmp.resolve("zero.json"), zero));
        }
        Path sparse = tmp.resolve("sparse3g.json");
        try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
            raf.setLength(3L << 30); // no disk used; Files.readString would throw an Error
        }
        m.put("3 GiB sparse file", sparse);
        m.put("directory", Files.createDirectories(tmp.resolve("a_directory.json")));
        m.put("empty file", Files.createFile(tmp.resolve("empty.json")));
        Path fifo = tmp.resolve("fifo.json");
        try {
            if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
                m.put("named pipe", fifo); // opened for reading, it would wait for a writer
            }
        } catch (IOException | InterruptedException e) {
            // no mkfifo: the case is left out
        }
        return m;
    }

    /** Every command that reads a desc or an Archai YAML file, on each of {@link #notFiles}. */
    static void files(List<Case> out, Path tmp, Path validDesc) throws IOException {
        int i = 0;
        for (Map.Entry<String, Path> e : notFiles(tmp).entrySet()) {
            Path f = e.getValue();
            Map<String, List<String>> cmds = new LinkedHashMap<>();
            cmds.put("desc validate", E2e.args("desc", "validate", f));
            cmds.put("desc show", E2e.args("desc", "show", f));
            cmds.put("desc to-genotype", E2e.args("desc", "to-genotype", f));
            cmds.put("desc draw", E2e.args("desc", "draw", f, "-o", tmp.resolve("f" + i + ".svg")));
            cmds.put(
                    "desc import",
                    E2e.args("desc", "import", f, "-o", tmp.resolve("f" + i + ".json")));
            cmds.put(
                    "eval --final-desc",
                    E2e.args(
                            "eval",
                            "--algo",
                            "darts",
                            "--dataset",
                            "synthetic",
                            "--final-desc",
                            f,
                            "--exp-dir",
                            tmp.resolve("never_f" + i)));
            for (Map.Entry<String, List<String>> c : cmds.entrySet()) {
                out.add(
                        new Case(
                                "file", c.getKey() + " of " + e.getKey(), c.getValue(), validDesc));
            }
            i++;
        }
    }

    /** Genotypes past the bounds of a cell (nodes) or of a genotype's text. */
    static void genotypes(List<Case> out, Path tmp) {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("65-node cells", genotype(65, 65));
        g.put("65-node normal cell", genotype(65, 2));
        g.put("1000-node cells", genotype(1000, 1000));
        g.put("70,000 characters", "Genotype(normal=[" + " ".repeat(70_000) + "])");
        int i = 0;
        for (Map.Entry<String, String> e : g.entrySet()) {
            out.add(
                    new Case(
                            "genotype",
                            "from-genotype " + e.getKey(),
                            E2e.args(
                                    "desc",
                                    "from-genotype",
                                    e.getValue(),
                                    "-o",
                                    tmp.resolve("gl" + i + ".json")),
                            null));
            out.add(
                    new Case(
                            "genotype",
                            "eval --genotype " + e.getKey(),
                            E2e.args(
                                    "eval",
                                    "--algo",
                                    "darts",
                                    "--dataset",
                                    "synthetic",
                                    "--genotype",
                                    e.getValue(),
                                    "--exp-dir",
                                    tmp.resolve("never_g" + (i++))),
                            null));
        }
    }

    private static String genotype(int normalNodes, int reduceNodes) {
        return "Genotype(normal="
                + cell(normalNodes, "sep_conv_3x3")
                + ", normal_concat=["
                + (normalNodes + 1)
                + "], reduce="
                + cell(reduceNodes, "max_pool_3x3")
                + ", reduce_concat=["
                + (reduceNodes + 1)
                + "])";
    }

    private static String cell(int nodes, String op) {
        List<String> e = new ArrayList<>();
        for (int i = 0; i < 2 * nodes; i++) {
            e.add("('" + op + "', " + (i / 2) + ")");
        }
        return "[" + String.join(", ", e) + "]";
    }

    /**
     * Experiment directories a run or a report must not write into: a file, a user's directory
     * holding files with the layout's names (guarded: they must stay as they were).
     */
    static void directories(List<Case> out, Path tmp, Path fakeExp) throws IOException {
        Path file = Files.writeString(tmp.resolve("exp_is_a_file"), "a user's file");
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("run", "--algo", "darts"));
        runs.add(List.of("search", "--algo", "darts"));
        runs.add(
                List.of(
                        "eval",
                        "--algo",
                        "darts",
                        "--dataset",
                        "synthetic",
                        "--genotype",
                        "DARTS_V2"));
        for (List<String> run : runs) {
            out.add(
                    new Case(
                            "experiment",
                            run.get(0) + " into a file",
                            E2e.args(run, "--exp-dir", file),
                            file));
        }
        int i = 0;
        for (String name : List.of("summary.json", "report.html", "search", "eval")) {
            for (List<String> run : runs) {
                Path dir = Files.createDirectories(tmp.resolve("users_dir_" + (i++)));
                Path mine = Files.writeString(dir.resolve(name), "my notes, not nas4j's");
                out.add(
                        new Case(
                                "experiment",
                                run.get(0) + " over a user's " + name,
                                E2e.args(run, "--exp-dir", dir),
                                mine));
            }
        }
        Path exp = HostileInputCorpusTest.copyTree(fakeExp, tmp.resolve("exp_users_report"));
        Path report = Files.writeString(exp.resolve("report.html"), "my own report");
        out.add(
                new Case(
                        "experiment",
                        "report over a user's report.html",
                        E2e.args("report", exp),
                        report));
    }

    /** Inputs of {@code nas predict} (and data roots) that would fill memory or never end. */
    static void predictInputs(List<Case> out, Path tmp, Path trained) throws IOException {
        Map<String, Path> inputs =
                new LinkedHashMap<>(notFiles(Files.createDirectories(tmp.resolve("predict"))));
        Path data = Files.createDirectories(tmp.resolve("predict_data"));
        // a gzip bomb: the header says 5 images of 8x8; the stream inflates to 40 MB
        inputs.put(
                "gzip bomb",
                Files.write(data.resolve("bomb-idx3-ubyte.gz"), gz(idx(2051, 5, 8, 5_000_000))));
        inputs.put(
                "header claims 2^31 images",
                Files.write(
                        data.resolve("claims-idx3-ubyte"), idx(2051, Integer.MAX_VALUE, 28, 0)));
        inputs.put(
                "header claims negative count",
                Files.write(data.resolve("negative-idx3-ubyte"), idx(2051, -5, 8, 0)));
        Path pngs = Files.createDirectories(data.resolve("pngs"));
        Files.write(pngs.resolve("huge.png"), hugePng());
        inputs.put("PNG claiming 60000x60000", pngs);
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            out.add(
                    new Case(
                            "dataset",
                            "predict " + e.getKey(),
                            E2e.args("predict", "--exp", trained, "--input", e.getValue()),
                            trained.resolve("eval/result.json")));
        }
        Path root = Files.createDirectories(tmp.resolve("bomb_root"));
        Files.write(root.resolve("train-images-idx3-ubyte.gz"), gz(idx(2051, 64, 28, 40_000)));
        Files.write(root.resolve("train-labels-idx1-ubyte"), new byte[8 + 64]);
        out.add(
                new Case(
                        "dataset",
                        "dataroot with a gzip bomb",
                        E2e.args(
                                "eval",
                                "--algo",
                                "darts",
                                "--genotype",
                                "DARTS_V2",
                                "--dataset.dataroot",
                                root,
                                "--exp-dir",
                                tmp.resolve("never_bomb"),
                                E2e.TINY_EVAL),
                        null));
    }

    /** An IDX image header claiming {@code n} images of {@code side}², then {@code rows} rows. */
    private static byte[] idx(int magic, int n, int side, int rows) {
        ByteBuffer b = ByteBuffer.allocate(16 + rows * side);
        b.putInt(magic).putInt(n).putInt(side).putInt(side);
        return b.array();
    }

    private static byte[] gz(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bytes)) {
            o.write(raw);
        }
        return bytes.toByteArray();
    }

    /** A PNG header claiming 60000x60000 pixels, with one row of data. */
    private static byte[] hugePng() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(60_000).putInt(60_000);
        ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream z = new java.util.zip.DeflaterOutputStream(raw)) {
            z.write(new byte[60_001]);
        }
        chunk(png, "IDAT", raw.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(t).put(data).putInt((int) crc.getValue());
        out.writeBytes(b.array());
    }
}
