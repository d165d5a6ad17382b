package zcnas.network;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.UnaryOperator;
import zcnas.engine.Backward;

/**
 * A network as a pure function of its weights: the proxies run the same architecture with substituted weights
 * (absolute values, double precision, perturbed copies) and watch its intermediate tensors.
 */
public interface Network {
  /** The convolution and linear layers, in forward order. */
  List<Layer> layers();

  int inputSize();

  int classes();

  /** Logits (N x classes) for images x (N x 3 x H x W) under weights w, in train mode (BN with batch statistics). */
  NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener);

  /** Whether {@link #forward(NDArray, Weights, BnMode, ForwardListener, Rescaling)} takes a rescaled pass. */
  default boolean rescales() {
    return false;
  }

  /**
   * {@link #forward(NDArray, Weights, BnMode, ForwardListener)} with the tensors held as {@code scale} says: the
   * logits come back at {@code scale.exponent()}, and each stage feature at the exponent current when the listener
   * sees it.
   */
  default NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener, Rescaling scale) {
    if (scale != Rescaling.NONE) {
      throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no rescaled pass");
    }
    return forward(x, w, bn, listener);
  }

  /**
   * Backpropagates {@code loss} of the logits for images x into the gradients of the weights that require them
   * (every BN as {@code bn}); the listener sees the forward pass once, as {@link #forward} shows it. By default the
   * whole pass is recorded at once; a network whose saved activations would be large may recompute parts of it
   * instead, with the same gradients.
   */
  default void backward(NDArray x, Weights w, BnMode bn, ForwardListener listener, UnaryOperator<NDArray> loss) {
    Backward.run(() -> loss.apply(forward(x, w, bn, listener)));
  }

  /**
   * Whether each image's pass reads no other image (no BN under {@code bn}): then a batch's pass is the passes of
   * its parts, stacked.
   */
  default boolean imagesIndependent(BnMode bn) {
    return false;
  }

  /**
   * The stage feature (see {@link ForwardListener#stageOutput}) that the official CRoZe code pairs with a layer.
   */
  int featureGroup(int layer);

  default long parameterCount() {
    return layers().stream().mapToLong(Layer::parameterCount).sum();
  }
}
