package zcnas.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.SearchSpace;
import zcnas.util.Progress;
import zcnas.util.ZcnasException;

/**
 * The driver's bookkeeping of one {@link SparkScorer#score} call: the rows in input order, what the score cache
 * already holds (under the keys a single-process {@link Scorer} uses), the architectures to send (each once, with the
 * proxies it misses), the scores of each finished partition written to the cache as it arrives, errors by
 * architecture or partition, and progress.
 */
final class ScoreCall implements PartitionJobs.Receiver {
  /** An architecture the executors are sent: its positions in the input, its cache keys, the proxies it misses. */
  private static final class Pending {
    final String arch;
    final boolean[] missing;
    final String[][] keys;
    final List<Integer> positions = new ArrayList<>();

    Pending(String arch, boolean[] missing, String[][] keys) {
      this.arch = arch;
      this.missing = missing;
      this.keys = keys;
    }
  }

  private final double[][] result;
  private final int[] firstColumn;
  private final List<ZeroCostProxy> proxies;
  private final ScoreCache cache;
  private final BiConsumer<Integer, double[]> onRow;
  private final Consumer<String> sink;
  private final List<String> errors = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, Integer> jvms = new LinkedHashMap<>();
  private final int archs;
  private int cached;
  private Progress counter;
  private int parts;
  private int finished;
  private long reported;

  ScoreCall(int archs, List<ZeroCostProxy> proxies, ScoreCache cache, BiConsumer<Integer, double[]> onRow,
      Consumer<String> sink) {
    this.archs = archs;
    this.result = new double[archs][Scorer.columns(proxies).size()];
    this.firstColumn = new int[proxies.size()];
    for (int p = 1; p < proxies.size(); p++) {
      firstColumn[p] = firstColumn[p - 1] + proxies.get(p - 1).outputs().size();
    }
    this.proxies = proxies;
    this.cache = cache;
    this.onRow = onRow;
    this.sink = sink;
  }

  /**
   * Fills in the cached scores (complete rows go to onRow now) and returns the architectures to send, item i being
   * the i-th distinct architecture that misses a score.
   */
  List<PartitionTask.Item> lookUp(List<String> input, SearchSpace<?> space, String sessionKey) {
    Map<String, Pending> byArch = new LinkedHashMap<>();
    for (int i = 0; i < input.size(); i++) {
      String arch;
      try {
        // the single-process path keys scores by the parsed architecture's own notation
        arch = space.parse(input.get(i)).toString();
      } catch (RuntimeException e) {
        errors.add("architecture " + input.get(i) + ": " + e.getMessage());
        continue;
      }
      Pending known = byArch.get(arch);
      if (known != null) {
        known.positions.add(i);
        continue;
      }
      boolean[] missing = new boolean[proxies.size()];
      String[][] keys = new String[proxies.size()][];
      boolean any = false;
      for (int p = 0; p < proxies.size(); p++) {
        List<String> outputs = proxies.get(p).outputs();
        keys[p] = new String[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
          keys[p][o] = Scorer.key(proxies.get(p), outputs.get(o), sessionKey, space.name(), arch);
          Double v = cache.get(keys[p][o]);
          if (v == null) {
            missing[p] = true;
          } else {
            result[i][firstColumn[p] + o] = v;
          }
        }
        any |= missing[p];
      }
      if (any) {
        Pending pd = new Pending(arch, missing, keys);
        pd.positions.add(i);
        byArch.put(arch, pd);
      } else {
        cached++;
        onRow.accept(i, result[i].clone());
      }
    }
    pending.addAll(byArch.values());
    List<PartitionTask.Item> items = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      items.add(new PartitionTask.Item(i, pending.get(i).arch, pending.get(i).missing));
    }
    return items;
  }

  /** Rows complete from the cache alone. */
  int cached() {
    return cached;
  }

  /** The items go out in this many partitions. */
  void expect(int partitions) {
    this.parts = partitions;
    this.counter = new Progress("scored", pending.size(), line -> { }, 5);
  }

  @Override
  public void scored(PartitionTask.Result r) {
    jvms.merge(r.jvm(), r.engineStarts(), Math::max);
    if (r.attempt() > 0) {
      sink.accept("spark: partition " + r.partition() + " scored on attempt " + (r.attempt() + 1));
    }
    for (PartitionTask.Row row : r.rows()) {
      Pending pd = pending.get(row.index());
      if (row.error() != null) {
        errors.add(row.error().contains(pd.arch) ? row.error() : "architecture " + pd.arch + ": " + row.error());
        counter.step();
        continue;
      }
      int c = 0;
      for (int p = 0; p < proxies.size(); p++) {
        if (!pd.missing[p]) {
          continue;
        }
        for (int out = 0; out < pd.keys[p].length; out++) {
          double v = row.scores()[c++];
          cache.put(pd.keys[p][out], v);
          for (int at : pd.positions) {
            result[at][firstColumn[p] + out] = v;
          }
        }
      }
      for (int at : pd.positions) {
        onRow.accept(at, result[at].clone());
      }
      counter.step();
    }
    partitionDone();
  }

  @Override
  public void failed(int partition, List<PartitionTask.Item> items, String reason) {
    List<String> names = items.stream().map(PartitionTask.Item::arch).toList();
    errors.add("partition " + partition + " (" + names.size() + " architectures: " + String.join(", ", names)
        + ") failed: " + reason);
    partitionDone();
  }

  /** One progress line per finished partition, at most one every 5 s (and the last). */
  private void partitionDone() {
    finished++;
    long now = System.nanoTime();
    if (reported == 0 || now - reported >= 5_000_000_000L || finished == parts) {
      sink.accept("spark: " + counter.message(now));
      reported = now;
    }
  }

  /** The executor JVMs that scored partitions, with their engine start counts. */
  Map<String, Integer> engineStarts() {
    return jvms;
  }

  /**
   * Reports the executor JVMs and returns the rows.
   *
   * @throws ZcnasException naming every architecture or partition not scored (the rest is in the cache)
   */
  double[][] finish() {
    if (!jvms.isEmpty()) {
      boolean once = jvms.values().stream().allMatch(n -> n == 1);
      sink.accept("spark: scored in " + jvms.size() + " executor JVM" + (jvms.size() == 1 ? "" : "s") + ", engine "
          + (once ? "started once in each" : "starts per JVM " + jvms));
    }
    if (!errors.isEmpty()) {
      throw new ZcnasException(errors.size() + " of " + archs + " architectures or partitions were not scored "
          + "(every score computed is in the score cache: a rerun computes only what is missing):\n  "
          + String.join("\n  ", errors));
    }
    return result;
  }
}
