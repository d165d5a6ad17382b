package zcnas.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import zcnas.util.ZcnasException;

/**
 * Starting Spark for the scorer: the Java 17 options check, quiet logging, the context's settings, and for a cluster
 * master the package's jars shipped to the executors. Also Spark's error messages cut down to one line.
 */
final class SparkSetup {
  private SparkSetup() {
  }

  /** Starts a context; see {@link SparkScorer#SparkScorer(String, int, Map)}. */
  static JavaSparkContext start(String master, int taskCpus, Map<String, String> conf) {
    checkJavaOptions();
    boolean submit = SparkScorer.FROM_SPARK_SUBMIT.equals(master);
    boolean local = (submit ? System.getProperty("spark.master", "") : master).startsWith("local");
    quietLogging(local);
    SparkConf c = new SparkConf().setAppName("zcnas");
    if (!submit) {
      c.setMaster(master);
    }
    if (local) {
      c.setIfMissing("spark.ui.enabled", "false");
      c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      c.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    if (taskCpus > 0) {
      c.set("spark.task.cpus", Integer.toString(taskCpus));
    }
    conf.forEach(c::set);
    JavaSparkContext spark;
    try {
      spark = new JavaSparkContext(c);
    } catch (Exception e) {
      throw new ZcnasException("cannot start Spark (master " + master + "): " + oneLine(e), e);
    }
    if (!local && !submit) {
      try {
        shipPackageJars(spark);
      } catch (RuntimeException e) {
        spark.stop();
        throw e;
      }
    }
    return spark;
  }

  /** The first line of an exception's message, without Spark's "Job aborted due to stage failure: " prefix. */
  static String oneLine(Throwable e) {
    return oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
  }

  static String oneLine(String message) {
    String m = message;
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return m.replaceFirst("^Job aborted due to stage failure: ", "").trim();
  }

  /**
   * Spark on Java 17 needs packages of java.base opened to it (JavaModuleOptions); spark-submit and bin/zcnas pass
   * them. Without them Spark fails deep inside with an IllegalAccessError: say so in one line instead.
   */
  static void checkJavaOptions() {
    List<String> closed = new ArrayList<>();
    Module self = SparkSetup.class.getModule();
    for (String option : JavaModuleOptions.defaultModuleOptions().split(" ")) {
      if (!option.startsWith("--add-opens=")) {
        continue;
      }
      String spec = option.substring("--add-opens=".length());
      String module = spec.substring(0, spec.indexOf('/'));
      String pkg = spec.substring(spec.indexOf('/') + 1, spec.indexOf('='));
      Optional<Module> m = ModuleLayer.boot().findModule(module);
      if (m.isPresent() && m.get().getDescriptor().packages().contains(pkg) && !m.get().isOpen(pkg, self)) {
        closed.add(option);
      }
    }
    if (!closed.isEmpty()) {
      throw new ZcnasException("Spark needs these Java options on Java 17, which this JVM was started without: "
          + JavaModuleOptions.defaultModuleOptions() + " (bin/zcnas and spark-submit pass them)");
    }
  }

  /**
   * With slf4j-simple (the package's logger) Spark would log every INFO line: keep warnings and errors, and leave
   * failed task attempts to PartitionJobs' one line instead of Spark's stack traces. Settings the user gave as
   * system properties win; a cluster's log4j2 configuration is not touched. In local mode the driver's address does
   * not matter, so Spark's warning that the host name resolves to a loopback address goes too.
   */
  static void quietLogging(boolean local) {
    Map<String, String> levels = new LinkedHashMap<>();
    levels.put("org.apache.spark", "warn");
    levels.put("org.sparkproject", "warn");
    levels.put("org.apache.hadoop", "error");
    levels.put("org.apache.spark.executor.Executor", "off");
    levels.put("org.apache.spark.scheduler.TaskSetManager", "off");
    if (local) {
      levels.put("org.apache.spark.util.Utils", "error");
    }
    levels.forEach((logger, level) -> {
      String property = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(property) == null) {
        System.setProperty(property, level);
      }
    });
  }

  /**
   * For a cluster master from bin/zcnas or Weka: the package jar, its lib/ jars (Spark's own SLF4J kept) and Weka's
   * jar (the proxies are Weka option handlers).
   */
  private static void shipPackageJars(JavaSparkContext spark) {
    Path jar;
    try {
      jar = Paths.get(SparkSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new ZcnasException("cannot locate the package jar to ship to the executors: " + e.getMessage(), e);
    }
    if (!Files.isRegularFile(jar)) {
      throw new ZcnasException("a cluster master needs the package jar (not " + jar + "): run bin/zcnas after mvn "
          + "package, or spark-submit with --jars");
    }
    spark.addJar(jar.toString());
    Path lib = jar.resolveSibling("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("slf4j-")).sorted()
            .forEach(p -> spark.addJar(p.toString()));
      } catch (IOException e) {
        throw new ZcnasException("cannot list " + lib + ": " + e.getMessage(), e);
      }
    }
    try {
      Path weka = Paths.get(weka.core.Utils.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(weka)) {
        spark.addJar(weka.toString());
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Weka from a class folder or a class loader without a code source: the cluster has to provide it
    }
  }
}
