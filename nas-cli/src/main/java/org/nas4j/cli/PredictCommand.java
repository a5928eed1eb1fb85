package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nas4j.core.NasException;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.eval.Predictor;
import org.nas4j.search.Algorithms;
import org.nas4j.train.data.IdxReader;
import org.nas4j.train.data.InMemoryDataset;
import org.nas4j.train.data.PngImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas predict}: classes of images with a trained experiment's network, as CSV. */
@Command(
        name = "predict",
        description = {
            "Predict the class of each image (an IDX image file, gzipped or not, or a directory of"
                    + " PNGs) with the network an experiment trained; CSV with the class, its"
                    + " probability and the top 5.",
            ""
        })
public class PredictCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--exp",
            required = true,
            paramLabel = "DIR",
            description = "A finished experiment.")
    Path exp;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE|DIR",
            description = "An IDX image file (idx3-ubyte[.gz]) or a directory of .png images.")
    Path input;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "CSV file (default: stdout).")
    Path output;

    @Override
    public Integer call() {
        if (!Files.exists(input)) {
            throw new NasException("No such file or directory: " + input + ".");
        }
        try (Predictor p = Predictor.open(exp, Algorithms.installed().opRegistry())) {
            List<Path> pngs = Files.isDirectory(input) ? PngImages.files(input) : null;
            InMemoryDataset images =
                    pngs != null
                            ? PngImages.read(pngs, p.datasetSpec())
                            : IdxReader.readImages(input, p.datasetSpec());
            List<Predictor.Prediction> out = p.predict(images);
            StringBuilder csv =
                    new StringBuilder("input,class,probability,top5_classes,top5_probabilities\n");
            for (Predictor.Prediction r : out) {
                String name =
                        pngs != null
                                ? pngs.get(r.index()).getFileName().toString()
                                : String.valueOf(r.index());
                csv.append(name)
                        .append(',')
                        .append(r.label())
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.6f", r.probability()))
                        .append(',');
                for (int i = 0; i < r.top().length; i++) {
                    csv.append(i == 0 ? "" : ";").append(r.top()[i]);
                }
                csv.append(',');
                for (int i = 0; i < r.top().length; i++) {
                    csv.append(i == 0 ? "" : ";")
                            .append(String.format(Locale.ROOT, "%.6f", r.topProbability()[i]));
                }
                csv.append('\n');
            }
            PrintWriter w = spec.commandLine().getOut();
            if (output != null) {
                AtomicFiles.writeString(output, csv.toString());
                w.println("Predicted " + out.size() + " images to " + output + ".");
            } else {
                w.print(csv);
            }
            w.flush();
        }
        return 0;
    }
}
