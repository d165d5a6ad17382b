package zcnas.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** A network small enough for hand computation: logits = W relu(x) + b, one linear layer on the flattened image. */
public final class TinyNetwork extends LayeredNetwork {
  public TinyNetwork(int classes, int inputSize) {
    super(classes, inputSize);
    define(List.of(new Layer("linear", new Shape(classes, 3L * inputSize * inputSize), true, true)), List.of(0));
  }

  @Override
  public NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener) {
    TensorOps ops = new TensorOps(x.getManager());
    listener.reluInput(x);
    NDArray h = ops.relu(x).reshape(x.getShape().get(0), -1);
    NDArray logits = ops.linear(h, w.weight(0), w.bias(0));
    listener.layerOutput(0, logits);
    listener.stageOutput(0, logits);
    return logits;
  }
}
