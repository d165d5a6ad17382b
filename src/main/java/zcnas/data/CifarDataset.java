package zcnas.data;

import java.nio.file.Path;
import zcnas.util.ZcnasException;

/** The CIFAR binary distributions: record layout, training file and normalisation of the zero-cost reference code. */
public enum CifarDataset {
  CIFAR10("cifar10", 10, 1, "cifar-10-batches-bin", "data_batch_1.bin", "test_batch.bin"),
  CIFAR100("cifar100", 100, 2, "cifar-100-binary", "train.bin", "test.bin");

  public static final int IMAGE_SIZE = 32;
  public static final int PIXELS = 3 * IMAGE_SIZE * IMAGE_SIZE;
  /** Mean and std the reference code uses for CIFAR-10 and CIFAR-100 alike. */
  public static final float[] MEAN = {0.4914f, 0.4822f, 0.4465f};
  public static final float[] STD = {0.2023f, 0.1994f, 0.2010f};

  private final String id;
  private final int classes;
  private final int labelBytes;
  private final String folder;
  private final String trainFile;
  private final String testFile;

  CifarDataset(String id, int classes, int labelBytes, String folder, String trainFile, String testFile) {
    this.id = id;
    this.classes = classes;
    this.labelBytes = labelBytes;
    this.folder = folder;
    this.trainFile = trainFile;
    this.testFile = testFile;
  }

  public String id() {
    return id;
  }

  public int classes() {
    return classes;
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

  public static CifarDataset forId(String id) {
    for (CifarDataset d : values()) {
      if (d.id.equalsIgnoreCase(id)) {
        return d;
      }
    }
    throw new ZcnasException("unknown dataset '" + id + "' (known: cifar10, cifar100; ImageNet16-120 images are not available)");
  }
}
