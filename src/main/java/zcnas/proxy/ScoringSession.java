package zcnas.proxy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final int interop;
  /** The threads beside the caller's that run parts of a pass; kept (each new thread gets a C heap arena). */
  private ExecutorService helpers;
  private final Map<String, ImageBatch> batches = new HashMap<>();
  private final Map<ImageBatch, NDArray> imageTensors = new IdentityHashMap<>();
  private final Map<ImageBatch, Map<DataType, NDArray>> labelTensors = new IdentityHashMap<>();

  public ScoringSession(CifarImages images, String device, int threads, BatchOrder order) {
    this(images, device, threads, 1, order);
  }

  /**
   * A session whose passes run their independent parts ({@link #runParts}) on up to {@code interop} threads at once,
   * each with the engine's intra-op threads.
   */
  public ScoringSession(CifarImages images, String device, int threads, int interop, BatchOrder order) {
    if (interop < 1) {
      throw new IllegalArgumentException("interop must be at least 1, got " + interop);
    }
    this.interop = interop;
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

  /** Threads that run the independent parts of one architecture's computation at once (1: one after the other). */
  public int interop() {
    return interop;
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

  /**
   * Runs independent parts of one architecture's computation ({@code CRoZeOfficial}: the halves of a pass, the
   * cosines of each layer), which share nothing but what they read: in order on this thread, or with {@link
   * #interop} threads on this thread and helper threads at once, each taking the next part not taken. Every part has
   * ended when this returns; the first failure is thrown.
   */
  void runParts(List<Runnable> parts) {
    int threads = Math.min(interop, parts.size());
    if (threads == 1) {
      parts.forEach(Runnable::run);
      return;
    }
    // each thread takes the next part not taken: parts of unequal cost keep both busy
    AtomicInteger next = new AtomicInteger();
    Runnable take = () -> {
      for (int i = next.getAndIncrement(); i < parts.size(); i = next.getAndIncrement()) {
        parts.get(i).run();
      }
    };
    List<Future<?>> others = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      others.add(helpers().submit(() -> {
        // PyTorch's grad mode is per thread, and on by default: off, as on the thread that opened the context
        JniUtils.setGradMode(false);
        take.run();
      }));
    }
    RuntimeException failure = null;
    try {
      take.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    boolean interrupted = false;
    // waited for even after a failure: the parts read the context's memory, which is freed when it closes
    for (Future<?> other : others) {
      while (true) {
        try {
          other.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private synchronized ExecutorService helpers() {
    if (helpers == null) {
      AtomicInteger number = new AtomicInteger();
      helpers = Executors.newFixedThreadPool(interop - 1, r -> {
        Thread t = new Thread(r, "zcnas-interop-" + number.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return helpers;
  }

  @Override
  public synchronized void close() {
    if (helpers != null) {
      helpers.shutdown();
    }
    manager.close();
  }
}
