package zcnas.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.CpuSession;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;
import zcnas.util.ZcnasException;

/** Stopping a run (the GUI's Stop, Ctrl-C) keeps what was computed, and the next run resumes from it. */
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
