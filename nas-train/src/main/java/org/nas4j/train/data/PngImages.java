package org.nas4j.train.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.nas4j.core.NasException;

/**
 * The PNG images of a directory as a dataset (labels all 0), for prediction: files in name order,
 * each of the spec's size, read as gray for a 1-channel dataset and as RGB for 3 channels.
 */
public final class PngImages {
    private PngImages() {}

    /** The {@code *.png} files of {@code dir}, sorted by name. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files =
                    s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png"))
                            .sorted()
                            .toList();
            if (files.isEmpty()) {
                throw new NasException("The directory " + dir + " holds no .png file.");
            }
            return files;
        } catch (IOException e) {
            throw new NasException("Could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code files} as {@code channels x size x size} images. */
    public static InMemoryDataset read(List<Path> files, DatasetSpec spec) {
        int c = spec.channels();
        int size = spec.imgSize();
        if (c != 1 && c != 3) {
            throw new NasException(
                    "PNG input needs a 1- or 3-channel dataset; dataset.channels is " + c + ".");
        }
        byte[] pixels = new byte[files.size() * c * size * size];
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            BufferedImage img;
            try {
                img = ImageIO.read(f.toFile());
            } catch (IOException e) {
                throw new NasException("Could not read the image " + f + ": " + e.getMessage(), e);
            }
            if (img == null) {
                throw new NasException(f + " is not an image ImageIO can read.");
            }
            if (img.getWidth() != size || img.getHeight() != size) {
                throw new NasException(
                        f
                                + " is "
                                + img.getWidth()
                                + "x"
                                + img.getHeight()
                                + " but the network takes "
                                + size
                                + "x"
                                + size
                                + " images (dataset.img_size).");
            }
            int base = i * c * size * size;
            boolean gray =
                    img.getRaster().getNumBands() == 1
                            && img.getColorModel().getComponentSize(0) == 8;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (gray) {
                        // stored gray values as they are (getRGB would convert them to sRGB)
                        int v = img.getRaster().getSample(x, y, 0);
                        for (int ch = 0; ch < c; ch++) {
                            pixels[base + ch * size * size + y * size + x] = (byte) v;
                        }
                        continue;
                    }
                    int rgb = img.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    int at = y * size + x;
                    if (c == 1) {
                        // ITU-R BT.601 luma, as PIL's convert("L")
                        pixels[base + at] =
                                (byte) Math.round((299 * r + 587 * g + 114 * b) / 1000.0);
                    } else {
                        pixels[base + at] = (byte) r;
                        pixels[base + size * size + at] = (byte) g;
                        pixels[base + 2 * size * size + at] = (byte) b;
                    }
                }
            }
        }
        return new InMemoryDataset(
                "png", pixels, 0, new int[files.size()], c, size, size, spec.nClasses());
    }
}
