package zcnas.util;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Counts work done and reports done/total, rate, time left and the process's resident memory, at most once per
 * interval (and always at the end).
 */
public final class Progress {
  /** A sink that also wants every step (a progress window), not only the periodic lines. */
  public interface Sink extends Consumer<String> {
    /** After each step: the counts and the progress line as it reads now. */
    void update(int done, int total, String line);
  }

  private final String what;
  private final int total;
  private final Consumer<String> sink;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private long lastReport;
  private int done;

  public Progress(String what, int total, Consumer<String> sink, double intervalSeconds) {
    this.what = what;
    this.total = total;
    this.sink = sink;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
    this.lastReport = start;
  }

  public synchronized void step() {
    done++;
    long now = System.nanoTime();
    boolean report = done == total || now - lastReport >= intervalNanos;
    // one line per step at most: it reads the process's memory from the kernel
    String line = report || sink instanceof Sink ? message(now) : null;
    if (sink instanceof Sink window) {
      window.update(done, total, line);
    }
    if (report) {
      lastReport = now;
      sink.accept(line);
    }
  }

  public synchronized int done() {
    return done;
  }

  public synchronized String message(long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String left = done == total ? "done in " + duration(seconds)
        : (rate > 0 ? duration((total - done) / rate) : "?") + " left";
    String trimmed = Memory.afterTrimMiB();
    return String.format(Locale.ROOT, "%s %d/%d (%.0f%%), %.2f/s, %s, RSS %s MiB%s", what, done, total,
        100.0 * done / Math.max(1, total), rate, left, Memory.residentMiB(),
        trimmed == null ? "" : " (" + trimmed + " after the last heap trim)");
  }

  public static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
  }
}
