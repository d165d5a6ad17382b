package zcnas.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import weka.core.Utils;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.BatchScorer;
import zcnas.score.IsomorphSharing;
import zcnas.score.ScoreTable;
import zcnas.score.Scorer;
import zcnas.space.ArchitectureList;
import zcnas.space.Benchmark;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.ZcnasException;

/** {@code zcnas score}: proxies for a list, an index list, a seeded sample or all of a space's architectures. */
final class ScoreTool implements Zcnas.SpaceTool {
  /** The column of -isomorphs share: the benchmark index of the architecture whose network gave the row's scores. */
  static final String SCORED_AS = "scored_as";

  @Override
  public String summary() {
    return "score architectures with zero-cost proxies; CSV + ARFF, rho against the benchmark accuracies";
  }

  @Override
  public String usage() {
    return "usage: zcnas score [options] -o OUT.csv\n"
        + "Scores architectures with zero-cost proxies; writes OUT.csv and OUT.arff (one row per architecture: the\n"
        + "benchmark index, arch, one column per proxy output, then in NB201 the benchmark accuracies in percent,\n"
        + "elsewhere the parameter count) and prints each proxy's Spearman rho and Kendall tau against the\n"
        + "accuracies of the data set whose images it was scored on (-dataset).\n"
        + "Architectures (one of):\n"
        + "  -sample N                   N architectures drawn with -seed (distinct in NB201)\n"
        + "  -archs FILE                 one architecture a line in the space's notation ('#' starts a comment)\n"
        + "  -indices I,J,...            benchmark indices (NB201, needs the tables)\n"
        + "  -all                        every architecture of a finite space (NB201: 15,625)\n"
        + "  -isomorphs each|share       each: every architecture scored on its own network (default); share: each\n"
        + "                              isomorphism class scored once, on its canonical member, whose scores every\n"
        + "                              member gets, labelled in a column scored_as (the canonical member's\n"
        + "                              benchmark index; NB201's 15,625 cells are 6,466 classes)\n"
        + "Proxies:\n"
        + "  -proxies a,b,...            by name, default settings (default " + CommonOptions.DEFAULT_PROXIES
        + "; known: " + String.join(", ", Proxies.names()) + ")\n"
        + "  -P \"name [options]\"         a proxy with options, e.g. -P \"naswot -B 64\" (repeatable; -P \"naswot -h\" "
        + "lists them)\n"
        + "Space:\n"
        + "  -space ID                   " + String.join(" or ", Spaces.ids()) + " (default nb201)\n"
        + Spaces.usage()
        + "Other:\n"
        + "  -o FILE.csv                 output (the ARFF goes beside it)\n"
        + CommonOptions.CACHE_USAGE
        + Scorers.USAGE
        + CommonOptions.USAGE;
  }

  @Override
  public <A> int run(SearchSpace<A> space, CommonOptions common, String[] options) throws Exception {
    List<ZeroCostProxy> proxies = common.proxies(options);
    Path csv = CommonOptions.output(options, "OUT.csv");
    Path cacheFile = CommonOptions.cacheFile(options);
    Scorers.Placement where = Scorers.placement(options, common);
    Benchmark<A> bench = common.benchmark(space, Benchmark.TargetSet.DEFAULT);
    List<A> archs = architectures(space, bench, options, common.seed);
    boolean share = shareIsomorphs(options);
    Utils.checkForRemainingOptions(options);
    if (share && bench.names().isEmpty()) {
      throw new ZcnasException("-isomorphs share labels each row with the benchmark index of the member scored, so it "
          + "needs a space with benchmark tables (nb201) and the tables (-bench)");
    }
    ScoreTable.checkWritable(csv);

    System.err.printf("scoring %d %s architectures with %s on %s, cache %s%n", archs.size(), space.name(),
        CommonOptions.names(proxies), common.dataset.description(), cacheFile == null ? "off" : cacheFile);
    double[][] scores;
    IsomorphSharing<A> sharing = null;
    try (Scorers scorers = Scorers.open(where, common, cacheFile)) {
      BatchScorer<A> scorer = scorers.scorer(space, common.spaceOptions, common.dataset);
      if (share) {
        sharing = new IsomorphSharing<>(scorer, space);
        scorer = sharing;
      }
      System.err.println(scorers.describe(common.dataset));
      scores = scorer.score(archs, proxies, System.err::println);
    }

    List<String> scoreColumns = Scorer.columns(proxies);
    List<String> columns = new ArrayList<>(scoreColumns);
    if (share) {
      columns.add(SCORED_AS);
    }
    boolean params = bench.names().isEmpty();
    if (params) {
      columns.add("params");
    }
    columns.addAll(bench.names());
    ScoreTable table = new ScoreTable(bench.indexColumn(), columns);
    for (int a = 0; a < archs.size(); a++) {
      double[] row = new double[columns.size()];
      System.arraycopy(scores[a], 0, row, 0, scoreColumns.size());
      int next = scoreColumns.size();
      if (sharing != null) {
        row[next++] = bench.index(sharing.scoredAs(archs.get(a)));
      }
      if (params) {
        row[next] = space.parameters(archs.get(a));
      }
      double[] acc = bench.values(archs.get(a));
      System.arraycopy(acc, 0, row, columns.size() - acc.length, acc.length);
      table.add(params ? a : bench.index(archs.get(a)), archs.get(a).toString(), row);
    }
    table.writeCsvAndArff(csv, space.id() + "-" + common.dataset.id() + "-proxy-scores");
    System.err.println("wrote " + csv + " and " + ScoreTable.arffBeside(csv));
    List<String> ownTargets = bench.names().stream().filter(t -> bench.dataset(t) == common.dataset).toList();
    if (!ownTargets.isEmpty()) {
      System.out.println("Scores computed on " + common.dataset.description() + "; against the "
          + common.dataset.id() + " accuracies:");
      System.out.print(CorrelateTool.format(table, scoreColumns, ownTargets));
    }
    return 0;
  }

  /** -isomorphs each|share (taken out of the options): whether isomorphism classes share one scoring. */
  private static boolean shareIsomorphs(String[] options) throws Exception {
    String value = Utils.getOption("isomorphs", options);
    if (value.isEmpty() || value.equals("each")) {
      return false;
    }
    if (value.equals("share")) {
      return true;
    }
    throw new ZcnasException("-isomorphs takes each or share, got '" + value + "'");
  }

  /** The architectures of -sample N, -archs FILE, -indices I,J,... or -all (exactly one of them). */
  static <A> List<A> architectures(SearchSpace<A> space, Benchmark<A> bench, String[] options, long seed)
      throws Exception {
    String sample = Utils.getOption("sample", options);
    String file = Utils.getOption("archs", options);
    String indices = Utils.getOption("indices", options);
    boolean all = Utils.getFlag("all", options);
    int given = (sample.isEmpty() ? 0 : 1) + (file.isEmpty() ? 0 : 1) + (indices.isEmpty() ? 0 : 1) + (all ? 1 : 0);
    if (given != 1) {
      throw new ZcnasException("give exactly one of -sample N, -archs FILE, -indices I,J,... or -all");
    }
    if (all) {
      return space.enumerate();
    }
    if (!sample.isEmpty()) {
      return ArchitectureList.sample(space, CommonOptions.parseLong("sample", sample), seed);
    }
    if (!file.isEmpty()) {
      return ArchitectureList.read(Paths.get(file), space);
    }
    List<A> archs = new ArrayList<>();
    for (String i : indices.split(",", -1)) {
      try {
        archs.add(bench.architecture(Integer.parseInt(i.trim())));
      } catch (NumberFormatException e) {
        throw new ZcnasException("-indices needs integers separated by commas, got '" + i + "' in '" + indices + "'");
      }
    }
    return archs;
  }
}
