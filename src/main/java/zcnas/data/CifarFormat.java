package zcnas.data;

import java.nio.file.Path;

/** The CIFAR binary distributions: record layout and file names. */
public enum CifarFormat {
  CIFAR10(10, 1, "cifar-10-batches-bin", "data_batch_1.bin", "test_batch.bin"),
  CIFAR100(100, 2, "cifar-100-binary", "train.bin", "test.bin");

  public static final int IMAGE_SIZE = 32;
  public static final int PIXELS = 3 * IMAGE_SIZE * IMAGE_SIZE;

  private final int labels;
  private final int labelBytes;
  private final String folder;
  private final String trainFile;
  private final String testFile;

  CifarFormat(int labels, int labelBytes, String folder, String trainFile, String testFile) {
    this.labels = labels;
    this.labelBytes = labelBytes;
    this.folder = folder;
    this.trainFile = trainFile;
    this.testFile = testFile;
  }

  /** Number of distinct labels in the file (the fine labels for CIFAR-100). */
  public int labels() {
    return labels;
  }

  public int labelBytes() {
    return labelBytes;
  }

  public int recordBytes() {
    return labelBytes + PIXELS;
  }

  public Path trainFile(Path imagesDir) {
    return imagesDir.resolve(folder).resolve(trainFile);
  }

  public Path testFile(Path imagesDir) {
    return imagesDir.resolve(folder).resolve(testFile);
  }
}
