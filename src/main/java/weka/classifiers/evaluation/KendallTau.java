package weka.classifiers.evaluation;

import zcnas.stats.RankCorrelation;

/** Kendall's tau-b between predictions and the numeric class. */
public class KendallTau extends RankMetric {
  private static final long serialVersionUID = 1L;

  public KendallTau() {
    super("Kendall tau", "Kendall's tau-b rank correlation between predicted and actual values of a numeric class",
        RankCorrelation::tau);
  }
}
