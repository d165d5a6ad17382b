package zcnas.score;

import java.util.List;
import java.util.function.Consumer;
import zcnas.proxy.ZeroCostProxy;

/**
 * Scores a batch of architectures with proxies, through the score cache: in this process ({@link Scorer}) or spread
 * over a cluster (zcnas.spark). Searches hand it their warm-up pool and each batch of mutants.
 */
public interface BatchScorer<A> {
  /** result[a][column], columns as in {@link Scorer#columns(List)}; progress lines go to the sink. */
  double[][] score(List<A> archs, List<ZeroCostProxy> proxies, Consumer<String> progressSink);

  /** Fails now, naming the proxy, if a proxy cannot be computed (e.g. its batch does not fit the images). */
  void check(List<ZeroCostProxy> proxies);
}
