package weka.filters.unsupervised.attribute;

import weka.filters.AbstractFilterTest;
import weka.filters.Filter;
import zcnas.weka.WekaHarness;

/** Weka's filter harness on its FilterTest data set (whose strings are no architectures and are skipped). */
public class ZeroCostProxyScoresTest extends AbstractFilterTest {
  public ZeroCostProxyScoresTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    ZeroCostProxyScores f = new ZeroCostProxyScores();
    f.setScoring(WekaHarness.scoring());
    return f;
  }
}
