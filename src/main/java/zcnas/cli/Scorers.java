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
 * Where the score, search and experiment tools compute their scores, chosen in this one place by {@code -master}:
 * in this process (a {@link ScoringSession} per data set and the {@link Scorer}), or on Apache Spark
 * ({@link SparkScorer}, one context for the whole run). Either way through the same score cache, which this holds;
 * closing it closes everything it opened. Spark's classes are touched only when -master is given.
 */
final class Scorers implements AutoCloseable {
  static final String USAGE =
      "  -master URL                 score on Apache Spark: local[N] (local[N,F]: F attempts per task),\n"
      + "                              spark://HOST:PORT, yarn, k8s://..., or spark-submit (its master); -threads N\n"
      + "                              is then the PyTorch threads per task = spark.task.cpus (default 1, so\n"
      + "                              -master local[2] gives exactly the scores of -threads 1 without it). Needs\n"
      + "                              Spark on the class path: bin/zcnas in a built checkout, or spark-submit\n";

  private final CommonOptions common;
  private final ScoreCache cache;
  private final Map<CifarDataset, ScoringSession> sessions = new LinkedHashMap<>();
  private final SparkScorer spark;

  private Scorers(CommonOptions common, ScoreCache cache, SparkScorer spark) {
    this.common = common;
    this.cache = cache;
    this.spark = spark;
  }

  /** The value of -master (taken out of the options), or null for this process. */
  static String master(String[] options) throws Exception {
    if (Utils.getOptionPos("master", options) < 0) {
      return null;
    }
    String master = Utils.getOption("master", options).trim();
    if (master.isEmpty()) {
      throw new ZcnasException("-master needs a Spark master URL: local[N], spark://HOST:PORT, yarn, k8s://... or "
          + "spark-submit");
    }
    return master;
  }

  /** Opens the score cache, and with a master a Spark context (its threads per task from -threads). */
  static Scorers open(String master, CommonOptions common, Path cacheFile) {
    ScoreCache cache = ScoreCache.open(cacheFile);
    if (master == null) {
      return new Scorers(common, cache, null);
    }
    try {
      return new Scorers(common, cache, new SparkScorer(master, common.threads));
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
      return new Scorer<>(session, cache, space);
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
      return "device " + session.device() + ", " + session.threads() + " threads, " + cache.size() + " scores cached";
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
