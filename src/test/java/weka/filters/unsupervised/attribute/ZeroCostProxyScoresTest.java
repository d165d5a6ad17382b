package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/** Weka's filter harness on its FilterTest data set (whose strings are no architectures and are skipped). */
public class ZeroCostProxyScoresTest extends AbstractFilterTest {
  public ZeroCostProxyScoresTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    ZeroCostProxyScores f = new ZeroCostProxyScores();
    f.getScoring().setSkipBad(true);
    f.getScoring().setCache("none");
    return f;
  }

  public static Test suite() {
    return new TestSuite(ZeroCostProxyScoresTest.class);
  }
}
