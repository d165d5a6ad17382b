package zcnas.network;

import ai.djl.ndarray.NDArray;

/**
 * Sees intermediate tensors of a forward pass: what the proxies' hooks look at. The tensors are freed soon after
 * the call; a listener that keeps one (or anything computed from it) attaches it to a manager of its own.
 */
public interface ForwardListener {
  ForwardListener NONE = new ForwardListener() { };

  /** The input of a ReLU (every ReLU module of the reference network, in forward order). */
  default void reluInput(NDArray input) {
  }

  /** The output of layer {@code layer} (a convolution or linear layer), before any BN. */
  default void layerOutput(int layer, NDArray output) {
  }

  /**
   * A stage feature, in order: 0 the stem output, 1..k the outputs of the reduction blocks, then the activated
   * (post-ReLU) output of the last stage, then the globally pooled features the classifier sees.
   */
  default void stageOutput(int index, NDArray output) {
  }

  /** Whether ops whose output cannot reach the network output must still run (for hooks that see them). */
  default boolean needsDeadOps() {
    return false;
  }
}
