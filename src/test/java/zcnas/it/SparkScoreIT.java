package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.space.darts.DartsGenotype;
import zcnas.space.darts.DartsNetworkTest;

/**
 * {@code -master} as a user runs it through bin/zcnas: score (NB201 and DARTS), search and experiment give exactly
 * the results of the single-process run with the same threads per task (the score caches, which hold every double
 * in full, are the same file content up to order), quietly; spark-submit onto a local cluster of two executor JVMs
 * gives them too; clear one-line errors without Spark or without Java 17's options; and no Spark in the package zip.
 */
class SparkScoreIT {
  static final String[] NB201 = {"-space", "nb201", "-sample", "4", "-seed", "0", "-proxies",
      "gradnorm,snip,synflow,naswot", "-P", "croze -variant official"};
  static final List<String> GENOTYPES = List.of(DartsGenotype.DARTS_V2.toString(),
      DartsNetworkTest.EVERY_OP.toString(),
      "Genotype(normal=[('skip_connect', 0), ('sep_conv_3x3', 1), ('dil_conv_3x3', 0), ('avg_pool_3x3', 1), "
          + "('sep_conv_5x5', 2), ('max_pool_3x3', 3), ('dil_conv_5x5', 4), ('skip_connect', 1)], "
          + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('sep_conv_7x7', 1), ('avg_pool_3x3', 0), "
          + "('skip_connect', 1), ('dil_conv_3x3', 2), ('sep_conv_3x3', 3), ('max_pool_3x3', 4), ('none', 0)], "
          + "reduce_concat=[2, 3, 4, 5])");

  static Processes.Result zcnas(String tool, String[] options, String... more) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bin/zcnas", tool));
    cmd.addAll(Arrays.asList(options));
    cmd.addAll(Arrays.asList(more));
    return Processes.run(Map.of("ZCNAS_DATA", System.getProperty("zcnas.data")), 600, cmd.toArray(new String[0]));
  }

  /** The score cache as key -> value text (Double.toString: every bit of the double). */
  static Map<String, String> cache(Path file) throws Exception {
    Map<String, String> m = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      assertEquals(3, f.length, line);
      m.put(f[0], f[1]);
    }
    return m;
  }

  /**
   * Runs the tool once in one process with -threads 1 and once with -master local[2] (two tasks of one thread), each
   * writing into a folder of its own ({@code -o DIR/out.csv}, or for an experiment {@code -out DIR}): the same scores
   * under the same keys, and the same output file.
   */
  static Map<String, String> assertSameAsSingleProcess(Path dir, String tool, String[] options, int scores)
      throws Exception {
    boolean experiment = tool.equals("experiment");
    String file = experiment ? options[0] + ".csv" : "out.csv";
    Path single = Files.createDirectories(dir.resolve("single"));
    Path spark = Files.createDirectories(dir.resolve("spark"));
    Processes.Result s = zcnas(tool, options, "-threads", "1", "-cache", single.resolve("c.tsv").toString(),
        experiment ? "-out" : "-o", (experiment ? single : single.resolve(file)).toString());
    assertEquals(0, s.status(), s.output());
    Processes.Result p = zcnas(tool, options, "-master", "local[2]", "-cache", spark.resolve("c.tsv").toString(),
        experiment ? "-out" : "-o", (experiment ? spark : spark.resolve(file)).toString());
    assertEquals(0, p.status(), p.output());
    Map<String, String> expected = cache(single.resolve("c.tsv"));
    assertEquals(scores, expected.size());
    assertTrue(expected.keySet().stream().allMatch(k -> k.contains(" threads=1 ")), expected.keySet().toString());
    assertEquals(expected, cache(spark.resolve("c.tsv")));
    assertEquals(Files.readString(single.resolve(file)), Files.readString(spark.resolve(file)));
    assertQuiet(p.output());
    assertTrue(p.output().contains("spark master local[2], 2 task slots of 1 thread"), p.output());
    assertTrue(p.output().contains("spark: scored in 1 executor JVM, engine started once in each")
        || !tool.equals("score"), p.output());
    return expected;
  }

  /** No stack trace, no SLF4J warning, no Spark log line. */
  static void assertQuiet(String output) {
    assertFalse(output.contains("\tat "), output);
    assertFalse(output.contains("SLF4J"), output);
    assertFalse(output.contains("WARN "), output);
    assertFalse(output.contains("INFO "), output);
    assertFalse(output.contains("ERROR "), output);
  }

  /**
   * Also through spark-submit onto a local cluster: two workers, each with its own executor JVM, the package's jars
   * shipped with --jars, DJL unpacking PyTorch into the executors' ENGINE_CACHE_DIR. SPARK_HOME is a stand-in for a
   * Spark distribution: the build's Spark jars and the few that Maven resolved to the package's versions.
   */
  @Test
  void nb201OnLocalSparkAndOnALocalClusterGiveTheSingleProcessScoresBitForBit(@TempDir Path dir) throws Exception {
    Map<String, String> expected = assertSameAsSingleProcess(dir, "score", NB201, 4 * 5);

    Path home = dir.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    List<String> sparkJars = new ArrayList<>(List.of(read("spark-classpath.txt").split(":")));
    for (String p : read("classpath.txt").split(":")) {
      String name = Path.of(p).getFileName().toString();
      if (name.matches("(slf4j-api|slf4j-simple|commons-io|commons-codec|commons-compress|commons-math3)-.*")) {
        sparkJars.add(p);
      }
    }
    for (String p : sparkJars) {
      Files.createSymbolicLink(jars.resolve(Path.of(p).getFileName()), Path.of(p));
    }
    List<String> shipped = new ArrayList<>();
    for (String p : read("classpath.txt").split(":")) {
      if (!Path.of(p).getFileName().toString().startsWith("slf4j-")) {
        shipped.add(p);
      }
    }
    for (String p : read("weka.classpath").split(":")) {
      if (Path.of(p).getFileName().toString().startsWith("weka-stable-")) {
        shipped.add(p);
      }
    }
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(Arrays.asList(System.getProperty("zcnas.sparkJavaOptions").trim().split("\\s+")));
    cmd.addAll(List.of("-Xmx1g", "-cp", jars + "/*", "org.apache.spark.deploy.SparkSubmit", "--master",
        "local-cluster[2,1,2048]", "--class", "zcnas.cli.Zcnas", "--jars", String.join(",", shipped), "--conf",
        "spark.executorEnv.ZCNAS_DATA=" + System.getProperty("zcnas.data"), "--conf",
        "spark.executorEnv.ENGINE_CACHE_DIR=" + dir.resolve("djl"), "--conf",
        "spark.executorEnv.DJL_CACHE_DIR=" + dir.resolve("djl"), Processes.projectDir()
            .resolve("target/robustZeroCostNAS.jar").toString(), "score", "-master", "spark-submit"));
    cmd.addAll(Arrays.asList(NB201));
    cmd.addAll(List.of("-cache", dir.resolve("cluster.tsv").toString(), "-o", dir.resolve("cluster.csv").toString()));
    Processes.Result r = Processes.run(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.12"), 600,
        cmd.toArray(new String[0]));
    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("spark: scored in 2 executor JVMs, engine started once in each"), r.output());
    assertEquals(expected, cache(dir.resolve("cluster.tsv")));
    assertTrue(Files.isDirectory(dir.resolve("djl/pytorch")), "executors unpacked PyTorch elsewhere");
  }

  static String read(String targetFile) throws Exception {
    return Files.readString(Processes.projectDir().resolve("target").resolve(targetFile)).trim();
  }

  @Test
  void dartsOnLocalSparkGivesTheSingleProcessScoresBitForBit(@TempDir Path dir) throws Exception {
    Path archs = dir.resolve("genotypes.txt");
    Files.write(archs, GENOTYPES);
    String[] darts = {"-space", "darts", "-archs", archs.toString(), "-channels", "8", "-cells", "5", "-proxies",
        "gradnorm,snip,synflow,naswot", "-P", "croze -variant official"};
    Map<String, String> scores = assertSameAsSingleProcess(dir, "score", darts, 3 * 5);
    assertTrue(scores.keySet().stream().allMatch(k -> k.contains("darts C=8 L=5")), scores.keySet().toString());
  }

  /** The search stays on the driver: the warm-up pool and every batch of mutants are scored on Spark. */
  @Test
  void searchOnLocalSparkFindsWhatTheSingleProcessSearchFinds(@TempDir Path dir) throws Exception {
    String[] search = {"-space", "nb201", "-strategy", "warmup-move", "-proxy", "synflow", "-budget", "24",
        "-init-pool", "12", "-sample-pool", "4", "-seed", "5"};
    assertSameAsSingleProcess(dir, "search", search, 24);
  }

  /** Each seed on each data set's images (CIFAR-10, CIFAR-100, ImageNet16-120) is scored on Spark. */
  @Test
  void experimentOnLocalSparkGivesTheSingleProcessTable(@TempDir Path dir) throws Exception {
    String[] experiment = {"correlation", "-n", "3", "-seeds", "1"};
    assertSameAsSingleProcess(dir, "experiment", experiment, 3 * 3 * 6);
  }

  static String classpath(String... files) throws Exception {
    List<String> parts = new ArrayList<>(List.of(Processes.projectDir().resolve("target/robustZeroCostNAS.jar")
        .toString()));
    for (String f : files) {
      parts.add(Files.readString(Processes.projectDir().resolve("target").resolve(f)).trim());
    }
    return String.join(":", parts);
  }

  @Test
  void withoutSparkOnTheClassPathMasterSaysWhereToGetIt(@TempDir Path dir) throws Exception {
    // what an installed Weka package has: no Spark
    Processes.Result r = Processes.run(Map.of(), 120, "java", "-cp", classpath("classpath.txt", "weka.classpath"),
        "zcnas.cli.Zcnas", "score", "-sample", "2", "-cache", "none", "-master", "local[2]", "-o",
        dir.resolve("x.csv").toString());
    assertEquals(1, r.status(), r.output());
    assertTrue(r.output().contains("-master needs Apache Spark 3.5 on the class path"), r.output());
    assertFalse(r.output().contains("\tat "), r.output());
  }

  @Test
  void withoutJava17OptionsSparkFailsInOneClearLine(@TempDir Path dir) throws Exception {
    Processes.Result r = Processes.run(Map.of(), 120, "java", "-cp",
        classpath("classpath.txt", "weka.classpath", "spark-classpath.txt"), "zcnas.cli.Zcnas", "search", "-budget",
        "2", "-cache", "none", "-master", "local[2]", "-o", dir.resolve("x.csv").toString());
    assertEquals(1, r.status(), r.output());
    assertTrue(r.output().contains("Spark needs these Java options on Java 17"), r.output());
    assertTrue(r.output().contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), r.output());
    assertFalse(r.output().contains("\tat "), r.output());
  }

  static Set<String> jarNames(String classpathFile) throws Exception {
    return Arrays.stream(Files.readString(Processes.projectDir().resolve("target").resolve(classpathFile)).trim()
        .split(":")).map(p -> Path.of(p).getFileName().toString()).collect(Collectors.toSet());
  }

  @Test
  void sparkIsNotInThePackageZipNorOnTheSingleProcessClassPath() throws Exception {
    Set<String> lib = new HashSet<>();
    try (ZipFile zip = new ZipFile(System.getProperty("zcnas.packageZip"))) {
      zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
          .forEach(n -> lib.add(n.substring(4)));
    }
    assertEquals(jarNames("classpath.txt"), lib);
    assertTrue(lib.stream().noneMatch(n -> n.startsWith("spark-") || n.startsWith("scala-")
        || n.startsWith("hadoop-")), lib.toString());
    Set<String> spark = jarNames("spark-classpath.txt");
    assertTrue(spark.contains("spark-core_2.12-3.5.9.jar"), spark.toString());
    for (String f : List.of("classpath.txt", "weka.classpath")) {
      Set<String> both = new HashSet<>(jarNames(f));
      both.retainAll(spark);
      assertTrue(both.isEmpty(), f + " and spark-classpath.txt share " + both);
    }
  }
}
