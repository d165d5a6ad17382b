package zcnas.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.BatchScorer;
import zcnas.score.ScoreCache;
import zcnas.space.SearchSpace;

/**
 * A {@link BatchScorer} on Spark: each batch (a score tool's list, a search's warm-up pool or batch of mutants, an
 * experiment's seed on one data set) is one {@link SparkScorer#score} call, spread over the executors, through the
 * driver's score cache. The caller (the search, the experiment) stays on the driver.
 */
final class SparkBatchScorer<A> implements BatchScorer<A> {
  private final SparkScorer spark;
  private final SessionSpec session;
  private final SearchSpace<A> space;
  private final SpaceSpec spec;
  private final ScoreCache cache;

  SparkBatchScorer(SparkScorer spark, SessionSpec session, SearchSpace<A> space, SpaceSpec spec, ScoreCache cache) {
    if (!spec.id().equals(space.id())) {
      throw new IllegalArgumentException("space " + space.id() + " described as " + spec.id());
    }
    this.spark = spark;
    this.session = session;
    this.space = space;
    this.spec = spec;
    this.cache = cache;
  }

  @Override
  public double[][] score(List<A> archs, List<ZeroCostProxy> proxies, Consumer<String> progressSink) {
    List<String> names = new ArrayList<>(archs.size());
    for (A a : archs) {
      names.add(a.toString());
    }
    return spark.score(session, spec, names, proxies, cache, (i, row) -> { }, progressSink);
  }

  @Override
  public void check(List<ZeroCostProxy> proxies) {
    spark.check(session, spec, proxies);
  }
}
