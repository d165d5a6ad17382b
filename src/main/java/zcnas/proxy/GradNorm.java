package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import weka.core.TechnicalInformation;

/** GradNorm: the sum over layers of the Euclidean norm of dL/dW (Abdelfattah et al. 2021). */
public class GradNorm extends GradientProxy {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "gradnorm";
  }

  @Override
  public String globalInfo() {
    return "GradNorm zero-cost proxy: sum over the convolution and linear layers of the Euclidean norm of the "
        + "cross-entropy gradient of their weights, on one batch with BN in train mode.\n\nFor more information see:\n"
        + getTechnicalInformation();
  }

  @Override
  protected NDArray term(NDArray weight, NDArray gradient) {
    return gradient.norm();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.abdelfattah();
  }
}
