package zcnas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import weka.core.Utils;
import zcnas.network.DartsNetwork;
import zcnas.network.Nb201Network;
import zcnas.proxy.Proxies;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.ScoreTable;
import zcnas.score.Scorer;
import zcnas.search.DartsSpace;
import zcnas.space.darts.DartsGenotype;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Table;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.ZcnasException;
import zcnas.weka.ProxySpecs;

/** {@code zcnas score}: proxies for a list, an index list, a seeded sample or all of the NB201 architectures. */
final class ScoreTool implements Zcnas.Tool {
  static final String DEFAULT_PROXIES = "gradnorm,snip,synflow,naswot";

  @Override
  public String usage() {
    return "usage: zcnas score [options] -o OUT.csv\n"
        + "Scores NAS-Bench-201 architectures with zero-cost proxies; writes OUT.csv and OUT.arff (one row per\n"
        + "architecture: nb201_index, arch, one column per proxy output, and the benchmark accuracies in percent when\n"
        + "the tables are found: clean test accuracy on CIFAR-10/100 and ImageNet16-120, CIFAR-10 FGSM eps 4 and 8,\n"
        + "PGD eps 8, and the mean accuracy under common corruptions on CIFAR-10/100) and prints each proxy's\n"
        + "Spearman rho and Kendall tau against those accuracies.\n"
        + "Architectures (one of):\n"
        + "  -sample N                   N distinct architectures drawn with -seed\n"
        + "  -archs FILE                 one NB201 string a line ('#' starts a comment)\n"
        + "  -indices I,J,...            NAS-Bench-201 indices (needs the benchmark tables)\n"
        + "  -all                        all 15,625\n"
        + "Proxies:\n"
        + "  -proxies a,b,...            by name, default settings (default " + DEFAULT_PROXIES + "; known: "
        + String.join(", ", Proxies.names()) + ")\n"
        + "  -P \"name [options]\"         a proxy with options, e.g. -P \"naswot -B 64\" (repeatable; -P naswot -h lists them)\n"
        + "Other:\n"
        + "  -space nb201|darts          the search space (default nb201); darts takes -archs FILE (one genotype in\n"
        + "                              the DARTS Genotype(...) notation a line) or -sample N, and -channels C,\n"
        + "                              -cells L (default 36, 20); its output has the parameter counts\n"
        + "  -o FILE.csv                 output (the ARFF goes beside it)\n"
        + "  -cache FILE|none            persistent score cache (default ~/.zcnas/scores.tsv)\n"
        + CommonOptions.USAGE;
  }

  @Override
  public int run(String[] options) throws Exception {
    CommonOptions common = new CommonOptions();
    common.parse(options);
    String space = Utils.getOption("space", options);
    if (!space.isEmpty() && !space.equals("nb201") && !space.equals("darts")) {
      throw new ZcnasException("unknown space '" + space + "' (use nb201 or darts)");
    }
    String out = Utils.getOption('o', options);
    if (out.isEmpty()) {
      throw new ZcnasException("-o OUT.csv is required");
    }
    Path csv = Paths.get(out);
    List<ZeroCostProxy> proxies = proxies(options, common.seed);
    String cacheOption = Utils.getOption("cache", options);
    Path cacheFile = cacheOption.isEmpty() ? ScoreCache.defaultFile() : cacheOption.equals("none") ? null : Paths.get(cacheOption);

    if (space.equals("darts")) {
      return scoreDarts(options, common, csv, proxies, cacheFile);
    }
    Nb201Targets targets = Nb201Targets.load(common.benchDir);
    List<Nb201Architecture> archs = architectures(options, common.seed, targets.anyTable());
    Utils.checkForRemainingOptions(options);

    System.err.printf("scoring %d NB201 architectures with %s on %s (%s batches), cache %s%n", archs.size(),
        names(proxies), common.dataset.id(), common.order.name().toLowerCase(), cacheFile == null ? "off" : cacheFile);
    double[][] scores;
    try (ScoringSession session = common.session(); ScoreCache cache = ScoreCache.open(cacheFile)) {
      System.err.println("device " + session.device() + ", " + cache.size() + " scores cached");
      Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, "nb201",
          a -> new Nb201Network(a, common.dataset.classes(), 32), proxies.size());
      scores = scorer.score(archs, proxies, System.err::println);
    }

    List<String> scoreColumns = Scorer.columns(proxies);
    List<String> columns = new ArrayList<>(scoreColumns);
    List<String> accColumns = targets.names();
    columns.addAll(accColumns);
    ScoreTable table = new ScoreTable("nb201_index", columns);
    for (int a = 0; a < archs.size(); a++) {
      double[] row = new double[columns.size()];
      System.arraycopy(scores[a], 0, row, 0, scoreColumns.size());
      System.arraycopy(targets.values(archs.get(a)), 0, row, scoreColumns.size(), accColumns.size());
      table.add(targets.index(archs.get(a)), archs.get(a).toString(), row);
    }
    table.writeCsv(csv);
    Path arff = arffBeside(csv);
    table.writeArff(arff, "nb201-" + common.dataset.id() + "-proxy-scores");
    System.err.println("wrote " + csv + " and " + arff);
    if (!accColumns.isEmpty()) {
      System.out.print(CorrelateTool.format(table, scoreColumns, accColumns));
    }
    return 0;
  }

  /** DARTS genotypes from -archs FILE or -sample N: scores and parameter counts (there is no benchmark). */
  private int scoreDarts(String[] options, CommonOptions common, Path csv, List<ZeroCostProxy> proxies, Path cacheFile)
      throws Exception {
    DartsSpace space = new DartsSpace(CommonOptions.intOption(options, "channels", DartsNetwork.DEFAULT_CHANNELS),
        CommonOptions.intOption(options, "cells", DartsNetwork.DEFAULT_CELLS), Long.MAX_VALUE);
    String sample = Utils.getOption("sample", options);
    String file = Utils.getOption("archs", options);
    if (sample.isEmpty() == file.isEmpty()) {
      throw new ZcnasException("DARTS: give exactly one of -sample N or -archs FILE (one genotype a line)");
    }
    Utils.checkForRemainingOptions(options);
    List<DartsGenotype> archs = new ArrayList<>();
    if (file.isEmpty()) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(common.seed);
      for (long i = CommonOptions.parseLong("sample", sample); i > 0; i--) {
        archs.add(space.sample(random));
      }
    } else {
      archs.addAll(readArchitectures(Paths.get(file), DartsGenotype::parse));
    }
    System.err.printf("scoring %d DARTS genotypes (%s) with %s on %s, cache %s%n", archs.size(), space.name(),
        names(proxies), common.dataset.id(), cacheFile == null ? "off" : cacheFile);
    double[][] scores;
    try (ScoringSession session = common.session(); ScoreCache cache = ScoreCache.open(cacheFile)) {
      Scorer<DartsGenotype> scorer = new Scorer<>(session, cache, space.name(),
          a -> space.network(a, common.dataset.classes()), proxies.size());
      scores = scorer.score(archs, proxies, System.err::println);
    }
    List<String> columns = new ArrayList<>(Scorer.columns(proxies));
    columns.add("params");
    ScoreTable table = new ScoreTable("index", columns);
    for (int a = 0; a < archs.size(); a++) {
      double[] row = java.util.Arrays.copyOf(scores[a], columns.size());
      row[columns.size() - 1] = space.network(archs.get(a), common.dataset.classes()).parameterCount();
      table.add(a, archs.get(a).toString(), row);
    }
    table.writeCsv(csv);
    Path arff = arffBeside(csv);
    table.writeArff(arff, "darts-" + common.dataset.id() + "-proxy-scores");
    System.err.println("wrote " + csv + " and " + arff);
    return 0;
  }

  static Path arffBeside(Path csv) {
    String name = csv.getFileName().toString();
    String base = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return csv.resolveSibling(base + ".arff");
  }

  static List<String> names(List<ZeroCostProxy> proxies) {
    List<String> names = new ArrayList<>();
    for (ZeroCostProxy p : proxies) {
      names.add(p.name());
    }
    return names;
  }

  static List<ZeroCostProxy> proxies(String[] options, long seed) throws Exception {
    return proxies(options, seed, "proxies", DEFAULT_PROXIES);
  }

  /** The proxies named by the list option (default list when neither it nor any -P is given) and the -P specs. */
  static List<ZeroCostProxy> proxies(String[] options, long seed, String listOption, String defaultList)
      throws Exception {
    String list = Utils.getOption(listOption, options);
    List<ZeroCostProxy> proxies = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    String spec;
    while (!(spec = Utils.getOption('P', options)).isEmpty()) {
      specs.add(spec);
    }
    if (!list.isEmpty() || specs.isEmpty()) {
      proxies.addAll(Proxies.parseList(list.isEmpty() ? defaultList : list, seed));
    }
    for (String s : specs) {
      ZeroCostProxy p;
      try {
        p = ProxySpecs.parse(s);
      } catch (ZcnasException e) {
        throw e;
      } catch (Exception e) {
        throw new ZcnasException("proxy '" + s + "': " + e.getMessage());
      }
      // -S given inside the spec overrides the tool's -seed; otherwise the tool's seed holds.
      if (Utils.getOptionPos('S', Utils.splitOptions(s)) < 0) {
        p.setSeed(seed);
      }
      proxies.add(p);
    }
    Set<String> seen = new HashSet<>();
    for (String column : Scorer.columns(proxies)) {
      if (!seen.add(column)) {
        throw new ZcnasException("output column '" + column + "' is given twice: each proxy may appear once");
      }
    }
    return proxies;
  }

  static List<Nb201Architecture> architectures(String[] options, long seed, Nb201Table table) throws Exception {
    String sample = Utils.getOption("sample", options);
    String file = Utils.getOption("archs", options);
    String indices = Utils.getOption("indices", options);
    boolean all = Utils.getFlag("all", options);
    int given = (sample.isEmpty() ? 0 : 1) + (file.isEmpty() ? 0 : 1) + (indices.isEmpty() ? 0 : 1) + (all ? 1 : 0);
    if (given != 1) {
      throw new ZcnasException("give exactly one of -sample N, -archs FILE, -indices I,J,... or -all");
    }
    if (all) {
      return Nb201Architecture.enumerate();
    }
    if (!sample.isEmpty()) {
      return Nb201Architecture.sample((int) CommonOptions.parseLong("sample", sample), seed);
    }
    if (!file.isEmpty()) {
      return readArchitectures(Paths.get(file), Nb201Architecture::parse);
    }
    if (table == null) {
      throw new ZcnasException("-indices needs the NAS-Bench-201 tables (see -bench)");
    }
    List<Nb201Architecture> archs = new ArrayList<>();
    for (String i : indices.split(",")) {
      archs.add(table.architecture((int) CommonOptions.parseLong("indices", i)));
    }
    return archs;
  }

  /** One architecture a line in the space's notation; '#' starts a comment; errors name the file and line. */
  static <A> List<A> readArchitectures(Path file, java.util.function.Function<String, A> parse) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ZcnasException("cannot read architecture list " + file + ": " + e.getMessage(), e);
    }
    List<A> archs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (text.isEmpty()) {
        continue;
      }
      try {
        archs.add(parse.apply(text));
      } catch (ZcnasException e) {
        throw new ZcnasException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (archs.isEmpty()) {
      throw new ZcnasException(file + " holds no architecture");
    }
    return archs;
  }
}
