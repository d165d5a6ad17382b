package zcnas.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.data.DataPaths;
import zcnas.proxy.ScoringSession;
import zcnas.util.ZcnasException;

/**
 * What an executor needs to rebuild a {@link ScoringSession}: the image set (any {@link CifarDataset}: cifar10,
 * cifar100, ImageNet16-120), the folder of the CIFAR binaries (null: the executor's own default, {@code zcnas.data}
 * or {@code ZCNAS_DATA} or {@code ../shared/data}), the device choice and the batch order. Threads are the task's
 * ({@code spark.task.cpus}), not part of the description.
 */
public record SessionSpec(String dataset, String imagesDir, String device, ScoringSession.BatchOrder order)
    implements Serializable {
  public SessionSpec {
    dataset = CifarDataset.forId(dataset).id();
    if (device == null || order == null) {
      throw new ZcnasException("a Spark session needs a device and a batch order");
    }
  }

  /** The description of a session on a data set's images; imagesDir null leaves the folder to each executor. */
  public static SessionSpec of(CifarDataset dataset, Path imagesDir, String device, ScoringSession.BatchOrder order) {
    return new SessionSpec(dataset.id(), imagesDir == null ? null : imagesDir.toString(), device, order);
  }

  public CifarDataset cifar() {
    return CifarDataset.forId(dataset);
  }

  /** The folder of the images on this machine. */
  public Path images() {
    return imagesDir == null ? DataPaths.images() : Paths.get(imagesDir);
  }

  /** Reads the images of this JVM's folder. */
  CifarImages read() {
    return CifarImages.readTrain(cifar(), images());
  }

  /** Opens a session on the images; the engine starts with {@code threads} on its first start in this JVM. */
  ScoringSession open(CifarImages images, int threads) {
    return new ScoringSession(images, device, threads, order);
  }
}
