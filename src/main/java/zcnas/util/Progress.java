package zcnas.util;

import java.util.function.Consumer;

/** Counts work done and reports done/total, rate and time left, at most once per interval. */
public final class Progress {
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
    if (done == total || now - lastReport >= intervalNanos) {
      lastReport = now;
      sink.accept(message(now));
    }
  }

  public synchronized String message(long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String left = rate > 0 ? duration((total - done) / rate) : "?";
    return String.format("%s %d/%d (%.0f%%), %.2f/s, %s left", what, done, total, 100.0 * done / Math.max(1, total),
        rate, left);
  }

  public static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
  }
}
