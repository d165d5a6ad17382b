package weka.classifiers.evaluation;

import zcnas.stats.RankCorrelation;

/** Kendall's tau-b between predictions and the numeric class. */
public class KendallTau extends RankMetric {
  private static final long serialVersionUID = 1L;

  @Override
  public String getMetricName() {
    return "Kendall tau";
  }

  @Override
  public String getMetricDescription() {
    return "Kendall's tau-b rank correlation between predicted and actual values of a numeric class";
  }

  @Override
  protected String statisticName() {
    return "Kendall tau";
  }

  @Override
  protected double statistic(RankCorrelation r) {
    return r.tau();
  }
}
