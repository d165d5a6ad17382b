package weka.attributeSelection;

import zcnas.proxy.Naswot;
import zcnas.proxy.ZeroCostProxy;

/** Rates accuracy attributes by their Spearman correlation with the NASWOT zero-cost proxy of each architecture. */
public class NASWOTAttributeEval extends ZeroCostAttributeEval {
  private static final long serialVersionUID = 1L;

  @Override
  protected ZeroCostProxy[] defaultProxies() {
    return new ZeroCostProxy[] {new Naswot()};
  }

  public static void main(String[] args) {
    runEvaluator(new NASWOTAttributeEval(), args);
  }
}
