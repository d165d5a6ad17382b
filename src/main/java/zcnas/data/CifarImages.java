package zcnas.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import zcnas.util.ZcnasException;

/**
 * The records of one CIFAR binary file, held as raw bytes, as the image set of a {@link CifarDataset} (its size and
 * normalisation); the record count comes from the file size.
 */
public final class CifarImages {
  private final CifarDataset dataset;
  private final Path file;
  private final byte[] raw;
  private final int count;

  private CifarImages(CifarDataset dataset, Path file, byte[] raw) {
    this.dataset = dataset;
    this.file = file;
    this.raw = raw;
    this.count = raw.length / dataset.format().recordBytes();
  }

  /** Reads a CIFAR binary file of the data set's format; the record count follows from the file size. */
  public static CifarImages read(CifarDataset dataset, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ZcnasException("CIFAR file not found: " + file + " (point -data at the folder holding "
          + "cifar-10-batches-bin/ and cifar-100-binary/)");
    }
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ZcnasException("cannot read CIFAR file " + file + ": " + e.getMessage(), e);
    }
    int record = dataset.format().recordBytes();
    if (raw.length == 0 || raw.length % record != 0) {
      throw new ZcnasException(file + " is not a " + dataset.format() + " binary file: its size " + raw.length
          + " bytes is not a positive multiple of the record size " + record + " (truncated, or the wrong format?)");
    }
    CifarImages images = new CifarImages(dataset, file, raw);
    for (int i = 0; i < images.count; i++) {
      int label = images.label(i);
      if (label >= dataset.format().labels()) {
        throw new ZcnasException(file + ": record " + i + " has label " + label + ", outside 0.."
            + (dataset.format().labels() - 1) + " for " + dataset.format() + " (wrong format?)");
      }
    }
    return images;
  }

  /** The data set's training images (the file its scores are computed on) in the images folder. */
  public static CifarImages readTrain(CifarDataset dataset, Path imagesDir) {
    return read(dataset, dataset.trainFile(imagesDir));
  }

  public CifarDataset dataset() {
    return dataset;
  }

  public Path file() {
    return file;
  }

  public int size() {
    return count;
  }

  /** The record's label (the fine label for CIFAR-100). */
  public int label(int record) {
    CifarFormat f = dataset.format();
    return raw[record * f.recordBytes() + f.labelBytes() - 1] & 0xff;
  }

  /** The raw 8-bit pixel value of channel c, row y, column x of the record. */
  public int pixel(int record, int c, int y, int x) {
    CifarFormat f = dataset.format();
    int size = CifarFormat.IMAGE_SIZE;
    return raw[record * f.recordBytes() + f.labelBytes() + (c * size + y) * size + x] & 0xff;
  }

  /** The first n records in file order (the reference code's batch). */
  public ImageBatch first(int n) {
    checkSize(n);
    int[] records = new int[n];
    for (int i = 0; i < n; i++) {
      records[i] = i;
    }
    return batch(records);
  }

  /** n distinct records drawn with the seed; the same seed gives the same batch. */
  public ImageBatch sample(int n, long seed) {
    checkSize(n);
    int[] perm = new int[count];
    for (int i = 0; i < count; i++) {
      perm[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] records = new int[n];
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(count - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
      records[i] = perm[i];
    }
    return batch(records);
  }

  private void checkSize(int n) {
    if (n < 1 || n > count) {
      throw new ZcnasException("batch size " + n + " is outside 1.." + count + ", the number of records in " + file);
    }
  }

  /**
   * Scales to [0, 1], averages s x s blocks down to the data set's image size (s = 32 / size), and normalises with
   * the data set's mean and std, channel by channel.
   */
  public ImageBatch batch(int[] records) {
    int size = dataset.imageSize();
    int s = CifarFormat.IMAGE_SIZE / size;
    int plane = size * size;
    float[] data = new float[records.length * 3 * plane];
    int[] labels = new int[records.length];
    for (int b = 0; b < records.length; b++) {
      int r = records[b];
      if (r < 0 || r >= count) {
        throw new ZcnasException("record " + r + " is outside 0.." + (count - 1) + " in " + file);
      }
      labels[b] = label(r);
      for (int c = 0; c < 3; c++) {
        float scale = 1f / (255f * s * s * dataset.std(c));
        float shift = dataset.mean(c) / dataset.std(c);
        int base = (b * 3 + c) * plane;
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            int sum = 0;
            for (int dy = 0; dy < s; dy++) {
              for (int dx = 0; dx < s; dx++) {
                sum += pixel(r, c, y * s + dy, x * s + dx);
              }
            }
            data[base + y * size + x] = sum * scale - shift;
          }
        }
      }
    }
    return new ImageBatch(data, labels, records, size, dataset.classes());
  }
}
