package weka.attributeSelection;

import zcnas.proxy.Naswot;
import zcnas.proxy.Snip;
import zcnas.proxy.ZeroCostProxy;

/**
 * Rates accuracy attributes by their Spearman correlation with an ensemble of zero-cost proxies: each proxy's
 * scores become ranks and the ensemble is their mean (default {Snip, NASWOT}, the CRoZe paper's baseline ensemble).
 */
public class ZeroCostEnsembleAttributeEval extends ZeroCostAttributeEval {
  private static final long serialVersionUID = 1L;

  @Override
  protected ZeroCostProxy[] defaultProxies() {
    return new ZeroCostProxy[] {new Snip(), new Naswot()};
  }

  public static void main(String[] args) {
    runEvaluator(new ZeroCostEnsembleAttributeEval(), args);
  }
}
