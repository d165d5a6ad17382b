package zcnas.spark;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.BatchScorer;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.SearchSpace;
import zcnas.util.ZcnasException;

/**
 * Scores architectures on a Spark cluster (or in local mode): rows in input order, columns as
 * {@link Scorer#columns(List)}, bit for bit the scores of a single-process run with the same intra-op threads, under
 * the same score cache keys.
 *
 * <p>Per call the driver looks every (proxy, architecture) up in the score cache and sends only the architectures
 * that miss a score (each once, with the proxies it misses), in partitions ({@link PartitionJobs}: one job per
 * partition, rows back as each partition finishes); the driver writes each partition's scores into the cache there
 * and then (so a killed driver loses only unfinished partitions) and hands every row to {@code onRow}. An
 * architecture that cannot be scored is reported by name at the end, after every other row is cached; a failed task
 * is retried by Spark as far as the master allows ({@code local[N,F]}, {@code spark.task.maxFailures}). One instance
 * holds one Spark context: a search scores its warm-up pool and each batch of mutants through it
 * ({@link #batchScorer}).
 */
public final class SparkScorer implements AutoCloseable {
  /** The master value that takes the master from spark-submit's configuration. */
  public static final String FROM_SPARK_SUBMIT = "spark-submit";
  /** Fault injection, see the package documentation. */
  public static final String FAIL_FIRST_ATTEMPT = "zcnas.spark.failFirstAttempt";

  private final JavaSparkContext spark;
  private final PartitionJobs jobs;
  private final int taskCpus;
  private final Map<SessionSpec, String> sessionKeys = new HashMap<>();
  private final Map<String, Integer> engineStarts = new LinkedHashMap<>();
  private final Set<String> checked = new HashSet<>();
  private int partitions;
  private int lastSent;

  /**
   * Starts a Spark context. {@code master}: local[N], local[N,F] (F attempts per task), spark://host:port, yarn,
   * k8s://..., or {@link #FROM_SPARK_SUBMIT}. {@code taskCpus}: PyTorch intra-op threads per task, = spark.task.cpus
   * (0: the configured value, default 1). {@code conf}: further Spark settings. Local masters get no UI and bind to
   * 127.0.0.1 unless told otherwise; other masters get the package jar, its lib/ jars and Weka's jar shipped.
   */
  public SparkScorer(String master, int taskCpus, Map<String, String> conf) {
    this.spark = SparkSetup.start(master, taskCpus, conf);
    this.taskCpus = Math.max(1, spark.getConf().getInt("spark.task.cpus", 1));
    this.jobs = new PartitionJobs(spark);
  }

  public SparkScorer(String master, int taskCpus) {
    this(master, taskCpus, Map.of());
  }

  /**
   * Architectures per partition at most, by default: a partition's rows reach the cache and the progress line only
   * when it ends, so a long run gets partitions of about a minute of scoring.
   */
  static final int MAX_PARTITION = 32;

  /**
   * Partitions per call (0, the default: four per task slot, more where a partition would hold over
   * {@value #MAX_PARTITION} architectures; at most one per architecture).
   */
  public void setPartitions(int partitions) {
    this.partitions = partitions;
  }

  /** Architectures sent to the executors by the last call (the others were cached). */
  public int lastSent() {
    return lastSent;
  }

  /** Every executor JVM that scored a partition, with how many times its holder started the engine (1 each). */
  public Map<String, Integer> engineStarts() {
    return Map.copyOf(engineStarts);
  }

  /** The master the context runs on. */
  public String master() {
    return spark.master();
  }

  /** PyTorch intra-op threads of each task: spark.task.cpus. */
  public int taskCpus() {
    return taskCpus;
  }

  /** Tasks that run at once: Spark's default parallelism (cores) over the cores of a task. */
  public int slots() {
    return Math.max(1, spark.defaultParallelism() / taskCpus);
  }

  public JavaSparkContext context() {
    return spark;
  }

  /** A {@link BatchScorer} on this context for a session and space (rebuilt on the executors from the specs). */
  public <A> BatchScorer<A> batchScorer(SessionSpec session, SearchSpace<A> space, SpaceSpec spec, ScoreCache cache) {
    return new SparkBatchScorer<>(this, session, space, spec, cache);
  }

  /** Fails now, naming the proxy, when a proxy's batch does not fit an executor's images. */
  public void check(SessionSpec session, SpaceSpec space, List<ZeroCostProxy> proxies) {
    String error;
    try {
      error = spark.parallelize(List.of(0), 1).map(i -> PartitionTask.check(session, space, proxies)).collect().get(0);
    } catch (Exception e) {
      throw new ZcnasException("cannot open the scoring session on a Spark executor: " + SparkSetup.oneLine(e), e);
    }
    if (!error.isEmpty()) {
      throw new ZcnasException(error);
    }
  }

  /**
   * Scores the architectures (in the space's notation) with the proxies; see the class documentation. Scores already
   * in {@code cache} are used as they are; new ones are written to it as their partition finishes. {@code onRow}
   * gets (index, row) for every architecture once its row is complete, cached rows first, on the calling thread.
   *
   * @throws ZcnasException naming every architecture (or failed partition) not scored, after the rest is cached
   */
  public double[][] score(SessionSpec session, SpaceSpec space, List<String> archs, List<ZeroCostProxy> proxies,
      ScoreCache cache, BiConsumer<Integer, double[]> onRow, Consumer<String> progressSink) {
    ScoreCall call = new ScoreCall(archs.size(), proxies, cache, onRow, progressSink);
    String sessionKey = archs.isEmpty() ? "" : sessionKey(session);
    List<PartitionTask.Item> items = call.lookUp(archs, space.create(), sessionKey);
    lastSent = items.size();
    if (!items.isEmpty()) {
      if (checked.add(session + "\n" + space + "\n" + proxies.stream().map(ZeroCostProxy::cacheKey).toList())) {
        // one clear error for a batch that does not fit, not one per architecture
        check(session, space, proxies);
      }
      int slots = slots();
      int parts = partitions > 0 ? Math.min(items.size(), partitions) : defaultPartitions(items.size(), slots);
      progressSink.accept(String.format("spark: %d architectures to score (%d cached) in %d partitions, %d task slot%s "
          + "of %d thread%s, master %s", items.size(), call.cached(), parts, slots, slots == 1 ? "" : "s", taskCpus,
          taskCpus == 1 ? "" : "s", spark.master()));
      int fault = Integer.getInteger(FAIL_FIRST_ATTEMPT, -1);
      call.expect(parts);
      jobs.run(items, parts, Math.max(4, 2 * slots), p -> new PartitionTask(session, space, proxies, sessionKey, p,
          fault), call, progressSink);
      call.engineStarts().forEach((jvm, n) -> engineStarts.merge(jvm, n, Math::max));
    }
    return call.finish();
  }

  static int defaultPartitions(int items, int slots) {
    return Math.min(items, Math.max(4 * slots, (items + MAX_PARTITION - 1) / MAX_PARTITION));
  }

  /** The executors' session key for the spec (what the scores are cached under), from a one-task probe job. */
  private String sessionKey(SessionSpec spec) {
    String key = sessionKeys.get(spec);
    if (key == null) {
      try {
        key = spark.parallelize(List.of(0), 1).map(i -> PartitionTask.probe(spec)).collect().get(0);
      } catch (Exception e) {
        throw new ZcnasException("cannot open the scoring session on a Spark executor: " + SparkSetup.oneLine(e), e);
      }
      sessionKeys.put(spec, key);
    }
    return key;
  }

  @Override
  public void close() {
    spark.stop();
  }
}
