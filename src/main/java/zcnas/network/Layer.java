package zcnas.network;

import ai.djl.ndarray.types.Shape;

/**
 * A convolution or linear layer of a network: the layers whose weights the proxies sum over.
 *
 * @param name a readable position in the network, e.g. {@code cell1.4.edge2}
 * @param weightShape (out, in, k, k) for a convolution, (out, in) for a linear layer
 * @param hasBias whether the layer adds a bias
 * @param live whether the layer can influence the network's output (false for ops on edges that lead nowhere)
 */
public record Layer(String name, Shape weightShape, boolean hasBias, boolean live) {

  public boolean isLinear() {
    return weightShape.dimension() == 2;
  }

  public long outChannels() {
    return weightShape.get(0);
  }

  public long fanIn() {
    return weightShape.size() / weightShape.get(0);
  }

  public long fanOut() {
    return weightShape.size() / weightShape.get(1);
  }

  /** Number of weights and bias values. */
  public long parameterCount() {
    return weightShape.size() + (hasBias ? outChannels() : 0);
  }
}
