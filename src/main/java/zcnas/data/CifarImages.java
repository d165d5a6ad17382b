package zcnas.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import zcnas.util.ZcnasException;

/** The records of one CIFAR binary file, held as raw bytes; the record count comes from the file size. */
public final class CifarImages {
  private final CifarDataset dataset;
  private final Path file;
  private final byte[] raw;
  private final int count;

  private CifarImages(CifarDataset dataset, Path file, byte[] raw) {
    this.dataset = dataset;
    this.file = file;
    this.raw = raw;
    this.count = raw.length / dataset.recordBytes();
  }

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
    int record = dataset.recordBytes();
    if (raw.length == 0 || raw.length % record != 0) {
      throw new ZcnasException(file + " is not a " + dataset.id() + " binary file: its size " + raw.length
          + " bytes is not a positive multiple of the record size " + record + " (truncated, or the wrong format?)");
    }
    CifarImages images = new CifarImages(dataset, file, raw);
    for (int i = 0; i < images.count; i++) {
      int label = images.label(i);
      if (label >= dataset.classes()) {
        throw new ZcnasException(file + ": record " + i + " has label " + label + ", outside 0.."
            + (dataset.classes() - 1) + " for " + dataset.id() + " (wrong format?)");
      }
    }
    return images;
  }

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
    return raw[record * dataset.recordBytes() + dataset.labelBytes() - 1] & 0xff;
  }

  /** The raw 8-bit pixel value of channel c, row y, column x of the record. */
  public int pixel(int record, int c, int y, int x) {
    int size = CifarDataset.IMAGE_SIZE;
    return raw[record * dataset.recordBytes() + dataset.labelBytes() + (c * size + y) * size + x] & 0xff;
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

  /** Scales to [0, 1] and normalises with the reference mean and std, channel by channel. */
  public ImageBatch batch(int[] records) {
    int pixels = CifarDataset.PIXELS;
    int plane = CifarDataset.IMAGE_SIZE * CifarDataset.IMAGE_SIZE;
    float[] data = new float[records.length * pixels];
    int[] labels = new int[records.length];
    for (int b = 0; b < records.length; b++) {
      int r = records[b];
      if (r < 0 || r >= count) {
        throw new ZcnasException("record " + r + " is outside 0.." + (count - 1) + " in " + file);
      }
      labels[b] = label(r);
      int src = r * dataset.recordBytes() + dataset.labelBytes();
      for (int c = 0; c < 3; c++) {
        float mean = CifarDataset.MEAN[c];
        float scale = 1f / (255f * CifarDataset.STD[c]);
        float shift = mean / CifarDataset.STD[c];
        int base = b * pixels + c * plane;
        for (int p = 0; p < plane; p++) {
          data[base + p] = (raw[src + c * plane + p] & 0xff) * scale - shift;
        }
      }
    }
    return new ImageBatch(data, labels, records, CifarDataset.IMAGE_SIZE, dataset.classes());
  }
}
