package zcnas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import weka.core.Utils;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.BatchScorer;
import zcnas.score.ScoreTable;
import zcnas.score.Scorer;
import zcnas.search.SearchObjective;
import zcnas.search.SearchStrategy;
import zcnas.space.Benchmark;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.Memory;
import zcnas.util.Progress;
import zcnas.util.ZcnasException;

/** {@code zcnas search}: proxy-guided architecture search in any space (NAS-Bench-201, DARTS). */
final class SearchTool implements Zcnas.SpaceTool {
  /** The benchmark accuracies the summary reports (the shape of CRoZe's Table 8a). */
  private static final List<String> SUMMARY_TARGETS =
      List.of("cifar10_test_acc", "cifar10_fgsm_eps8_acc", "cifar10_corruption_acc");

  @Override
  public String summary() {
    return "proxy-guided architecture search (random, warmup-move, aging evolution) in NB201 or DARTS";
  }

  @Override
  public String usage() {
    return "usage: zcnas search [options] -o OUT.csv\n"
        + "Searches a space for the architecture a proxy (or an ensemble) rates best. Writes every scored\n"
        + "architecture, best first, to OUT.csv and OUT.arff: rank, arch (in the space's notation), the proxy's\n"
        + "score column(s), mean_rank for an ensemble, scored_at (order of scoring), params; in NB201 also the\n"
        + "benchmark index and accuracies. Prints the top architectures and, in NB201, their accuracies.\n"
        + "Every score goes to the score cache, so an interrupted search run again with the same options resumes.\n"
        + "  -space ID                   " + String.join(" or ", Spaces.ids()) + " (default nb201)\n"
        + Spaces.usage()
        + "  -strategy S                 random | warmup-move | evolution (default warmup-move)\n"
        + "  -proxy a[,b,...]            guiding proxy; several are an ensemble by mean rank (default croze)\n"
        + "  -P \"name [options]\"         a proxy with options (repeatable), e.g. -P \"croze -variant paper\"\n"
        + "  -budget N                   architectures to score (default 1000)\n"
        + "  -proxy-seed S               seed of the proxies' weights and batch (default 0)\n"
        + "  -init-pool N                warmup-move: random architectures scored first (default 60% of the budget;\n"
        + "                              the authors' 3000 of 5000)\n"
        + "  -sample-pool N              warmup-move: mutants scored per move (default 50; the authors' 100 on\n"
        + "                              CIFAR-100)\n"
        + "  -population N               evolution: population size (default 64)\n"
        + "  -tournament N               evolution: tournament size (default 10)\n"
        + "  -top K                      architectures printed (default 3)\n"
        + "  -o FILE.csv                 output (the ARFF goes beside it)\n"
        + CommonOptions.CACHE_USAGE
        + Scorers.USAGE
        + CommonOptions.USAGE.replace("seed of the sample, the weights and the batches", "seed of the search's draws");
  }

  @Override
  public <A> int run(SearchSpace<A> space, CommonOptions common, String[] options) throws Exception {
    String strategyName = Utils.getOption("strategy", options);
    long proxySeed = CommonOptions.longOption(options, "proxy-seed", 0, Long.MIN_VALUE, Long.MAX_VALUE, null);
    if (Utils.getOptionPos("proxies", options) >= 0 && Utils.getOptionPos("proxy", options) >= 0) {
      throw new ZcnasException("give -proxy or -proxies, not both");
    }
    String listOption = Utils.getOptionPos("proxies", options) >= 0 ? "proxies" : "proxy";
    List<ZeroCostProxy> proxies = Proxies.fromOptions(options, proxySeed, listOption, "croze");
    int max = (int) Math.min(space.size(), Integer.MAX_VALUE);
    int budget = budget(options, space);
    int initPool = CommonOptions.intOption(options, "init-pool", 0, 0, max);
    int samplePool = CommonOptions.intOption(options, "sample-pool", 50, 1, max);
    int population = CommonOptions.intOption(options, "population", 64, 1, max);
    int tournament = CommonOptions.intOption(options, "tournament", 10, 1, max);
    int top = CommonOptions.intOption(options, "top", 3, 1, max);
    Path csv = CommonOptions.output(options, "OUT.csv");
    Path cacheFile = CommonOptions.cacheFile(options);
    Scorers.Placement where = Scorers.placement(options, common);
    Benchmark<A> bench = common.benchmark(space, Benchmark.TargetSet.DEFAULT);
    Utils.checkForRemainingOptions(options);
    SearchStrategy strategy = SearchStrategy.forName(strategyName.isEmpty() ? "warmup-move" : strategyName,
        initPool, samplePool, population, tournament);
    ScoreTable.checkWritable(csv);

    // each proxy's score column (croze-paper, croze-scaled), which tells its settings apart, unlike its name
    String guide = String.join("+", proxies.stream().map(p -> p.outputs().get(0)).toList());
    System.err.printf("searching %s with %s guided by %s, budget %d, seed %d, images %s, cache %s%n", space.name(),
        strategy.name(), guide, budget, common.seed, common.dataset.id(), cacheFile == null ? "off" : cacheFile);
    Memory.resetPeak();
    long start = System.nanoTime();
    SearchObjective<A> objective;
    try (Scorers scorers = Scorers.open(where, common, cacheFile)) {
      // with -master the strategy stays here (deterministic by seed); each batch it asks for is scored on Spark
      BatchScorer<A> scorer = scorers.scorer(space, common.spaceOptions, common.dataset);
      System.err.println(scorers.describe(common.dataset));
      scorer.check(proxies);
      objective = new SearchObjective<>(scorer, proxies, budget, System.err::println);
      strategy.run(space, objective, new SplittableRandom(common.seed));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ScoreTable table = table(space, bench, objective);
    table.writeCsvAndArff(csv, space.id() + "-search-" + strategy.name() + "-" + guide + "-seed" + common.seed);
    System.err.println("wrote " + csv + " and " + ScoreTable.arffBeside(csv));

    List<A> ranking = objective.ranking();
    System.out.printf(Locale.ROOT, "%s %s guided by %s, seed %d: %d architectures scored in %s (%.3f s each), "
        + "peak RSS %s MiB%n", space.name(), strategy.name(), guide, common.seed, ranking.size(),
        Progress.duration(seconds), seconds / Math.max(1, ranking.size()), Memory.peakMiB());
    for (int r = 0; r < Math.min(top, ranking.size()); r++) {
      A a = ranking.get(r);
      System.out.printf(Locale.ROOT, "top-%d  %s=%.6g  params=%.3fM  %s%n", r + 1, proxies.size() > 1 ? "mean_rank"
          : guide, objective.value(a), space.parameters(a) / 1e6, a);
    }
    if (!bench.names().isEmpty() && space.size() < Long.MAX_VALUE) {
      System.out.print(accuracySummary(table, space, bench, top));
    }
    return 0;
  }

  private static int budget(String[] options, SearchSpace<?> space) throws Exception {
    int budget = CommonOptions.intOption(options, "budget", 1000, 1, Integer.MAX_VALUE);
    if (budget > space.size()) {
      throw new ZcnasException("-budget " + budget + " exceeds the " + space.size() + " " + space.id()
          + " architectures");
    }
    return budget;
  }

  /** Every scored architecture best first: rank, arch, scores, mean_rank, scored_at, params, benchmark columns. */
  private static <A> ScoreTable table(SearchSpace<A> space, Benchmark<A> bench, SearchObjective<A> objective) {
    List<String> columns = new ArrayList<>(Scorer.columns(objective.proxies()));
    boolean ensemble = objective.proxies().size() > 1;
    if (ensemble) {
      columns.add("mean_rank");
    }
    columns.add("scored_at");
    columns.add("params");
    if (!bench.names().isEmpty()) {
      columns.add(bench.indexColumn());
      columns.addAll(bench.names());
    }
    ScoreTable table = new ScoreTable("rank", columns);
    List<A> ranking = objective.ranking();
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
      row[c++] = space.parameters(a);
      if (!bench.names().isEmpty()) {
        row[c++] = bench.index(a);
        double[] acc = bench.values(a);
        System.arraycopy(acc, 0, row, c, acc.length);
      }
      table.add(r + 1, a.toString(), row);
    }
    return table;
  }

  /** Accuracies of the top architectures beside the median and best of the whole space. */
  static <A> String accuracySummary(ScoreTable table, SearchSpace<A> space, Benchmark<A> bench, int top) {
    List<String> shown = SUMMARY_TARGETS.stream().filter(bench.names()::contains).toList();
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s", space.id() + " accuracy (%)"));
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
    List<A> all = space.enumerate();
    double[][] values = new double[shown.size()][all.size()];
    for (int a = 0; a < all.size(); a++) {
      double[] v = bench.values(all.get(a));
      for (int t = 0; t < shown.size(); t++) {
        values[t][a] = v[bench.names().indexOf(shown.get(t))];
      }
    }
    b.append(String.format(Locale.ROOT, "%-24s", "all " + all.size() + ": median"));
    for (double[] col : values) {
      b.append(String.format(Locale.ROOT, " %24.2f", quantile(col, 0.5)));
    }
    b.append('\n');
    b.append(String.format(Locale.ROOT, "%-24s", "all " + all.size() + ": best"));
    for (double[] col : values) {
      b.append(String.format(Locale.ROOT, " %24.2f", Arrays.stream(col).filter(Double::isFinite).max()
          .orElse(Double.NaN)));
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
}
