package weka.attributeSelection;

import zcnas.proxy.Snip;
import zcnas.proxy.ZeroCostProxy;

/** Rates accuracy attributes by their Spearman correlation with the Snip zero-cost proxy of each architecture. */
public class SnipAttributeEval extends ZeroCostAttributeEval {
  private static final long serialVersionUID = 1L;

  @Override
  protected ZeroCostProxy[] defaultProxies() {
    return new ZeroCostProxy[] {new Snip()};
  }

  public static void main(String[] args) {
    runEvaluator(new SnipAttributeEval(), args);
  }
}
