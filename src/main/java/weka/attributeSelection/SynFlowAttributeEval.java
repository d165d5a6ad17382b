package weka.attributeSelection;

import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;

/** Rates accuracy attributes by their Spearman correlation with the SynFlow zero-cost proxy of each architecture. */
public class SynFlowAttributeEval extends ZeroCostAttributeEval {
  private static final long serialVersionUID = 1L;

  @Override
  protected ZeroCostProxy[] defaultProxies() {
    return new ZeroCostProxy[] {new SynFlow()};
  }

  public static void main(String[] args) {
    runEvaluator(new SynFlowAttributeEval(), args);
  }
}
