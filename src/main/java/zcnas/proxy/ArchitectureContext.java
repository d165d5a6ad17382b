package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.HashMap;
import java.util.Map;
import zcnas.data.CifarDataset;
import zcnas.data.ImageBatch;
import zcnas.network.BnMode;
import zcnas.network.Initializer;
import zcnas.network.Network;
import zcnas.network.Weights;

/**
 * One network being scored: its weights per initialisation and seed, and the passes over them that several
 * proxies share (GradNorm and Snip read the same backward pass). Closing frees all of its native memory.
 */
public final class ArchitectureContext implements AutoCloseable {
  private final ScoringSession session;
  private final Network network;
  private final NDManager manager;
  private final Map<String, Weights> weights = new HashMap<>();
  private final Map<String, GradientPass> passes = new HashMap<>();

  ArchitectureContext(ScoringSession session, Network network, NDManager manager) {
    this.session = session;
    this.network = network;
    this.manager = manager;
  }

  public Network network() {
    return network;
  }

  public NDManager manager() {
    return manager;
  }

  public ScoringSession session() {
    return session;
  }

  /** The image set of the batches: classes, image size and normalisation. */
  public CifarDataset dataset() {
    return session.dataset();
  }

  /** The network's initial weights; the same initialisation and seed give the same tensors within this context. */
  public Weights weights(Initializer init, long seed) {
    return weights.computeIfAbsent(init + ":" + seed, k -> init.initialize(network.layers(), manager, seed));
  }

  public ImageBatch batch(int size, long seed) {
    return session.batch(size, seed);
  }

  /**
   * The images of a batch on this context's device: a view of the session's tensor (made once per session), owned
   * by this context, so what is computed from it is freed with the context. Never change it in place.
   */
  public NDArray images(ImageBatch batch) {
    return local(session.images(batch));
  }

  /** One-hot labels of a batch, a view of the session's tensor like {@link #images}. */
  public NDArray oneHot(ImageBatch batch, DataType type) {
    return local(session.oneHot(batch, type));
  }

  /** A view sharing the tensor's memory, attached to this context (DJL puts an op's result in its input's manager). */
  private NDArray local(NDArray shared) {
    NDArray view = shared.reshape(shared.getShape());
    view.attach(manager);
    return view;
  }

  /** Mean cross-entropy of logits against one-hot labels (no Java-number operand: see {@link zcnas.network.TensorOps}). */
  public static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
  }

  /**
   * Gradients of the cross-entropy on a batch with respect to the initial weights, every BN on: computed once per
   * (init, seed, batch size) and shared by the proxies that need it.
   */
  public GradientPass gradientPass(Initializer init, long seed, int batchSize) {
    String key = init + ":" + seed + ":" + batchSize;
    GradientPass pass = passes.get(key);
    if (pass == null) {
      Weights w = weights(init, seed).map(NDArray::duplicate).requireGradients();
      ImageBatch batch = batch(batchSize, seed);
      NDArray x = images(batch);
      NDArray y = oneHot(batch, DataType.FLOAT32);
      network.backward(x, w, BnMode.ALL, logits -> crossEntropy(logits, y));
      pass = new GradientPass(network, w);
      passes.put(key, pass);
    }
    return pass;
  }

  @Override
  public void close() {
    manager.close();
  }
}
