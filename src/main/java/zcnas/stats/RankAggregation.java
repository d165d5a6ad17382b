package zcnas.stats;

import java.util.Locale;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import zcnas.util.ZcnasException;

/**
 * Ensembles of proxies by rank aggregation: each proxy's scores become ranks (1 = lowest score, ties averaged,
 * -Infinity lowest), so no common scale is needed, and an architecture's ensemble score aggregates its ranks. An
 * architecture with NaN under any proxy gets NaN.
 */
public final class RankAggregation {
  /** How the ranks are combined. */
  public enum Method {
    /** The mean rank (Borda count). */
    MEAN_RANK,
    /**
     * Abdelfattah et al. (2021)'s vote: of two architectures, the one most proxies rank higher wins; the score is the
     * number of architectures an architecture beats (a tie counts a half), i.e. its Copeland score.
     */
    VOTE,
    /** The geometric mean of the ranks (rank product): an architecture must rank well under every proxy. */
    RANK_PRODUCT;

    /** The ensemble's name: the members joined by '+', wrapped in the method's name unless it is the mean rank. */
    public String label(String members) {
      return this == MEAN_RANK ? members : id() + "(" + members + ")";
    }

    public String id() {
      return this == RANK_PRODUCT ? "product" : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The method with this {@link #id()} (case-insensitive). */
    public static Method forId(String id) {
      for (Method m : values()) {
        if (m.id().equalsIgnoreCase(id.trim())) {
          return m;
        }
      }
      throw new ZcnasException("unknown aggregation '" + id + "' (use mean-rank, vote or product)");
    }

    /** One aggregated score per architecture from scores[proxy][architecture]; higher is better. */
    public double[] apply(double[][] scores) {
      return switch (this) {
        case MEAN_RANK -> meanRank(scores);
        case VOTE -> vote(scores);
        case RANK_PRODUCT -> rankProduct(scores);
      };
    }
  }

  private RankAggregation() {
  }

  /** scores[proxy][arch] to one ensemble score per architecture: the mean rank. */
  public static double[] meanRank(double[][] scores) {
    double[][] ranks = ranks(scores);
    int n = ranks[0].length;
    double[] out = new double[n];
    for (double[] r : ranks) {
      for (int i = 0; i < n; i++) {
        out[i] += r[i] / ranks.length;
      }
    }
    return out;
  }

  /** The geometric mean of each architecture's ranks. */
  public static double[] rankProduct(double[][] scores) {
    double[][] ranks = ranks(scores);
    int n = ranks[0].length;
    double[] out = new double[n];
    for (double[] r : ranks) {
      for (int i = 0; i < n; i++) {
        out[i] += Math.log(r[i]) / ranks.length;
      }
    }
    for (int i = 0; i < n; i++) {
      out[i] = Math.exp(out[i]);
    }
    return out;
  }

  /** Pairwise majority vote of the proxies; each architecture's score is the number of architectures it beats. */
  public static double[] vote(double[][] scores) {
    double[][] ranks = ranks(scores);
    int n = ranks[0].length;
    int p = ranks.length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(ranks[0][i])) {
        out[i] = Double.NaN;
        continue;
      }
      double wins = 0;
      for (int j = 0; j < n; j++) {
        if (j == i || Double.isNaN(ranks[0][j])) {
          continue;
        }
        int balance = 0;
        for (double[] r : ranks) {
          balance += Double.compare(r[i], r[j]);
        }
        wins += balance > 0 ? 1 : balance == 0 ? 0.5 : 0;
      }
      out[i] = wins;
    }
    return p == 0 ? new double[0] : out;
  }

  /** Each proxy's ranks; an architecture with NaN under any proxy gets NaN ranks everywhere. */
  private static double[][] ranks(double[][] scores) {
    int n = scores[0].length;
    NaturalRanking ranking = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE);
    boolean[] missing = new boolean[n];
    for (double[] proxy : scores) {
      if (proxy.length != n) {
        throw new IllegalArgumentException("proxies scored different numbers of architectures");
      }
      for (int i = 0; i < n; i++) {
        missing[i] |= Double.isNaN(proxy[i]);
      }
    }
    double[][] out = new double[scores.length][];
    for (int p = 0; p < scores.length; p++) {
      out[p] = n == 0 ? new double[0] : ranking.rank(scores[p].clone());
      for (int i = 0; i < n; i++) {
        if (missing[i]) {
          out[p][i] = Double.NaN;
        }
      }
    }
    return out;
  }
}
