package zcnas.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.data.DataPaths;
import zcnas.proxy.Proxies;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.Benchmark;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.ZcnasException;

/**
 * Options the scoring tools share, read once here: data set and its location, benchmark tables, device, threads,
 * seed, batch order, space, score cache and proxies. Every value is checked when it is read, before any work.
 */
final class CommonOptions {
  static final String DEFAULT_PROXIES = "gradnorm,snip,synflow,naswot";

  CifarDataset dataset = CifarDataset.CIFAR10;
  Path imagesDir = DataPaths.images();
  /** The benchmark tables' folder, null for none. */
  Path benchDir = DataPaths.benchmarkTables();
  /** Whether -bench named the folder (then a missing or empty one is an error). */
  boolean benchGiven;
  String device = "auto";
  int threads = 0;
  int interop = 1;
  long seed = 0;
  ScoringSession.BatchOrder order = ScoringSession.BatchOrder.SEEDED;
  /** The options the space's factory read (e.g. -channels 8 -cells 5), which rebuild it elsewhere (-master). */
  List<String> spaceOptions = List.of();

  static final String USAGE =
      "  -dataset cifar10|cifar100|ImageNet16-120\n"
      + "                              images the proxies see and the network's classes (default cifar10;\n"
      + "                              ImageNet16-120: CIFAR-100 images averaged down to 16x16, 120 classes)\n"
      + "  -data DIR                   folder with cifar-10-batches-bin/ and cifar-100-binary/ (default "
      + "../shared/data/images, or $ZCNAS_DATA/images)\n"
      + "  -bench DIR|none             folder with the NAS-Bench-201 CSV tables (default ../shared/data/nb201)\n"
      + "  -seed S                     seed of the sample, the weights and the batches (default 0)\n"
      + "  -batches seeded|first       batch drawn with the seed, or the first records of the file (default seeded)\n"
      + "  -device auto|cpu|gpu        where PyTorch runs (default auto: the GPU when there is one)\n"
      + "  -threads N                  PyTorch intra-op threads (default 0: one per core; with -master the threads\n"
      + "                              of each Spark task, default spark.task.cpus or 1)\n"
      + "  -interop N                  threads that compute the independent parts of one architecture at once\n"
      + "                              (default 1; above 1, -threads then defaults to 1): the official CRoZe runs a\n"
      + "                              DARTS batch as two halves (no BN there), so -interop 2 scores a genotype on\n"
      + "                              two cores in one network's memory, with the same scores\n";

  static final String CACHE_USAGE =
      "  -cache FILE|none            persistent score cache (default ~/.zcnas/scores.tsv)\n";

  void parse(String[] options) throws Exception {
    String d = Utils.getOption("dataset", options);
    if (!d.isEmpty()) {
      dataset = CifarDataset.forId(d);
    }
    String data = Utils.getOption("data", options);
    if (!data.isEmpty()) {
      imagesDir = Paths.get(data);
    }
    String bench = Utils.getOption("bench", options);
    if (!bench.isEmpty()) {
      benchGiven = !bench.equals("none");
      benchDir = bench.equals("none") ? null : Paths.get(bench);
    }
    String dev = Utils.getOption("device", options);
    if (!dev.isEmpty()) {
      device = dev;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (Utils.getOptionPos("master", options) >= 0) {
      // threads of each Spark task, on executors whose cores this machine does not know
      threads = (int) longOption(options, "threads", 0, 0, 1024, "0 (spark.task.cpus, default 1) to 1024");
    } else {
      threads = (int) longOption(options, "threads", 0, 0, 4L * cores,
          "0 (one per core) to " + 4 * cores + " (4 x the " + cores + " cores)");
    }
    if (Utils.getOptionPos("interop", options) >= 0 && Utils.getOptionPos("master", options) >= 0) {
      throw new ZcnasException("-interop is for scoring in this process; with -master each task takes -threads");
    }
    interop = (int) longOption(options, "interop", 1, 1, 4L * cores,
        "between 1 and " + 4 * cores + " (4 x the " + cores + " cores)");
    // like -workers: each thread of the parts runs its ops on one core unless -threads says otherwise
    threads = Scorer.intraOpThreads(threads, interop);
    seed = longOption(options, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE, null);
    String b = Utils.getOption("batches", options);
    if (!b.isEmpty()) {
      try {
        order = ScoringSession.BatchOrder.valueOf(b.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ZcnasException("-batches must be seeded or first, got '" + b + "'");
      }
    }
  }

  CifarImages images() {
    return CifarImages.readTrain(dataset, imagesDir);
  }

  ScoringSession session() {
    return new ScoringSession(images(), device, threads, interop, order);
  }

  /** A session on another data set's images, with the other settings of these options. */
  ScoringSession session(CifarDataset images) {
    return new ScoringSession(CifarImages.readTrain(images, imagesDir), device, threads, interop, order);
  }

  /**
   * The space's benchmark tables with the wanted targets: an error when -bench named a folder without them, a note
   * when the default folder has none.
   */
  <A> Benchmark<A> benchmark(SearchSpace<A> space, Benchmark.TargetSet targets) {
    Benchmark<A> b = space.benchmark(benchDir, targets, benchGiven);
    if (!benchGiven && benchDir != null && space.hasBenchmark() && b.names().isEmpty()) {
      System.err.println("note: no " + space.id() + " benchmark tables in " + benchDir + ": no accuracy columns "
          + "(-bench DIR names the folder, -bench none silences this)");
    }
    return b;
  }

  /**
   * The space of -space (default nb201), with its own options; the options its factory read are kept in
   * {@link #spaceOptions}.
   */
  SearchSpace<?> space(String[] options) throws Exception {
    String id = Utils.getOption("space", options);
    String[] before = options.clone();
    SearchSpace<?> space = Spaces.create(id.isEmpty() ? "nb201" : id, options);
    List<String> read = new ArrayList<>();
    for (int i = 0; i < options.length; i++) {
      if (!before[i].isEmpty() && options[i].isEmpty()) {
        read.add(before[i]);
      }
    }
    spaceOptions = List.copyOf(read);
    return space;
  }

  /** The score cache of -cache: the default file, none (null), or the file named. */
  static Path cacheFile(String[] options) throws Exception {
    String c = Utils.getOption("cache", options);
    return c.isEmpty() ? ScoreCache.defaultFile() : c.equals("none") ? null : Paths.get(c);
  }

  /** -proxies a,b and -P "name [options]" (default list when neither is given), with the tool's seed. */
  List<ZeroCostProxy> proxies(String[] options) throws Exception {
    return Proxies.fromOptions(options, seed, "proxies", DEFAULT_PROXIES);
  }

  /** The required output of -o. */
  static Path output(String[] options, String example) throws Exception {
    return Paths.get(required(options, 'o', example));
  }

  /** The value of a required option -flag; the error shows it with an example value. */
  static String required(String[] options, char flag, String example) throws Exception {
    String v = Utils.getOption(flag, options);
    if (v.isEmpty()) {
      throw new ZcnasException("-" + flag + " " + example + " is required");
    }
    return v;
  }

  /** An integer option within [min, max]; the error names the option, the value and the range. */
  static long longOption(String[] options, String name, long dflt, long min, long max, String range)
      throws Exception {
    String v = Utils.getOption(name, options);
    if (v.isEmpty()) {
      return dflt;
    }
    long n = parseLong(name, v);
    if (n < min || n > max) {
      throw new ZcnasException("-" + name + " must be " + (range != null ? range : max >= Integer.MAX_VALUE
          ? "at least " + min : "between " + min + " and " + max) + ", got " + v.trim());
    }
    return n;
  }

  /** The integer value of option -name; the error names the option and the value. */
  static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ZcnasException("-" + name + " needs an integer, got '" + v + "'");
    }
  }

  static int intOption(String[] options, String name, int dflt, int min, int max) throws Exception {
    return (int) longOption(options, name, dflt, min, max, null);
  }

  static String names(List<ZeroCostProxy> proxies) {
    return String.join(",", proxies.stream().map(ZeroCostProxy::name).toList());
  }
}
