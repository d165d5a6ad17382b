package zcnas.network;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/** The weights (and biases, null where a layer has none) of a network's layers, in layer order. */
public final class Weights {
  private final NDArray[] weights;
  private final NDArray[] biases;

  public Weights(NDArray[] weights, NDArray[] biases) {
    this.weights = weights;
    this.biases = biases;
  }

  public int size() {
    return weights.length;
  }

  public NDArray weight(int layer) {
    return weights[layer];
  }

  public NDArray bias(int layer) {
    return biases[layer];
  }

  /** New weights with every tensor (weights and biases) transformed, e.g. to absolute values or double precision. */
  public Weights map(UnaryOperator<NDArray> f) {
    NDArray[] w = new NDArray[weights.length];
    NDArray[] b = new NDArray[biases.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = f.apply(weights[i]);
      b[i] = biases[i] == null ? null : f.apply(biases[i]);
    }
    return new Weights(w, b);
  }

  /** Marks every weight and bias as a leaf that collects gradients. */
  public Weights requireGradients() {
    for (int i = 0; i < weights.length; i++) {
      weights[i].setRequiresGradient(true);
      if (biases[i] != null) {
        biases[i].setRequiresGradient(true);
      }
    }
    return this;
  }
}
