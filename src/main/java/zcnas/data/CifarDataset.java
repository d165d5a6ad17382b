package zcnas.data;

import java.nio.file.Path;
import java.util.Locale;
import zcnas.util.ZcnasException;

/**
 * The image sets the proxies see, one per NAS-Bench-201 data set: each names the CIFAR binary file its images come
 * from, the network's classes and input size, and the normalisation of the zero-cost reference code.
 * ImageNet16-120 images are not available here: its stand-in is CIFAR-100's training images averaged down to
 * 16 x 16, scored by 120-class networks with ImageNet16's normalisation, as NAS-Bench-201 trains on ImageNet16-120.
 */
public enum CifarDataset {
  CIFAR10("cifar10", "CIFAR-10 training images (32x32)", CifarFormat.CIFAR10, 10, 32,
      new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2023f, 0.1994f, 0.2010f}),
  CIFAR100("cifar100", "CIFAR-100 training images (32x32)", CifarFormat.CIFAR100, 100, 32,
      new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2023f, 0.1994f, 0.2010f}),
  IMAGENET16_120("ImageNet16-120", "CIFAR-100 training images averaged down to 16x16 (ImageNet16-120 stand-in)",
      CifarFormat.CIFAR100, 120, 16, new float[] {122.68f / 255, 116.66f / 255, 104.01f / 255},
      new float[] {63.22f / 255, 61.26f / 255, 65.09f / 255});

  private final String id;
  private final String description;
  private final CifarFormat format;
  private final int classes;
  private final int imageSize;
  private final float[] mean;
  private final float[] std;

  CifarDataset(String id, String description, CifarFormat format, int classes, int imageSize, float[] mean,
      float[] std) {
    this.id = id;
    this.description = description;
    this.format = format;
    this.classes = classes;
    this.imageSize = imageSize;
    this.mean = mean;
    this.std = std;
  }

  public String id() {
    return id;
  }

  /** Which images these are, in words, for every table that reports scores computed on them. */
  public String description() {
    return description;
  }

  /** The layout of the binary file the images come from. */
  public CifarFormat format() {
    return format;
  }

  /** Classes of the network's classifier. */
  public int classes() {
    return classes;
  }

  /** Side of the (square) images the network sees. */
  public int imageSize() {
    return imageSize;
  }

  /** Channel mean of the normalisation, in [0, 1] pixel units. */
  public float mean(int channel) {
    return mean[channel];
  }

  /** Channel std of the normalisation, in [0, 1] pixel units. */
  public float std(int channel) {
    return std[channel];
  }

  public Path trainFile(Path imagesDir) {
    return format.trainFile(imagesDir);
  }

  public Path testFile(Path imagesDir) {
    return format.testFile(imagesDir);
  }

  /** cifar10, cifar100 or ImageNet16-120 (case and '-'/'_' do not matter). */
  public static CifarDataset forId(String id) {
    String wanted = normal(id);
    for (CifarDataset d : values()) {
      if (normal(d.id).equals(wanted)) {
        return d;
      }
    }
    throw new ZcnasException("unknown dataset '" + id + "' (known: cifar10, cifar100, ImageNet16-120)");
  }

  /** The data set a benchmark column name starts with (cifar10_..., cifar100__..., ImageNet16-120_...), or null. */
  public static CifarDataset ofColumn(String column) {
    String c = normal(column);
    CifarDataset best = null;
    for (CifarDataset d : values()) {
      String prefix = normal(d.id);
      if (c.startsWith(prefix) && (c.length() == prefix.length() || !Character.isDigit(c.charAt(prefix.length())))
          && (best == null || prefix.length() > normal(best.id).length())) {
        best = d;
      }
    }
    return best;
  }

  private static String normal(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
