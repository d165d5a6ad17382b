package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import zcnas.CpuSession;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;

/**
 * Several threads of one JVM score at once (as Spark tasks in one executor do): every backward pass runs on its own
 * thread (zcnas.engine.Backward, not DJL's one-per-JVM gradient collector), and the scores are exactly those of
 * one thread alone.
 */
class ConcurrentScoringTest extends CpuSession {
  private static final int THREADS = 2;

  /** Fresh instances per thread, as Spark deserialises them per task: every proxy with a backward pass, and NASWOT. */
  static List<ZeroCostProxy> proxies() {
    List<ZeroCostProxy> p = new ArrayList<>(Proxies.parseList("gradnorm,snip,synflow,naswot", 1));
    ZeroCostProxy official = Proxies.parse("croze -variant official");
    official.setSeed(1);
    p.add(official);
    return p;
  }

  static double[][] score(List<Nb201Architecture> archs) {
    try (ScoreCache none = ScoreCache.open(null)) {
      return new Scorer<>(session, none, new Nb201Space()).score(archs, proxies(), line -> { });
    }
  }

  @Test
  void twoThreadsGiveExactlyTheScoresOfOne() throws Exception {
    List<Nb201Architecture> archs = Nb201Architecture.sample(3, 7);
    double[][] alone = score(archs);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<double[][]>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        // each thread takes the architectures in another order, so different networks' passes interleave
        List<Nb201Architecture> order = new ArrayList<>(archs);
        Collections.rotate(order, t);
        int shift = t;
        runs.add(pool.submit(() -> {
          start.await();
          double[][] rows = score(order);
          double[][] back = new double[rows.length][];
          for (int i = 0; i < rows.length; i++) {
            back[(i - shift + rows.length) % rows.length] = rows[i];
          }
          return back;
        }));
      }
      for (Future<double[][]> run : runs) {
        double[][] rows = run.get(5, TimeUnit.MINUTES);
        for (int a = 0; a < archs.size(); a++) {
          assertArrayEquals(alone[a], rows[a], 0.0, "architecture " + archs.get(a));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(Double.isFinite(alone[0][0]));
  }
}
