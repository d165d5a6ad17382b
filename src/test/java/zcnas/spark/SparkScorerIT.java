package zcnas.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.TestData;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.proxy.Proxies;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.BatchScorer;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;
import zcnas.util.ZcnasException;

/**
 * SparkScorer in local mode inside this JVM (the executor is this JVM): the single-process scores and cache keys on
 * each of the three image sets, a failed task retried, an interrupted run resumed from the score cache, a bad
 * architecture reported by name, and the engine started once per executor JVM. One context serves every test, as
 * one serves a whole search.
 */
class SparkScorerIT {
  static final SpaceSpec NB201 = new SpaceSpec("nb201", List.of());
  static final int PARTITIONS = 4;
  static List<Nb201Architecture> archs;
  static List<String> names = new ArrayList<>();
  static double[][] single;
  static SparkScorer spark;

  static SessionSpec session(CifarDataset d) {
    return SessionSpec.of(d, TestData.images(), "cpu", ScoringSession.BatchOrder.SEEDED);
  }

  static List<ZeroCostProxy> proxies() {
    // one with a backward pass (two tasks of one JVM run theirs at once), one forward only
    return Proxies.parseList("synflow,naswot", 3);
  }

  /** The single-process scores (threads: whatever this JVM's engine runs with, as the executor here does too). */
  static double[][] singleProcess(CifarDataset d, List<Nb201Architecture> archs, ScoreCache cache) {
    try (ScoringSession s = new ScoringSession(CifarImages.readTrain(d, TestData.images()), "cpu", 1, ScoringSession.BatchOrder.SEEDED)) {
      return new Scorer<>(s, cache, new Nb201Space()).score(archs, proxies(), line -> { });
    }
  }

  @BeforeAll
  static void singleProcessScores() {
    archs = Nb201Architecture.sample(8, 3);
    archs.forEach(a -> names.add(a.toString()));
    single = singleProcess(CifarDataset.CIFAR10, archs, ScoreCache.open(null));
    start();
  }

  static void start() {
    // local[2,2]: two task threads, two attempts per task (a first attempt failed on purpose is retried)
    spark = new SparkScorer("local[2,2]", 1);
    spark.setPartitions(PARTITIONS);
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  @AfterEach
  void noFault() {
    System.clearProperty(SparkScorer.FAIL_FIRST_ATTEMPT);
  }

  /** Spark's rows of the twelve architectures are the single-process rows. */
  static void assertSingleProcessScores(double[][] rows) {
    for (int a = 0; a < archs.size(); a++) {
      assertArrayEquals(single[a], rows[a], 0.0, names.get(a));
    }
  }

  @Test
  void localModeGivesTheSingleProcessScoresAndKeysOnEachImageSet() {
    List<Nb201Architecture> two = archs.subList(0, 2);
    for (CifarDataset d : CifarDataset.values()) {
      ScoreCache expected = ScoreCache.open(null);
      double[][] one = singleProcess(d, two, expected);
      ScoreCache cache = ScoreCache.open(null);
      BatchScorer<Nb201Architecture> scorer = spark.batchScorer(session(d), new Nb201Space(), NB201, cache);
      double[][] rows = scorer.score(two, proxies(), line -> { });
      for (int a = 0; a < two.size(); a++) {
        assertArrayEquals(one[a], rows[a], 0.0, d + " " + two.get(a));
      }
      // the same keys: a single-process run finds the Spark run's scores, and the other way round
      assertEquals(2 * 2, expected.size());
      assertEquals(expected.size(), cache.size());
      assertArrayEquals(rows, singleProcess(d, two, cache));
    }
  }

  @Test
  void rowsComeBackAsPartitionsFinishWithOneProgressLinePerPartition() {
    List<Integer> rowOrder = Collections.synchronizedList(new ArrayList<>());
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    double[][] rows = spark.score(session(CifarDataset.CIFAR10), NB201, names, proxies(), ScoreCache.open(null),
        (i, row) -> rowOrder.add(i), lines::add);
    assertSingleProcessScores(rows);
    assertEquals(8, spark.lastSent());
    List<Integer> sorted = new ArrayList<>(rowOrder);
    Collections.sort(sorted);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), sorted);
    assertTrue(lines.get(0).startsWith("spark: 8 architectures to score (0 cached) in 4 partitions, 2 task slots of "
        + "1 thread, master local[2,2]"), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("spark: scored 8/8")), String.join("\n", lines));
  }

  @Test
  void aTaskThatFailsOnItsFirstAttemptIsRetriedAndTheRunCompletes() {
    System.setProperty(SparkScorer.FAIL_FIRST_ATTEMPT, "1");
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    double[][] rows = spark.score(session(CifarDataset.CIFAR10), NB201, names, proxies(), ScoreCache.open(null),
        (i, r) -> { }, lines::add);
    assertSingleProcessScores(rows);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("spark: attempt 1 of partition 1 failed: ")
        && l.contains("fault injected")), String.join("\n", lines));
    assertTrue(lines.contains("spark: partition 1 scored on attempt 2"), String.join("\n", lines));
  }

  @Test
  void anInterruptedRunResumesFromTheCacheAndComputesOnlyWhatIsMissing(@TempDir Path dir) {
    Path file = dir.resolve("scores.tsv");
    // partition 2 fails for good on a master without retries (one context per JVM: the shared one stops meanwhile)
    spark.close();
    System.setProperty(SparkScorer.FAIL_FIRST_ATTEMPT, "2");
    try (SparkScorer once = new SparkScorer("local[2]", 1); ScoreCache cache = ScoreCache.open(file)) {
      once.setPartitions(PARTITIONS);
      ZcnasException e = assertThrows(ZcnasException.class, () -> once.score(session(CifarDataset.CIFAR10), NB201,
          names, proxies(), cache, (i, r) -> { }, line -> { }));
      assertTrue(e.getMessage().contains("partition 2 (2 architectures: " + names.get(4) + ", " + names.get(5) + ")"), e.getMessage());
      assertTrue(e.getMessage().contains("fault injected"), e.getMessage());
      assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }
    System.clearProperty(SparkScorer.FAIL_FIRST_ATTEMPT);
    start();
    try (ScoreCache cache = ScoreCache.open(file)) {
      assertEquals(6 * 2, cache.size());
      double[][] rows = spark.score(session(CifarDataset.CIFAR10), NB201, names, proxies(), cache, (i, r) -> { },
          line -> { });
      assertEquals(2, spark.lastSent());
      assertSingleProcessScores(rows);
      // again (as a search calls it batch after batch): nothing is sent
      assertArrayEquals(rows, spark.score(session(CifarDataset.CIFAR10), NB201, names, proxies(), cache,
          (i, r) -> { }, l -> { }));
      assertEquals(0, spark.lastSent());
    }
  }

  @Test
  void aBadArchitectureIsReportedByNameAndTheRestIsScored() {
    String bad = names.get(5);
    List<ZeroCostProxy> proxies = new ArrayList<>(proxies());
    proxies.add(new FailingProxy(bad));
    ScoreCache cache = ScoreCache.open(null);
    List<String> withTypo = new ArrayList<>(names);
    withTypo.add("|nor_conv_3x3~0|+|");
    ZcnasException e = assertThrows(ZcnasException.class, () -> spark.score(session(CifarDataset.CIFAR10), NB201,
        withTypo, proxies, cache, (i, r) -> { }, line -> { }));
    assertTrue(e.getMessage().contains("2 of 9 architectures or partitions were not scored"), e.getMessage());
    assertTrue(e.getMessage().contains("architecture " + bad + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("injected by the test"), e.getMessage());
    assertTrue(e.getMessage().contains("architecture |nor_conv_3x3~0|+|: "), e.getMessage());
    assertEquals(7 * 3, cache.size());
  }

  @Test
  void aBatchThatDoesNotFitTheImagesFailsOnceNamingTheProxy() {
    ZeroCostProxy huge = Proxies.parse("naswot -B 100000");
    ZcnasException e = assertThrows(ZcnasException.class, () -> spark.score(session(CifarDataset.CIFAR10), NB201,
        names, List.of(huge), ScoreCache.open(null), (i, r) -> { }, line -> { }));
    assertTrue(e.getMessage().startsWith("proxy "), e.getMessage());
    assertTrue(e.getMessage().contains("100000"), e.getMessage());
  }

  @Test
  void theEngineStartsOncePerExecutorJvm() {
    spark.setPartitions(8);
    try {
      spark.score(session(CifarDataset.CIFAR10), NB201, names, Proxies.parseList("naswot", 10), ScoreCache.open(null),
          (i, r) -> { }, line -> { });
    } finally {
      spark.setPartitions(PARTITIONS);
    }
    // local mode: the executor is this JVM; eight one-architecture tasks on two task threads, and every call of
    // every test on this context before: one engine start
    assertEquals(Map.of(ExecutorState.jvm(), 1), spark.engineStarts());
    assertEquals(1, ExecutorState.engineStarts());
  }
}
