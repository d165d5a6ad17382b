package zcnas.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import zcnas.engine.Tensors;

/** A normalised batch of images (N x 3 x H x W, row-major) with integer labels. */
public final class ImageBatch {
  private final float[] data;
  private final int[] labels;
  private final int[] records;
  private final int imageSize;
  private final int classes;

  public ImageBatch(float[] data, int[] labels, int[] records, int imageSize, int classes) {
    this.data = data;
    this.labels = labels;
    this.records = records;
    this.imageSize = imageSize;
    this.classes = classes;
  }

  public int size() {
    return labels.length;
  }

  public int classes() {
    return classes;
  }

  public int[] labels() {
    return labels.clone();
  }

  public int[] records() {
    return records.clone();
  }

  public float value(int image, int channel, int y, int x) {
    return data[((image * 3 + channel) * imageSize + y) * imageSize + x];
  }

  /** The images as one tensor on the manager's device: a single bulk copy. */
  public NDArray images(NDManager manager) {
    return Tensors.fromJava(manager, data, new Shape(labels.length, 3, imageSize, imageSize));
  }

  /** One-hot labels (N x classes), so that cross-entropy is a product and a sum. */
  public NDArray oneHot(NDManager manager, DataType type) {
    float[] hot = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      hot[i * classes + labels[i]] = 1f;
    }
    NDArray a = Tensors.fromJava(manager, hot, new Shape(labels.length, classes));
    if (type == DataType.FLOAT32) {
      return a;
    }
    try (a) {
      return a.toType(type, false);
    }
  }
}
