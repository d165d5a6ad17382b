package zcnas.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.CpuSession;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.GradNorm;
import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;
import zcnas.util.ZcnasException;

/**
 * Stopping a run (the GUI's Stop, Ctrl-C) keeps what was computed, and the next run resumes from it; workers compute
 * what one thread computes.
 */
class ScorerTest extends CpuSession {
  /** SynFlow that asks its thread to stop once it has scored a given number of architectures (0: never). */
  static final class StopAfter extends SynFlow {
    private static final long serialVersionUID = 1L;
    private final int stopAfter;
    private int calls;

    StopAfter(int stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public double score(ArchitectureContext context) {
      double s = super.score(context);
      if (++calls == stopAfter) {
        Thread.currentThread().interrupt();
      }
      return s;
    }
  }

  @Test
  void aStoppedRunKeepsItsScoresAndTheNextComputesOnlyTheRest(@TempDir Path dir) {
    List<Nb201Architecture> archs = Nb201Architecture.sample(5, 3);
    Path file = dir.resolve("scores.tsv");
    List<String> progress = new ArrayList<>();
    try (ScoreCache cache = ScoreCache.open(file)) {
      Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, new Nb201Space());
      ZcnasException e = assertThrows(ZcnasException.class,
          () -> scorer.score(archs, List.<ZeroCostProxy>of(new StopAfter(2)), progress::add));
      assertTrue(e.getMessage().startsWith("stopped after 2 of 5 architectures") && e.getMessage().contains(
          file.toString()), e.getMessage());
      assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
      assertEquals(2, cache.size());
    }
    progress.clear();
    double[][] resumed;
    try (ScoreCache cache = ScoreCache.open(file)) {
      // the same proxy class and options, so the same cache keys
      Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, new Nb201Space());
      resumed = scorer.score(archs, List.<ZeroCostProxy>of(new StopAfter(0)), progress::add);
      assertEquals(5, cache.size());
      assertEquals(2, scorer.foundInCache());
    }
    assertTrue(progress.get(0).startsWith("2 of 5 architectures found in the score cache; 3 to compute"),
        progress.toString());
    for (int a = 0; a < archs.size(); a++) {
      assertEquals(score(new SynFlow(), new Nb201Space().network(archs.get(a), session.dataset())), resumed[a][0]);
    }
  }

  /** SynFlow that counts its scores and the threads they ran on, and fails on a network whose score it is given. */
  static final class Watched extends SynFlow {
    private static final long serialVersionUID = 1L;
    final AtomicInteger calls = new AtomicInteger();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final double failOn;
    private final Thread interruptAfterFirst;

    Watched(double failOn, Thread interruptAfterFirst) {
      this.failOn = failOn;
      this.interruptAfterFirst = interruptAfterFirst;
    }

    @Override
    public double score(ArchitectureContext context) {
      double s = super.score(context);
      threads.add(Thread.currentThread());
      if (calls.incrementAndGet() == 1 && interruptAfterFirst != null) {
        interruptAfterFirst.interrupt();
      }
      if (s == failOn) {
        throw new IllegalStateException("failed on purpose");
      }
      return s;
    }
  }

  private static GradNorm gradNorm8() {
    GradNorm g = new GradNorm();
    g.setBatchSize(8);
    return g;
  }

  @Test
  void workersComputeEachArchitectureOnceWithTheScoresOfOneThread() {
    List<Nb201Architecture> archs = new ArrayList<>(Nb201Architecture.sample(7, 5));
    archs.add(archs.get(2));
    archs.add(archs.get(5));
    double[][] one;
    try (ScoreCache cache = ScoreCache.open(null)) {
      one = new Scorer<>(session, cache, new Nb201Space()).score(archs, List.of(new SynFlow(), gradNorm8()), l -> { });
    }
    Watched watched = new Watched(Double.NaN, null);
    double[][] three;
    try (ScoreCache cache = ScoreCache.open(null)) {
      three = new Scorer<>(session, cache, new Nb201Space(), 3).score(archs, List.of(watched, gradNorm8()), l -> { });
    }
    for (int a = 0; a < archs.size(); a++) {
      assertArrayEquals(one[a], three[a], "row " + a);
    }
    Set<String> distinct = new HashSet<>();
    archs.forEach(a -> distinct.add(a.toString()));
    assertEquals(distinct.size(), watched.calls.get(), "each architecture computed once, copies from the cache");
    assertTrue(watched.threads.stream().allMatch(t -> t.getName().startsWith("zcnas-worker-")),
        watched.threads.toString());
  }

  @Test
  void workersKeepTheirThreadsFromOneCallToTheNext() {
    List<Nb201Architecture> archs = Nb201Architecture.sample(8, 17);
    Watched seen = new Watched(Double.NaN, null);
    try (ScoreCache cache = ScoreCache.open(null)) {
      Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, new Nb201Space(), 2);
      scorer.score(archs.subList(0, 4), List.of(seen), l -> { });
      scorer.score(archs.subList(4, 7), List.of(seen), l -> { });
      scorer.score(archs.subList(7, 8), List.of(seen), l -> { });
    }
    assertTrue(seen.threads.size() <= 2 && !seen.threads.contains(Thread.currentThread()), seen.threads.toString());
  }

  @Test
  void aFailureStopsTheWorkersAndKeepsEveryArchitectureTakenBeforeIt() {
    List<Nb201Architecture> archs = Nb201Architecture.sample(10, 9);
    int bad = 6;
    double badScore = score(new SynFlow(), new Nb201Space().network(archs.get(bad), session.dataset()));
    try (ScoreCache cache = ScoreCache.open(null)) {
      Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, new Nb201Space(), 2);
      ZcnasException e = assertThrows(ZcnasException.class,
          () -> scorer.score(archs, List.<ZeroCostProxy>of(new Watched(badScore, null)), l -> { }));
      assertTrue(e.getMessage().startsWith("scoring architecture " + archs.get(bad) + " failed")
          && e.getMessage().contains("failed on purpose"), e.getMessage());
      assertTrue(cache.size() >= bad && cache.size() < archs.size(), "kept " + cache.size());
      assertTrue(!Thread.currentThread().isInterrupted());
    }
  }

  @Test
  void stoppingTheCallerStopsTheWorkersAndKeepsTheirScores() {
    List<Nb201Architecture> archs = Nb201Architecture.sample(12, 13);
    try (ScoreCache cache = ScoreCache.open(null)) {
      Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, new Nb201Space(), 2);
      Watched watched = new Watched(Double.NaN, Thread.currentThread());
      ZcnasException e = assertThrows(ZcnasException.class,
          () -> scorer.score(archs, List.<ZeroCostProxy>of(watched), l -> { }));
      assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
      assertTrue(e.getMessage().startsWith("stopped after " + cache.size() + " of 12 architectures"), e.getMessage());
      assertTrue(cache.size() >= 1 && cache.size() < archs.size() && cache.size() == watched.calls.get(),
          "kept " + cache.size());
    }
  }

  @Test
  void progressReportsResidentMemoryAtTheTrimPointOnceTheHeapWasTrimmed() {
    // one more than the trim interval, so a trim falls before the last progress line whatever this JVM computed before
    List<Nb201Architecture> archs = Nb201Architecture.sample(65, 11);
    List<String> progress = new ArrayList<>();
    try (ScoreCache cache = ScoreCache.open(null)) {
      new Scorer<>(session, cache, new Nb201Space()).score(archs, List.<ZeroCostProxy>of(new SynFlow()), progress::add);
    }
    String last = progress.get(progress.size() - 1);
    assertTrue(last.matches("scored 65/65 .*RSS \\d+ MiB \\(\\d+ after the last heap trim\\)"), last);
  }
}
