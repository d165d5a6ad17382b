package zcnas.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.data.DataPaths;
import zcnas.proxy.ScoringSession;
import zcnas.score.BatchScorer;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.SearchSpace;
import zcnas.spark.SessionSpec;
import zcnas.spark.SpaceSpec;
import zcnas.spark.SparkScorer;
import zcnas.util.ZcnasException;

/**
 * Where the score, search and experiment tools compute their scores, chosen in this one place by {@code -master} and
 * {@code -workers}: in this process (a {@link ScoringSession} per data set and the {@link Scorer}, with its
 * workers), or on Apache Spark ({@link SparkScorer}, one context for the whole run). Either way through the same
 * score cache, which this holds; closing it closes everything it opened. Spark's classes are touched only when
 * -master is given.
 */
final class Scorers implements AutoCloseable {
  static final String USAGE =
      "  -workers N                  architectures scored at once in this process, each on a thread of its own\n"
      + "                              (default 1); -threads then defaults to 1, so N workers give exactly the\n"
      + "                              scores of -threads 1 (and of -master local[N]): on NB201's small networks\n"
      + "                              faster than N threads per architecture, at N times the memory\n"
      + "  -master URL                 score on Apache Spark: local[N] (local[N,F]: F attempts per task),\n"
      + "                              spark://HOST:PORT, yarn, k8s://..., or spark-submit (its master); -threads N\n"
      + "                              is then the PyTorch threads per task = spark.task.cpus (default 1, so\n"
      + "                              -master local[2] gives exactly the scores of -threads 1 without it). Needs\n"
      + "                              Spark on the class path: bin/zcnas in a built checkout, or spark-submit\n";

  /** Where scores are computed: on Spark at {@code master}, or with null in this process with {@code workers}. */
  record Placement(String master, int workers) {
  }

  private final CommonOptions common;
  private final int workers;
  private final ScoreCache cache;
  private final Map<CifarDataset, ScoringSession> sessions = new LinkedHashMap<>();
  private final SparkScorer spark;

  private Scorers(CommonOptions common, int workers, ScoreCache cache, SparkScorer spark) {
    this.common = common;
    this.workers = workers;
    this.cache = cache;
    this.spark = spark;
  }

  /**
   * -master and -workers (taken out of the options), after {@link CommonOptions#parse}: with workers and no -threads,
   * one intra-op thread each.
   */
  static Placement placement(String[] options, CommonOptions common) throws Exception {
    boolean workersGiven = Utils.getOptionPos("workers", options) >= 0;
    int cores = Runtime.getRuntime().availableProcessors();
    int workers = (int) CommonOptions.longOption(options, "workers", 1, 1, 4L * cores,
        "between 1 and " + 4 * cores + " (4 x the " + cores + " cores)");
    if (Utils.getOptionPos("master", options) < 0) {
      common.threads = Scorer.intraOpThreads(common.threads, workers);
      return new Placement(null, workers);
    }
    String master = Utils.getOption("master", options).trim();
    if (master.isEmpty()) {
      throw new ZcnasException("-master needs a Spark master URL: local[N], spark://HOST:PORT, yarn, k8s://... or "
          + "spark-submit");
    }
    if (workersGiven) {
      throw new ZcnasException("-workers is for scoring in this process; with -master the tasks run at once "
          + "(local[N]: N of them)");
    }
    return new Placement(master, 1);
  }

  /** Opens the score cache, and with a master a Spark context (its threads per task from -threads). */
  static Scorers open(Placement where, CommonOptions common, Path cacheFile) {
    ScoreCache cache = ScoreCache.open(cacheFile);
    if (where.master() == null) {
      return new Scorers(common, where.workers(), cache, null);
    }
    try {
      return new Scorers(common, 1, cache, new SparkScorer(where.master(), common.threads));
    } catch (NoClassDefFoundError e) {
      cache.close();
      throw new ZcnasException("-master needs Apache Spark 3.5 on the class path (" + e.getMessage() + " is missing): "
          + "run bin/zcnas from a checkout after mvn package, or the package jar with spark-submit (see doc/spark.md)");
    } catch (RuntimeException e) {
      cache.close();
      throw e;
    }
  }

  boolean onSpark() {
    return spark != null;
  }

  ScoreCache cache() {
    return cache;
  }

  /**
   * The scorer of a space (built from {@code spaceOptions}, which rebuild it on the executors) on a data set's
   * images. In this process the data set's session opens here (its images are read now).
   */
  <A> BatchScorer<A> scorer(SearchSpace<A> space, List<String> spaceOptions, CifarDataset dataset) {
    if (spark == null) {
      ScoringSession session = sessions.get(dataset);
      if (session == null) {
        session = common.session(dataset);
        sessions.put(dataset, session);
      }
      return new Scorer<>(session, cache, space, workers);
    }
    // without -data each executor reads its own default folder (zcnas.data, ZCNAS_DATA or ../shared/data)
    Path images = common.imagesDir.equals(DataPaths.images()) ? null : common.imagesDir;
    return spark.batchScorer(SessionSpec.of(dataset, images, common.device, common.order), space,
        SpaceSpec.of(space, spaceOptions), cache);
  }

  /** Where scores are computed, in one line, with the cache's size (after {@link #scorer} for the data set). */
  String describe(CifarDataset dataset) {
    if (spark == null) {
      ScoringSession session = sessions.get(dataset);
      return "device " + session.device() + ", " + (workers > 1 ? workers + " workers of " : "") + session.threads()
          + " thread" + (session.threads() == 1 ? "" : "s") + (session.interop() > 1 ? " in " + session.interop()
          + " inter-op threads" : "") + ", " + cache.size() + " scores cached";
    }
    int slots = spark.slots();
    return "spark master " + spark.master() + ", " + slots + " task slot" + (slots == 1 ? "" : "s") + " of "
        + spark.taskCpus() + " thread" + (spark.taskCpus() == 1 ? "" : "s") + ", " + cache.size() + " scores cached";
  }

  @Override
  public void close() {
    try {
      sessions.values().forEach(ScoringSession::close);
      if (spark != null) {
        spark.close();
      }
    } finally {
      cache.close();
    }
  }
}
