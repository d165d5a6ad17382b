package weka.classifiers.functions;

import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;
import zcnas.weka.WekaHarness;

/** Weka's classifier harness on its generated data sets (no architectures there: predictions are missing). */
public class ZeroCostProxyRegressorTest extends AbstractClassifierTest {
  public ZeroCostProxyRegressorTest(String name) {
    super(name);
  }

  @Override
  public Classifier getClassifier() {
    ZeroCostProxyRegressor r = new ZeroCostProxyRegressor();
    r.setScoring(WekaHarness.scoring());
    return r;
  }
}
