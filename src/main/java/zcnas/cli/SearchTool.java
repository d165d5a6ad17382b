package zcnas.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import weka.core.Utils;
import zcnas.network.DartsNetwork;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.ScoreTable;
import zcnas.score.Scorer;
import zcnas.search.DartsSpace;
import zcnas.search.Nb201Space;
import zcnas.search.SearchObjective;
import zcnas.search.SearchSpace;
import zcnas.search.SearchStrategy;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.Memory;
import zcnas.util.Progress;
import zcnas.util.ZcnasException;

/** {@code zcnas search}: proxy-guided architecture search in NAS-Bench-201 or DARTS. */
final class SearchTool implements Zcnas.Tool {
  /** The benchmark accuracies the summary reports for NB201 (the shape of CRoZe's Table 8a). */
  private static final List<String> SUMMARY_TARGETS =
      List.of("cifar10_test_acc", "cifar10_fgsm_eps8_acc", "cifar10_corruption_acc");

  @Override
  public String usage() {
    return "usage: zcnas search [options] -o OUT.csv\n"
        + "Searches a space for the architecture a proxy (or an ensemble) rates best. Writes every scored\n"
        + "architecture, best first, to OUT.csv and OUT.arff: rank, arch (in the space's notation), the proxy's\n"
        + "score column(s), mean_rank for an ensemble, scored_at (order of scoring), params; in NB201 also the\n"
        + "benchmark index and accuracies. Prints the top architectures and, in NB201, their accuracies.\n"
        + "Every score goes to the score cache, so an interrupted search run again with the same options resumes.\n"
        + "  -space nb201|darts          search space (default nb201)\n"
        + "  -strategy S                 random | warmup-move | evolution (default warmup-move)\n"
        + "  -proxy a[,b,...]            guiding proxy; several are an ensemble by mean rank (default croze)\n"
        + "  -P \"name [options]\"         a proxy with options (repeatable), e.g. -P \"croze -variant official\"\n"
        + "  -budget N                   architectures to score (default 1000)\n"
        + "  -seed S                     seed of the search's random choices (default 0)\n"
        + "  -proxy-seed S               seed of the proxies' weights and batch (default 0)\n"
        + "  -init-pool N                warmup-move: random architectures scored first (default 60% of the budget;\n"
        + "                              the seed's 3000 of 5000)\n"
        + "  -sample-pool N              warmup-move: mutants scored per move (default 50; the seed's 100 on CIFAR-100)\n"
        + "  -population N               evolution: population size (default 64)\n"
        + "  -tournament N               evolution: tournament size (default 10)\n"
        + "  -top K                      architectures printed (default 3)\n"
        + "  -channels C, -cells L       darts: NetworkCIFAR size (default " + DartsNetwork.DEFAULT_CHANNELS + ", "
        + DartsNetwork.DEFAULT_CELLS + ")\n"
        + "  -max-params M               darts: reject genotypes above M million parameters (default 6, as the seed)\n"
        + "  -o FILE.csv                 output (the ARFF goes beside it)\n"
        + "  -cache FILE|none            persistent score cache (default ~/.zcnas/scores.tsv)\n"
        + CommonOptions.USAGE.replace("seed of the sample, the weights and the batches", "seed of the search");
  }

  @Override
  public int run(String[] options) throws Exception {
    CommonOptions common = new CommonOptions();
    common.parse(options);
    String spaceName = Utils.getOption("space", options);
    String strategyName = Utils.getOption("strategy", options);
    long proxySeed = optionalLong(options, "proxy-seed", 0);
    if (Utils.getOptionPos("proxies", options) >= 0 && Utils.getOptionPos("proxy", options) >= 0) {
      throw new ZcnasException("give -proxy or -proxies, not both");
    }
    String listOption = Utils.getOptionPos("proxies", options) >= 0 ? "proxies" : "proxy";
    List<ZeroCostProxy> proxies = ScoreTool.proxies(options, proxySeed, listOption, "croze");
    int budget = positive(options, "budget", 1000);
    int initPool = CommonOptions.intOption(options, "init-pool", 0);
    int samplePool = positive(options, "sample-pool", 50);
    int population = positive(options, "population", 64);
    int tournament = positive(options, "tournament", 10);
    int top = positive(options, "top", 3);
    int channels = positive(options, "channels", DartsNetwork.DEFAULT_CHANNELS);
    int cells = positive(options, "cells", DartsNetwork.DEFAULT_CELLS);
    String maxParams = Utils.getOption("max-params", options);
    String out = Utils.getOption('o', options);
    if (out.isEmpty()) {
      throw new ZcnasException("-o OUT.csv is required");
    }
    String cacheOption = Utils.getOption("cache", options);
    Path cacheFile = cacheOption.isEmpty() ? ScoreCache.defaultFile() : cacheOption.equals("none") ? null
        : Paths.get(cacheOption);
    Utils.checkForRemainingOptions(options);
    SearchStrategy strategy = SearchStrategy.forName(strategyName.isEmpty() ? "warmup-move" : strategyName,
        initPool, samplePool, population, tournament);
    switch (spaceName.isEmpty() ? "nb201" : spaceName) {
      case "nb201":
        if (budget > Nb201Architecture.SPACE_SIZE) {
          throw new ZcnasException("-budget " + budget + " exceeds the " + Nb201Architecture.SPACE_SIZE
              + " NB201 architectures");
        }
        Nb201Targets targets = Nb201Targets.load(common.benchDir);
        return search(new Nb201Space(), strategy, proxies, budget, common, cacheFile, Paths.get(out), top,
            targets.names().isEmpty() ? null : targets);
      case "darts":
        double m = maxParams.isEmpty() ? 6 : parseDouble("max-params", maxParams);
        return search(new DartsSpace(channels, cells, Math.round(m * 1e6)), strategy, proxies, budget, common,
            cacheFile, Paths.get(out), top, null);
      default:
        throw new ZcnasException("unknown space '" + spaceName + "' (use nb201 or darts)");
    }
  }

  private <A> int search(SearchSpace<A> space, SearchStrategy strategy, List<ZeroCostProxy> proxies, int budget,
      CommonOptions common, Path cacheFile, Path csv, int top, Nb201Targets targets) {
    System.err.printf("searching %s with %s guided by %s, budget %d, seed %d, images %s, cache %s%n", space.name(),
        strategy.name(), String.join("+", ScoreTool.names(proxies)), budget, common.seed, common.dataset.id(),
        cacheFile == null ? "off" : cacheFile);
    Memory.resetPeak();
    long start = System.nanoTime();
    SearchObjective<A> objective;
    try (ScoringSession session = common.session(); ScoreCache cache = ScoreCache.open(cacheFile)) {
      System.err.println("device " + session.device() + ", " + cache.size() + " scores cached");
      Scorer<A> scorer = new Scorer<>(session, cache, space.name(),
          a -> space.network(a, common.dataset.classes()), proxies.size());
      objective = new SearchObjective<>(scorer, proxies, budget, System.err::println);
      strategy.run(space, objective, new SplittableRandom(common.seed));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<A> ranking = objective.ranking();
    List<String> scoreColumns = Scorer.columns(proxies);
    boolean ensemble = proxies.size() > 1;
    List<String> columns = new ArrayList<>(scoreColumns);
    if (ensemble) {
      columns.add("mean_rank");
    }
    columns.add("scored_at");
    columns.add("params");
    List<String> targetNames = targets == null ? List.of() : targets.names();
    if (targets != null) {
      columns.add("nb201_index");
      columns.addAll(targetNames);
    }
    ScoreTable table = new ScoreTable("rank", columns);
    for (int r = 0; r < ranking.size(); r++) {
      A a = ranking.get(r);
      double[] row = new double[columns.size()];
      double[] s = objective.scores(a);
      System.arraycopy(s, 0, row, 0, s.length);
      int c = s.length;
      if (ensemble) {
        row[c++] = objective.value(a);
      }
      row[c++] = objective.scoredAt(a);
      row[c++] = space.network(a, common.dataset.classes()).parameterCount();
      if (targets != null) {
        Nb201Architecture arch = (Nb201Architecture) a;
        row[c++] = targets.index(arch);
        double[] acc = targets.values(arch);
        System.arraycopy(acc, 0, row, c, acc.length);
      }
      table.add(r + 1, a.toString(), row);
    }
    table.writeCsv(csv);
    Path arff = ScoreTool.arffBeside(csv);
    table.writeArff(arff, space.name().split(" ")[0] + "-search-" + strategy.name() + "-" + String.join("+",
        ScoreTool.names(proxies)) + "-seed" + common.seed);
    System.err.println("wrote " + csv + " and " + arff);

    System.out.printf(Locale.ROOT, "%s %s guided by %s, seed %d: %d architectures scored in %s (%.3f s each), "
        + "peak RSS %s MiB%n", space.name(), strategy.name(), String.join("+", ScoreTool.names(proxies)),
        common.seed, ranking.size(), Progress.duration(seconds), seconds / Math.max(1, ranking.size()),
        Memory.peakMiB());
    for (int r = 0; r < Math.min(top, ranking.size()); r++) {
      A a = ranking.get(r);
      System.out.printf(Locale.ROOT, "top-%d  %s=%.6g  params=%.3fM  %s%n", r + 1, ensemble ? "mean_rank"
          : scoreColumns.get(0), objective.value(a), space.network(a, common.dataset.classes()).parameterCount() / 1e6,
          a);
    }
    if (targets != null) {
      System.out.print(accuracySummary(table, targets, top));
    }
    return 0;
  }

  /** Accuracies of the top architectures beside the median and best of the whole space. */
  static String accuracySummary(ScoreTable table, Nb201Targets targets, int top) {
    List<String> shown = new ArrayList<>();
    for (String t : SUMMARY_TARGETS) {
      if (targets.names().contains(t)) {
        shown.add(t);
      }
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s", "NB201 accuracy (%)"));
    for (String t : shown) {
      b.append(String.format(Locale.ROOT, " %24s", t));
    }
    b.append('\n');
    int k = Math.min(top, table.rows());
    double[][] cols = new double[shown.size()][];
    for (int t = 0; t < shown.size(); t++) {
      cols[t] = table.column(shown.get(t));
    }
    for (int r = 0; r < k; r++) {
      b.append(String.format(Locale.ROOT, "%-24s", "top-" + (r + 1)));
      for (double[] col : cols) {
        b.append(String.format(Locale.ROOT, " %24.2f", col[r]));
      }
      b.append('\n');
    }
    b.append(String.format(Locale.ROOT, "%-24s", "top-" + k + " mean"));
    for (double[] col : cols) {
      b.append(String.format(Locale.ROOT, " %24.2f", Arrays.stream(col, 0, k).average().orElse(Double.NaN)));
    }
    b.append('\n');
    double[][] space = new double[shown.size()][Nb201Architecture.SPACE_SIZE];
    List<String> names = targets.names();
    for (int code = 0; code < Nb201Architecture.SPACE_SIZE; code++) {
      double[] v = targets.values(Nb201Architecture.fromCode(code));
      for (int t = 0; t < shown.size(); t++) {
        space[t][code] = v[names.indexOf(shown.get(t))];
      }
    }
    b.append(String.format(Locale.ROOT, "%-24s", "all 15625: median"));
    for (double[] col : space) {
      b.append(String.format(Locale.ROOT, " %24.2f", quantile(col, 0.5)));
    }
    b.append('\n');
    b.append(String.format(Locale.ROOT, "%-24s", "all 15625: best"));
    for (double[] col : space) {
      b.append(String.format(Locale.ROOT, " %24.2f", Arrays.stream(col).filter(Double::isFinite).max().orElse(Double.NaN)));
    }
    b.append('\n');
    return b.toString();
  }

  static double quantile(double[] values, double q) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  private static int positive(String[] options, String name, int dflt) throws Exception {
    int v = CommonOptions.intOption(options, name, dflt);
    if (v < 1) {
      throw new ZcnasException("-" + name + " must be at least 1, got " + v);
    }
    return v;
  }

  private static long optionalLong(String[] options, String name, long dflt) throws Exception {
    String v = Utils.getOption(name, options);
    return v.isEmpty() ? dflt : CommonOptions.parseLong(name, v);
  }

  private static double parseDouble(String name, String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new ZcnasException("-" + name + " needs a number, got '" + v + "'");
    }
  }
}
