package zcnas.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.BatchScorer;
import zcnas.stats.RankAggregation;
import zcnas.util.Progress;

/**
 * What a search maximises, and its budget: every architecture is scored once (through the score cache), and the
 * guide is the proxy's score, or for several proxies their mean rank over everything scored so far (so an
 * ensemble needs no common scale; its values move as the search goes on). NaN and -Infinity rank lowest.
 */
public final class SearchObjective<A> {
  /** A batch from this size on (a warm-up pool) reports its own progress while it is scored. */
  private static final int LARGE_BATCH = 100;
  private final BatchScorer<A> scorer;
  private final List<ZeroCostProxy> proxies;
  private final int budget;
  /** Column of each proxy's own score among the scorer's output columns. */
  private final int[] scoreColumn;
  private final Map<A, double[]> scored = new LinkedHashMap<>();
  private final Map<A, Integer> order = new java.util.HashMap<>();
  private final Progress progress;
  private final Consumer<String> sink;
  private Map<A, Double> meanRanks;

  public SearchObjective(BatchScorer<A> scorer, List<ZeroCostProxy> proxies, int budget, Consumer<String> progressSink) {
    this.scorer = scorer;
    this.sink = progressSink;
    this.proxies = List.copyOf(proxies);
    this.budget = budget;
    this.scoreColumn = new int[proxies.size()];
    int column = 0;
    for (int p = 0; p < proxies.size(); p++) {
      scoreColumn[p] = column;
      column += proxies.get(p).outputs().size();
    }
    this.progress = new Progress("scored", budget, line -> progressSink.accept(line + ", best " + bestLabel()), 5);
  }

  public List<ZeroCostProxy> proxies() {
    return proxies;
  }

  public int budget() {
    return budget;
  }

  public int remaining() {
    return budget - scored.size();
  }

  public boolean exhausted() {
    return scored.size() >= budget;
  }

  public boolean isScored(A arch) {
    return scored.containsKey(arch);
  }

  public int scoredCount() {
    return scored.size();
  }

  /** Scores the architectures not scored yet, in order, as far as the budget goes; returns how many it scored. */
  public int evaluate(Collection<A> archs) {
    List<A> fresh = new ArrayList<>();
    for (A a : archs) {
      if (!scored.containsKey(a) && !fresh.contains(a) && scored.size() + fresh.size() < budget) {
        fresh.add(a);
      }
    }
    // one batch: a cluster scores it in parallel; the order of scoring stays that of the strategy
    Consumer<String> batchProgress = fresh.size() >= LARGE_BATCH ? line -> sink.accept("  " + line) : line -> { };
    double[][] rows = fresh.isEmpty() ? new double[0][] : scorer.score(fresh, proxies, batchProgress);
    for (int i = 0; i < fresh.size(); i++) {
      scored.put(fresh.get(i), rows[i]);
      order.put(fresh.get(i), scored.size());
      meanRanks = null;
      progress.step();
    }
    return fresh.size();
  }

  /** The guide's value of a scored architecture: higher is better. */
  public double value(A arch) {
    double[] row = scored.get(arch);
    if (row == null) {
      throw new IllegalArgumentException("not scored: " + arch);
    }
    if (proxies.size() == 1) {
      double v = row[scoreColumn[0]];
      return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
    if (meanRanks == null) {
      meanRanks = rankAll();
    }
    double v = meanRanks.get(arch);
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  private Map<A, Double> rankAll() {
    List<A> archs = new ArrayList<>(scored.keySet());
    double[][] byProxy = new double[proxies.size()][archs.size()];
    for (int p = 0; p < proxies.size(); p++) {
      for (int a = 0; a < archs.size(); a++) {
        byProxy[p][a] = scored.get(archs.get(a))[scoreColumn[p]];
      }
    }
    double[] ranks = RankAggregation.meanRank(byProxy);
    Map<A, Double> out = new LinkedHashMap<>();
    for (int a = 0; a < archs.size(); a++) {
      out.put(archs.get(a), ranks[a]);
    }
    return out;
  }

  /** The best of some scored architectures (the first of equals). */
  public A best(Collection<A> archs) {
    A best = null;
    for (A a : archs) {
      if (best == null || value(a) > value(best)) {
        best = a;
      }
    }
    return best;
  }

  /** Every scored architecture, best first (ties in scoring order). */
  public List<A> ranking() {
    List<A> all = new ArrayList<>(scored.keySet());
    all.sort(Comparator.comparingDouble((A a) -> value(a)).reversed());
    return all;
  }

  /** The scorer's output columns for a scored architecture (see {@link zcnas.score.Scorer#columns(List)}). */
  public double[] scores(A arch) {
    return scored.get(arch).clone();
  }

  /** 1-based position in scoring order. */
  public int scoredAt(A arch) {
    return order.getOrDefault(arch, -1);
  }

  private String bestLabel() {
    return scored.isEmpty() ? "-" : String.format("%.6g", value(best(scored.keySet())));
  }
}
