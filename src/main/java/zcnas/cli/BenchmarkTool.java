package zcnas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.core.Utils;
import zcnas.data.DataPaths;
import zcnas.engine.NativeEnvironment;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.Proxies;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreTable;
import zcnas.space.ArchitectureList;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.Memory;
import zcnas.util.Progress;

/**
 * {@code zcnas benchmark}: seconds per architecture and peak resident memory of each proxy alone and of all of
 * them together, without the score cache; in NB201 on the architectures the authors' code was timed on, with the
 * ratio to its seconds and the projected time of scoring the whole space.
 */
final class BenchmarkTool implements Zcnas.SpaceTool {
  /** The reference code's settings: batch 64 for the baselines (NASWOT too), 8 for CRoZe. */
  static final String DEFAULT_SPECS = "gradnorm;snip;synflow;naswot -B 64;croze";
  /** Reference column per proxy name. */
  private static final List<String[]> REFERENCE = List.of(new String[] {"gradnorm", "grad_norm"},
      new String[] {"snip", "snip"}, new String[] {"synflow", "synflow"}, new String[] {"naswot", "naswot"},
      new String[] {"croze", "croze"});
  private static final int WARMUP = 3;

  @Override
  public String summary() {
    return "seconds per architecture and peak memory of each proxy, with the ratio to the authors' code";
  }

  @Override
  public String usage() {
    return "usage: zcnas benchmark [-n N] [-proxies a,b | -P \"name [options]\"...] [-space ID] [options]\n"
        + "Times each proxy alone, then all together (network construction included, no cache; " + WARMUP
        + " more\narchitectures warm up). In NB201 the architectures are the first N of the reference file, timed by\n"
        + "the authors' code on this kind of machine, and each proxy's seconds are divided by the reference code's\n"
        + "on the same architectures (ratio of sums, and median of per-architecture ratios); the projected time of\n"
        + "scoring the whole space follows from the mean, and where the space has isomorphism classes, the time of\n"
        + "scoring one member of each (score -isomorphs share) from all the proxies timed on N classes drawn with\n"
        + "-seed. Peak memory is the process's resident set.\n"
        + "  -n N                        architectures timed (default 30)\n"
        + "  -proxies a,b,... / -P spec  proxies (default the reference settings: gradnorm, snip, synflow,\n"
        + "                              naswot -B 64, croze)\n"
        + "  -reference FILE             the reference timings (default ../shared/data/reference/"
        + "official-code-nb201-cifar10-200.csv)\n"
        + "  -space ID                   " + String.join(" or ", Spaces.ids()) + " (default nb201; darts: -n seeded "
        + "genotypes)\n"
        + Spaces.usage()
        + CommonOptions.USAGE;
  }

  @Override
  public <A> int run(SearchSpace<A> space, CommonOptions common, String[] options) throws Exception {
    int n = CommonOptions.intOption(options, "n", 30, 1, 100_000);
    String referenceOption = Utils.getOption("reference", options);
    List<ZeroCostProxy> proxies = Utils.getOptionPos("proxies", options) >= 0 || Utils.getOptionPos('P', options) >= 0
        ? common.proxies(options) : defaults(common.seed);
    Utils.checkForRemainingOptions(options);
    Path referenceFile = referenceOption.isEmpty()
        ? DataPaths.root().resolve("reference").resolve("official-code-nb201-cifar10-200.csv")
        : Paths.get(referenceOption);
    ScoreTable reference = space.id().equals("nb201") && Files.isRegularFile(referenceFile)
        ? ScoreTable.read(referenceFile) : null;
    List<A> archs = new ArrayList<>();
    if (reference != null) {
      for (int r = 0; r < Math.min(reference.rows(), n + WARMUP); r++) {
        archs.add(ArchitectureList.parse(space, reference.arch(r)));
      }
    } else {
      archs.addAll(space.sample(n + WARMUP, common.seed + 1));
    }
    try (ScoringSession session = common.session()) {
      System.out.printf(Locale.ROOT, "benchmark: %d %s architectures (%s), dataset %s, device %s, PyTorch threads %d, "
          + "%s%d cores%n", archs.size() - WARMUP, space.name(), reference != null ? "the reference file's first"
          : "seeded sample, seed " + (common.seed + 1), common.dataset.id(), session.device(), session.threads(),
          session.interop() > 1 ? "inter-op threads " + session.interop() + ", " : "",
          Runtime.getRuntime().availableProcessors());
      System.out.printf("%-32s %6s %8s %8s %8s %9s %9s %8s%n", "proxy", "batch", "s/arch", "archs/s", "median",
          "ref s", "ratio", "RSS MiB");
      for (ZeroCostProxy p : proxies) {
        measure(session, space, archs, List.of(p), p.toString(), Integer.toString(p.getBatchSize()), reference);
      }
      if (proxies.size() > 1) {
        double perArch = measure(session, space, archs, proxies, "all together", "-", reference);
        if (space.size() < Long.MAX_VALUE) {
          System.out.printf(Locale.ROOT, "projected: all %d %s architectures with all of them: %s%n", space.size(),
              space.id(), Progress.duration(perArch * space.size()));
          List<A> classes = new ArrayList<>(space.enumerate().stream().map(space::canonical).distinct().toList());
          if (classes.size() < space.size()) {
            // a uniform sample of the classes: a class's canonical member costs more than an average architecture
            Collections.shuffle(classes, new Random(common.seed + 2));
            double perClass = measure(session, space, classes.subList(0, Math.min(classes.size(), n + WARMUP)),
                proxies, "all together, one per class", "-", null);
            System.out.printf(Locale.ROOT, "projected with -isomorphs share: %d isomorphism classes with all of them: "
                + "%s%n", classes.size(), Progress.duration(perClass * classes.size()));
          }
        }
      }
    }
    return 0;
  }

  private static List<ZeroCostProxy> defaults(long seed) {
    List<ZeroCostProxy> out = new ArrayList<>();
    for (String spec : DEFAULT_SPECS.split(";")) {
      ZeroCostProxy p = Proxies.parse(spec);
      p.setSeed(seed);
      out.add(p);
    }
    return out;
  }

  /** Times the proxies on every architecture after the warm-up ones; prints a row; returns the mean s/arch. */
  private static <A> double measure(ScoringSession session, SearchSpace<A> space, List<A> archs,
      List<ZeroCostProxy> proxies, String label, String batch, ScoreTable reference) {
    // what glibc still holds of the rows before would otherwise count in this row's peak
    NativeEnvironment.trim();
    Memory.resetPeak();
    double[] seconds = new double[archs.size() - WARMUP];
    for (int a = 0; a < archs.size(); a++) {
      long t0 = System.nanoTime();
      try (ArchitectureContext context = session.open(space.network(archs.get(a), session.dataset()))) {
        proxies.forEach(p -> p.plan(context));
        for (ZeroCostProxy p : proxies) {
          p.scores(context);
        }
      }
      if (a >= WARMUP) {
        seconds[a - WARMUP] = (System.nanoTime() - t0) / 1e9;
      }
    }
    double total = Arrays.stream(seconds).sum();
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    String ref = "-";
    String ratio = "-";
    double[] theirs = reference == null ? null : referenceSeconds(reference, proxies);
    if (theirs != null) {
      double theirTotal = 0;
      double[] ratios = new double[seconds.length];
      for (int i = 0; i < seconds.length; i++) {
        theirTotal += theirs[i + WARMUP];
        ratios[i] = seconds[i] / theirs[i + WARMUP];
      }
      Arrays.sort(ratios);
      ref = String.format(Locale.ROOT, "%.3f", theirTotal / seconds.length);
      ratio = String.format(Locale.ROOT, "%.2f/%.2f", total / theirTotal, ratios[ratios.length / 2]);
    }
    System.out.printf(Locale.ROOT, "%-32s %6s %8.3f %8.2f %8.3f %9s %9s %8s%n", label, batch, total / seconds.length,
        seconds.length / total, sorted[sorted.length / 2], ref, ratio, Memory.peakMiB());
    return total / seconds.length;
  }

  /** The reference code's seconds per architecture for the proxies together (sum of their columns), or null. */
  private static double[] referenceSeconds(ScoreTable reference, List<ZeroCostProxy> proxies) {
    double[] sum = new double[reference.rows()];
    for (ZeroCostProxy p : proxies) {
      String column = null;
      for (String[] r : REFERENCE) {
        if (r[0].equals(p.name())) {
          column = r[1] + "_seconds";
        }
      }
      if (column == null || !reference.numericColumns().contains(column)) {
        return null;
      }
      double[] c = reference.column(column);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += c[i];
      }
    }
    return sum;
  }
}
