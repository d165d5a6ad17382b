package zcnas.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Spearman rho and Kendall tau (tau-b) between scores and targets. Pairs with a NaN on either side are left out;
 * infinite scores keep their rank (-Infinity is the lowest), as a proxy's -Infinity means "worst".
 */
public final class RankCorrelation {
  private final double rho;
  private final double tau;
  private final int n;

  private RankCorrelation(double rho, double tau, int n) {
    this.rho = rho;
    this.tau = tau;
    this.n = n;
  }

  /** Spearman rho and Kendall tau-b over the pairs where neither value is NaN (NaN when fewer than two). */
  public static RankCorrelation of(double[] scores, double[] targets) {
    if (scores.length != targets.length) {
      throw new IllegalArgumentException("scores and targets differ in length: " + scores.length + " vs " + targets.length);
    }
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isNaN(scores[i]) && !Double.isNaN(targets[i])) {
        pairs.add(new double[] {scores[i], targets[i]});
      }
    }
    int n = pairs.size();
    if (n < 2) {
      return new RankCorrelation(Double.NaN, Double.NaN, n);
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = finiteRankable(pairs.get(i)[0]);
      y[i] = finiteRankable(pairs.get(i)[1]);
    }
    double rho = new SpearmansCorrelation().correlation(x, y);
    double tau = new KendallsCorrelation().correlation(x, y);
    return new RankCorrelation(rho, tau, n);
  }

  /** Infinities become the extreme finite values: same order, and Commons Math's arithmetic stays finite. */
  private static double finiteRankable(double v) {
    if (v == Double.NEGATIVE_INFINITY) {
      return -Double.MAX_VALUE;
    }
    if (v == Double.POSITIVE_INFINITY) {
      return Double.MAX_VALUE;
    }
    return v;
  }

  public double rho() {
    return rho;
  }

  public double tau() {
    return tau;
  }

  /** Number of pairs used. */
  public int n() {
    return n;
  }
}
