package weka.classifiers.evaluation;

import zcnas.stats.RankCorrelation;

/** Spearman's rank correlation between predictions and the numeric class. */
public class SpearmanRho extends RankMetric {
  private static final long serialVersionUID = 1L;

  @Override
  public String getMetricName() {
    return "Spearman rho";
  }

  @Override
  public String getMetricDescription() {
    return "Spearman's rank correlation between predicted and actual values of a numeric class";
  }

  @Override
  protected String statisticName() {
    return "Spearman rho";
  }

  @Override
  protected double statistic(RankCorrelation r) {
    return r.rho();
  }
}
