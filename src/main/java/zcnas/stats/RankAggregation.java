package zcnas.stats;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Ensembles of proxies by rank aggregation: each proxy's scores become ranks (ties averaged, -Infinity lowest)
 * and the ensemble score is the mean rank. Over two architectures this is the majority vote of the proxies'
 * pairwise orderings (Abdelfattah et al. 2021) weighted by rank distance, and it needs no common scale.
 */
public final class RankAggregation {
  private RankAggregation() {
  }

  /** scores[proxy][arch] to one ensemble score per architecture; a NaN anywhere gives that architecture NaN. */
  public static double[] meanRank(double[][] scores) {
    int n = scores[0].length;
    double[] sum = new double[n];
    if (n == 0) {
      return sum;
    }
    NaturalRanking ranking = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE);
    for (double[] proxy : scores) {
      if (proxy.length != n) {
        throw new IllegalArgumentException("proxies scored different numbers of architectures");
      }
      double[] ranks = ranking.rank(proxy.clone());
      for (int i = 0; i < n; i++) {
        sum[i] += Double.isNaN(proxy[i]) ? Double.NaN : ranks[i];
      }
    }
    for (int i = 0; i < n; i++) {
      sum[i] /= scores.length;
    }
    return sum;
  }
}
