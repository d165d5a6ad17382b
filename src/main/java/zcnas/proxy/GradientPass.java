package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.function.BiFunction;
import zcnas.network.Layer;
import zcnas.network.Network;
import zcnas.network.Weights;

/** Weights after one backward pass, with their gradients: the raw material of the gradient-based proxies. */
public final class GradientPass {
  private final Network network;
  private final Weights weights;

  public GradientPass(Network network, Weights weights) {
    this.network = network;
    this.weights = weights;
  }

  /**
   * Sums a per-layer scalar over the live convolution and linear weights (dead ones contribute exactly 0), in
   * double precision, with one transfer to Java.
   */
  public double sumOverLayers(BiFunction<NDArray, NDArray, NDArray> perLayer) {
    NDList terms = new NDList();
    for (int i = 0; i < network.layers().size(); i++) {
      if (network.layers().get(i).live()) {
        terms.add(perLayer.apply(weights.weight(i), weights.weight(i).getGradient()).toType(DataType.FLOAT64, false));
      }
    }
    return NDArrays.stack(terms).sum().getDouble();
  }
}
