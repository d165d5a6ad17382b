package zcnas.proxy;

import ai.djl.ndarray.NDArray;

/**
 * A proxy that sums one term per layer of the cross-entropy gradient pass (GradNorm, Snip). Every such proxy at the
 * same batch, seed and initialisation reads the one pass the context keeps, so it costs only its terms.
 */
public abstract class GradientProxy extends ZeroCostProxy {
  private static final long serialVersionUID = 1L;

  @Override
  protected int defaultBatchSize() {
    return 64;
  }

  @Override
  public void plan(ArchitectureContext context) {
    context.planGradientPass(initializer(), getSeed(), getBatchSize());
  }

  @Override
  public double score(ArchitectureContext context) {
    return context.gradientPass(initializer(), getSeed(), getBatchSize()).sumOverLayers(this::term);
  }

  /** The layer's term, from its weight and the weight's gradient. */
  protected abstract NDArray term(NDArray weight, NDArray gradient);
}
