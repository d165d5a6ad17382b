package weka.attributeSelection;

import zcnas.proxy.GradNorm;
import zcnas.proxy.ZeroCostProxy;

/** Rates accuracy attributes by their Spearman correlation with the GradNorm zero-cost proxy of each architecture. */
public class GradNormAttributeEval extends ZeroCostAttributeEval {
  private static final long serialVersionUID = 1L;

  @Override
  protected ZeroCostProxy[] defaultProxies() {
    return new ZeroCostProxy[] {new GradNorm()};
  }

  public static void main(String[] args) {
    runEvaluator(new GradNormAttributeEval(), args);
  }
}
