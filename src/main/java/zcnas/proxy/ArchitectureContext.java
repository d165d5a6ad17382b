package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import zcnas.data.CifarDataset;
import zcnas.data.ImageBatch;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Initializer;
import zcnas.network.Network;
import zcnas.network.Weights;

/**
 * One network being scored: its weights per initialisation and seed, and the passes over them that several
 * proxies share (GradNorm and Snip read the same backward pass; NASWOT reads its ReLU codes off that pass's forward
 * half when its batch is theirs). The proxies to be scored first say which passes they will read ({@link
 * ZeroCostProxy#plan}), so that a shared pass is run once with everything its readers need. Closing frees all of
 * its native memory.
 */
public final class ArchitectureContext implements AutoCloseable {
  private final ScoringSession session;
  private final Network network;
  private final NDManager manager;
  private final Map<String, Weights> weights = new HashMap<>();
  private final Map<String, GradientPass> passes = new HashMap<>();
  private final Map<String, double[]> codeKernels = new HashMap<>();
  private final Set<String> plannedPasses = new HashSet<>();
  private final Set<String> plannedCodes = new HashSet<>();

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

  /** Announces that a proxy will read {@link #gradientPass} with these settings. */
  public void planGradientPass(Initializer init, long seed, int batchSize) {
    plannedPasses.add(passKey(init, seed, batchSize));
  }

  /** Announces that a proxy will read {@link #reluCodeKernel} with these settings. */
  public void planReluCodes(Initializer init, long seed, int batchSize) {
    plannedCodes.add(passKey(init, seed, batchSize));
  }

  /**
   * Gradients of the cross-entropy on a batch with respect to the initial weights, every BN on: computed once per
   * (init, seed, batch size) and shared by the proxies that need it. Where ReLU codes of the same batch and weights
   * were planned, its forward pass also counts them.
   */
  public GradientPass gradientPass(Initializer init, long seed, int batchSize) {
    String key = passKey(init, seed, batchSize);
    GradientPass pass = passes.get(key);
    if (pass == null) {
      Weights w = weights(init, seed).map(NDArray::duplicate).requireGradients();
      ImageBatch batch = batch(batchSize, seed);
      NDArray x = images(batch);
      NDArray y = oneHot(batch, DataType.FLOAT32);
      ReluCodeKernel codes = plannedCodes.contains(key) && !codeKernels.containsKey(key)
          ? new ReluCodeKernel(batchSize) : null;
      network.backward(x, w, BnMode.ALL, codes == null ? ForwardListener.NONE : codes,
          logits -> crossEntropy(logits, y));
      if (codes != null) {
        codeKernels.put(key, codes.kernel());
      }
      pass = new GradientPass(network, w);
      passes.put(key, pass);
    }
    return pass;
  }

  /**
   * NASWOT's kernel of the ReLU codes (n x n, row-major) of a batch under the initial weights, every BN on: read off
   * the gradient pass of the same settings where one is planned or was run with the codes, else from a forward pass
   * of its own (the same values: the weights, images and BN statistics are the same).
   */
  public double[] reluCodeKernel(Initializer init, long seed, int batchSize) {
    String key = passKey(init, seed, batchSize);
    if (!codeKernels.containsKey(key) && plannedPasses.contains(key) && !passes.containsKey(key)) {
      plannedCodes.add(key);
      gradientPass(init, seed, batchSize);
    }
    return codeKernels.computeIfAbsent(key, k -> {
      ReluCodeKernel codes = new ReluCodeKernel(batchSize);
      network.forward(images(batch(batchSize, seed)), weights(init, seed), BnMode.ALL, codes);
      return codes.kernel();
    });
  }

  private static String passKey(Initializer init, long seed, int batchSize) {
    return init + ":" + seed + ":" + batchSize;
  }

  @Override
  public void close() {
    manager.close();
  }
}
