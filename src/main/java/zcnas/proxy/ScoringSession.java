package zcnas.proxy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.data.ImageBatch;
import zcnas.engine.TorchEngine;
import zcnas.network.Network;

/**
 * Everything a run of proxies shares across architectures: the engine and device, the images, the batches drawn
 * from them and their tensors (made once, read by every architecture). Per architecture, {@link #open(Network)}
 * gives a context whose native memory is freed on close.
 */
public final class ScoringSession implements AutoCloseable {
  /** How batches are picked from the image file. */
  public enum BatchOrder {
    /** Seeded draw without replacement (the proxy's seed). */
    SEEDED,
    /** The first records in file order, as the reference code's fixed batch. */
    FIRST
  }

  private final Engine engine;
  private final Device device;
  private final NDManager manager;
  private final CifarImages images;
  private final BatchOrder order;
  private final Map<String, ImageBatch> batches = new HashMap<>();
  private final Map<ImageBatch, NDArray> imageTensors = new IdentityHashMap<>();
  private final Map<ImageBatch, Map<DataType, NDArray>> labelTensors = new IdentityHashMap<>();

  public ScoringSession(CifarImages images, String device, int threads, BatchOrder order) {
    this.engine = TorchEngine.start(threads);
    this.device = TorchEngine.device(device, threads);
    this.images = images;
    this.order = order;
    this.manager = NDManager.newBaseManager(this.device);
  }

  public Engine engine() {
    return engine;
  }

  public Device device() {
    return device;
  }

  /** PyTorch's intra-op threads in this JVM. */
  public int threads() {
    return JniUtils.getNumThreads();
  }

  public CifarDataset dataset() {
    return images.dataset();
  }

  /**
   * Identifies what the session contributes to a score (for the score cache). The intra-op thread count is part of
   * it: PyTorch splits its reductions by thread, so another count changes the last digits.
   */
  public String key() {
    return images.dataset().id() + " " + images.file().getFileName() + " n=" + images.size() + " batches=" + order
        + " device=" + device.getDeviceType() + " threads=" + threads();
  }

  /** The batch of a size and seed; the error names the size and the records available. */
  public synchronized ImageBatch batch(int size, long seed) {
    String key = size + ":" + seed;
    return batches.computeIfAbsent(key, k -> order == BatchOrder.FIRST ? images.first(size) : images.sample(size, seed));
  }

  /** The batch's images on the device, made once per session; callers must not change or close them. */
  synchronized NDArray images(ImageBatch batch) {
    return imageTensors.computeIfAbsent(batch, b -> b.images(manager));
  }

  /** The batch's one-hot labels in a type, made once per session; callers must not change or close them. */
  synchronized NDArray oneHot(ImageBatch batch, DataType type) {
    return labelTensors.computeIfAbsent(batch, b -> new HashMap<>()).computeIfAbsent(type, t -> batch.oneHot(manager, t));
  }

  /** A context for scoring one network; grad mode is switched off for this thread, so forward-only passes keep no graph. */
  public ArchitectureContext open(Network network) {
    JniUtils.setGradMode(false);
    return new ArchitectureContext(this, network, manager.newSubManager());
  }

  @Override
  public void close() {
    manager.close();
  }
}
