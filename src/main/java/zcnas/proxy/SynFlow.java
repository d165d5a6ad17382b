package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import weka.core.TechnicalInformation;
import zcnas.engine.Backward;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Network;
import zcnas.network.Weights;

/**
 * SynFlow: with every parameter replaced by its absolute value, in double precision, BN removed (the reduction
 * blocks keep theirs, as in the reference code's copy), R = sum of the outputs on a single all-ones input;
 * score = sum |W * dR/dW| (Tanaka et al. 2020; Abdelfattah et al. 2021). Needs no images and no labels.
 */
public class SynFlow extends ZeroCostProxy {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "synflow";
  }

  @Override
  public String globalInfo() {
    return "SynFlow zero-cost proxy: sum of |W * dR/dW| where R is the summed output of the network with absolute "
        + "weights, in double precision and without BN, on one all-ones input. It uses no images; the batch size "
        + "option is ignored.\n\nFor more information see:\n" + getTechnicalInformation();
  }

  @Override
  protected int defaultBatchSize() {
    return 1;
  }

  @Override
  public double score(ArchitectureContext context) {
    Network net = context.network();
    Weights w = context.weights(initializer(), getSeed()).map(a -> a.abs().toType(DataType.FLOAT64, false))
        .requireGradients();
    int s = net.inputSize();
    NDArray ones = context.manager().ones(new Shape(1, 3, s, s), DataType.FLOAT64);
    Backward.run(() -> net.forward(ones, w, BnMode.REDUCTION_ONLY, ForwardListener.NONE).sum());
    return new GradientPass(net, w).sumOverLayers((weight, g) -> weight.mul(g).abs().sum());
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.abdelfattah();
  }
}
