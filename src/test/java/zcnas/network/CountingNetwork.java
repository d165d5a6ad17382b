package zcnas.network;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.UnaryOperator;

/** A network that counts the passes run over it (a forward pass, or a backward pass with its forward half). */
public final class CountingNetwork implements Network {
  private final Network network;
  public int forwards;

  public CountingNetwork(Network network) {
    this.network = network;
  }

  @Override
  public List<Layer> layers() {
    return network.layers();
  }

  @Override
  public int inputSize() {
    return network.inputSize();
  }

  @Override
  public int classes() {
    return network.classes();
  }

  @Override
  public NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener) {
    forwards++;
    return network.forward(x, w, bn, listener);
  }

  @Override
  public void backward(NDArray x, Weights w, BnMode bn, ForwardListener listener, UnaryOperator<NDArray> loss) {
    forwards++;
    network.backward(x, w, bn, listener, loss);
  }

  @Override
  public int featureGroup(int layer) {
    return network.featureGroup(layer);
  }
}
