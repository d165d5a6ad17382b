package weka.attributeSelection;

import zcnas.proxy.CRoZe;
import zcnas.proxy.ZeroCostProxy;

/** Rates accuracy attributes by their Spearman correlation with the CRoZe zero-cost proxy of each architecture. */
public class CRoZeAttributeEval extends ZeroCostAttributeEval {
  private static final long serialVersionUID = 1L;

  @Override
  protected ZeroCostProxy[] defaultProxies() {
    return new ZeroCostProxy[] {new CRoZe()};
  }

  public static void main(String[] args) {
    runEvaluator(new CRoZeAttributeEval(), args);
  }
}
