package zcnas.proxy;

import weka.core.TechnicalInformation;
import zcnas.stats.LogDeterminant;

/**
 * NASWOT (Mellor et al. 2021): binary codes c = (input &gt; 0) of every ReLU for each image; kernel
 * K = C C^T + (1 - C)(1 - C)^T summed over the ReLUs; score = log|det K|. At GradNorm's and Snip's batch, seed and
 * initialisation the codes come from their gradient pass's forward half, which sees the same tensors.
 */
public class Naswot extends ZeroCostProxy {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "naswot";
  }

  @Override
  public String globalInfo() {
    return "NASWOT zero-cost proxy: log |det K| of the Hamming-agreement kernel of the ReLU activation codes of "
        + "the images of one batch (every BN in train mode). Architectures in which no ReLU sees an image-dependent "
        + "tensor give a singular kernel and -Infinity, as the reference code does.\n\nFor more information see:\n"
        + getTechnicalInformation();
  }

  @Override
  protected int defaultBatchSize() {
    return 128;
  }

  @Override
  public void plan(ArchitectureContext context) {
    context.planReluCodes(initializer(), getSeed(), getBatchSize());
  }

  @Override
  public double score(ArchitectureContext context) {
    return LogDeterminant.logAbsDet(context.reluCodeKernel(initializer(), getSeed(), getBatchSize()), getBatchSize());
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.mellor();
  }
}
