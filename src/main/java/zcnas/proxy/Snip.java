package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import weka.core.TechnicalInformation;

/** Snip: the sum of |W * dL/dW| over the convolution and linear weights (Lee et al. 2019; Abdelfattah et al. 2021). */
public class Snip extends GradientProxy {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "snip";
  }

  @Override
  public String globalInfo() {
    return "Snip zero-cost proxy: sum of |W * dL/dW| over the weights of the convolution and linear layers, "
        + "the cross-entropy gradient on one batch with BN in train mode.\n\nFor more information see:\n"
        + getTechnicalInformation();
  }

  @Override
  protected NDArray term(NDArray weight, NDArray gradient) {
    return weight.mul(gradient).abs().sum();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.abdelfattah();
  }
}
