package zcnas.weka;

/**
 * What the adapters' tests on Weka's own harnesses (AbstractEvaluatorTest, AbstractClassifierTest,
 * AbstractFilterTest) share: the harnesses' generated strings are no architectures, so their rows are skipped, and
 * nothing is written to the user's score cache.
 */
public final class WekaHarness {
  private WekaHarness() {
  }

  /** Scoring settings for a harness's data: skip malformed rows, no score cache. */
  public static InstanceScorer scoring() {
    InstanceScorer s = new InstanceScorer();
    s.setSkipBad(true);
    s.setCache("none");
    return s;
  }
}
