package zcnas.cli;

import zcnas.score.ScoreCache;

/** What a tool says when it is interrupted (Ctrl-C, SIGTERM) before it finished: which computed scores were kept. */
final class Interruption {
  private static volatile boolean finished;

  private Interruption() {
  }

  /** The tool returned: a later shutdown is the normal end. */
  static void finished() {
    finished = true;
  }

  /** Run by the shutdown hook. */
  static void report() {
    if (!finished) {
      System.err.println("\nzcnas: interrupted; " + ScoreCache.describeOpen());
      System.err.flush();
    }
  }
}
