package zcnas.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.SearchSpace;
import zcnas.util.ZcnasException;

/**
 * The executor side of a job: scores the architectures of one partition with the proxies each still misses, through
 * the same {@link Scorer} as a single-process run, and returns one result for the whole partition. An architecture
 * that cannot be scored comes back as an error naming it (the others of the partition are still scored); anything
 * else fails the task, which Spark retries.
 */
final class PartitionTask implements FlatMapFunction<Iterator<PartitionTask.Item>, PartitionTask.Result> {
  private static final long serialVersionUID = 1L;

  /** One architecture to score: its position among the architectures sent, and which proxies it misses. */
  record Item(int index, String arch, boolean[] missing) implements Serializable {
  }

  /** The scores of the missing proxies' outputs in proxy order, or the error that stopped them. */
  record Row(int index, double[] scores, String error) implements Serializable {
  }

  /** A partition's rows, and where and how they were computed. */
  record Result(int partition, int attempt, String jvm, int engineStarts, int threads, double seconds, List<Row> rows)
      implements Serializable {
  }

  private final SessionSpec session;
  private final SpaceSpec space;
  private final List<ZeroCostProxy> proxies;
  private final String sessionKey;
  private final int partition;
  private final int failFirstAttempt;

  /** The task of one partition (its own one-partition RDD: see PartitionJobs). */
  PartitionTask(SessionSpec session, SpaceSpec space, List<ZeroCostProxy> proxies, String sessionKey, int partition,
      int failFirstAttempt) {
    this.session = session;
    this.space = space;
    this.proxies = List.copyOf(proxies);
    this.sessionKey = sessionKey;
    this.partition = partition;
    this.failFirstAttempt = failFirstAttempt;
  }

  /** The task's intra-op threads: spark.task.cpus. */
  static int taskThreads() {
    TaskContext context = TaskContext.get();
    return context == null ? 1 : Math.max(1, context.cpus());
  }

  /** Opens (or finds) this executor's session and returns its cache key: what the driver keys the scores by. */
  static String probe(SessionSpec spec) {
    return ExecutorState.session(spec, taskThreads()).key();
  }

  /** On an executor: "" when every proxy's batch fits the session's images, else the error naming the proxy. */
  static String check(SessionSpec spec, SpaceSpec space, List<ZeroCostProxy> proxies) {
    ScoringSession s = ExecutorState.session(spec, taskThreads());
    try (ScoreCache none = ScoreCache.open(null)) {
      new Scorer<>(s, none, space.create()).check(proxies);
      return "";
    } catch (ZcnasException e) {
      return e.getMessage();
    }
  }

  @Override
  public Iterator<Result> call(Iterator<Item> items) {
    long t0 = System.nanoTime();
    TaskContext context = TaskContext.get();
    int attempt = context == null ? 0 : context.attemptNumber();
    if (partition == failFirstAttempt && attempt == 0) {
      throw new IllegalStateException("fault injected by -D" + SparkScorer.FAIL_FIRST_ATTEMPT + "=" + partition
          + " (first attempt of partition " + partition + ")");
    }
    int threads = taskThreads();
    ScoringSession s = ExecutorState.session(session, threads);
    if (!s.key().equals(sessionKey)) {
      throw new ZcnasException("executor " + ExecutorState.jvm() + " scores with '" + s.key() + "' but the driver "
          + "keys scores by '" + sessionKey + "': every executor needs the same images, device and threads");
    }
    SearchSpace<?> sp = space.create();
    List<Row> rows = new ArrayList<>();
    while (items.hasNext()) {
      rows.add(score(s, sp, items.next()));
    }
    return List.of(new Result(partition, attempt, ExecutorState.jvm(), ExecutorState.engineStarts(), threads,
        (System.nanoTime() - t0) / 1e9, rows)).iterator();
  }

  private <A> Row score(ScoringSession s, SearchSpace<A> sp, Item item) {
    List<ZeroCostProxy> subset = new ArrayList<>();
    for (int p = 0; p < proxies.size(); p++) {
      if (item.missing()[p]) {
        subset.add(proxies.get(p));
      }
    }
    try (ScoreCache none = ScoreCache.open(null)) {
      A arch = sp.parse(item.arch());
      return new Row(item.index(), new Scorer<>(s, none, sp).score(List.of(arch), subset, line -> { })[0], null);
    } catch (ZcnasException e) {
      return new Row(item.index(), null, e.getMessage());
    } catch (RuntimeException e) {
      return new Row(item.index(), null, "architecture " + item.arch() + ": " + e);
    }
  }
}
