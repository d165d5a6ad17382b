package zcnas.network;

import ai.djl.ndarray.NDArray;

/** Sees intermediate tensors of a forward pass: what the proxies' hooks look at. */
public interface ForwardListener {
  ForwardListener NONE = new ForwardListener() { };

  /** The input of a ReLU (every ReLU module of the reference network, in forward order). */
  default void reluInput(NDArray input) {
  }

  /** The output of layer {@code layer} (a convolution or linear layer), before any BN. */
  default void layerOutput(int layer, NDArray output) {
  }

  /** Whether ops whose output cannot reach the network output must still run (for hooks that see them). */
  default boolean needsDeadOps() {
    return false;
  }
}
