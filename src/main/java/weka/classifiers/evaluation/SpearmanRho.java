package weka.classifiers.evaluation;

import zcnas.stats.RankCorrelation;

/** Spearman's rank correlation between predictions and the numeric class. */
public class SpearmanRho extends RankMetric {
  private static final long serialVersionUID = 1L;

  public SpearmanRho() {
    super("Spearman rho", "Spearman's rank correlation between predicted and actual values of a numeric class",
        RankCorrelation::rho);
  }
}
