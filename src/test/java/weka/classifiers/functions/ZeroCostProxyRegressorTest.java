package weka.classifiers.functions;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;

/** Weka's classifier harness on its generated data sets (no architectures there: predictions are missing). */
public class ZeroCostProxyRegressorTest extends AbstractClassifierTest {
  public ZeroCostProxyRegressorTest(String name) {
    super(name);
  }

  @Override
  public Classifier getClassifier() {
    ZeroCostProxyRegressor r = new ZeroCostProxyRegressor();
    r.getScoring().setSkipBad(true);
    r.getScoring().setCache("none");
    return r;
  }

  public static Test suite() {
    return new TestSuite(ZeroCostProxyRegressorTest.class);
  }
}
