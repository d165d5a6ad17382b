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
import zcnas.data.DataPaths;
import zcnas.network.Nb201Network;
import zcnas.proxy.Proxies;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.ScoreTable;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Table;
import zcnas.util.ZcnasException;

/** {@code zcnas score}: proxies for a list, an index list, a seeded sample or all of the NB201 architectures. */
final class ScoreTool implements Zcnas.Tool {
  static final String DEFAULT_PROXIES = "gradnorm,snip,synflow,naswot";

  @Override
  public String usage() {
    return "usage: zcnas score [options] -o OUT.csv\n"
        + "Scores NAS-Bench-201 architectures with zero-cost proxies; writes OUT.csv and OUT.arff (one row per\n"
        + "architecture: nb201_index, arch, one column per proxy, and the benchmark's test accuracies when the\n"
        + "tables are available) and prints each proxy's Spearman rho and Kendall tau against those accuracies.\n"
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
        + "  -space nb201                the search space (default nb201)\n"
        + "  -o FILE.csv                 output (the ARFF goes beside it)\n"
        + "  -cache FILE|none            persistent score cache (default ~/.zcnas/scores.tsv)\n"
        + CommonOptions.USAGE;
  }

  @Override
  public int run(String[] options) throws Exception {
    CommonOptions common = new CommonOptions();
    common.parse(options);
    String space = Utils.getOption("space", options);
    if (!space.isEmpty() && !space.equals("nb201")) {
      throw new ZcnasException("unknown space '" + space + "' (the score tool knows nb201)");
    }
    String out = Utils.getOption('o', options);
    if (out.isEmpty()) {
      throw new ZcnasException("-o OUT.csv is required");
    }
    Path csv = Paths.get(out);
    List<ZeroCostProxy> proxies = proxies(options, common.seed);
    String cacheOption = Utils.getOption("cache", options);
    Path cacheFile = cacheOption.isEmpty() ? defaultCache() : cacheOption.equals("none") ? null : Paths.get(cacheOption);

    Nb201Table accuracy = common.benchDir == null ? null : optionalTable(DataPaths.testAccuracyTable(common.benchDir));
    List<Nb201Architecture> archs = architectures(options, common.seed, accuracy);
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

    List<String> columns = new ArrayList<>(names(proxies));
    List<String> accColumns = new ArrayList<>();
    if (accuracy != null) {
      for (String c : accuracy.columns()) {
        accColumns.add(c + "_test_acc");
      }
    }
    columns.addAll(accColumns);
    ScoreTable table = new ScoreTable("nb201_index", columns);
    for (int a = 0; a < archs.size(); a++) {
      double[] row = new double[columns.size()];
      System.arraycopy(scores[a], 0, row, 0, proxies.size());
      for (int c = 0; accuracy != null && c < accColumns.size(); c++) {
        row[proxies.size() + c] = accuracy.value(archs.get(a), accuracy.columns().get(c));
      }
      table.add(accuracy == null ? -1 : accuracy.index(archs.get(a)), archs.get(a).toString(), row);
    }
    table.writeCsv(csv);
    Path arff = arffBeside(csv);
    table.writeArff(arff, "nb201-" + common.dataset.id() + "-proxy-scores");
    System.err.println("wrote " + csv + " and " + arff);
    if (!accColumns.isEmpty()) {
      System.out.print(CorrelateTool.format(table, names(proxies), accColumns));
    }
    return 0;
  }

  static Path defaultCache() {
    return Paths.get(System.getProperty("user.home"), ".zcnas", "scores.tsv");
  }

  static Path arffBeside(Path csv) {
    String name = csv.getFileName().toString();
    String base = name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return csv.resolveSibling(base + ".arff");
  }

  static Nb201Table optionalTable(Path file) {
    return Files.isRegularFile(file) ? Nb201Table.read(file) : null;
  }

  static List<String> names(List<ZeroCostProxy> proxies) {
    List<String> names = new ArrayList<>();
    for (ZeroCostProxy p : proxies) {
      names.add(p.name());
    }
    return names;
  }

  static List<ZeroCostProxy> proxies(String[] options, long seed) throws Exception {
    String list = Utils.getOption("proxies", options);
    List<ZeroCostProxy> proxies = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    String spec;
    while (!(spec = Utils.getOption('P', options)).isEmpty()) {
      specs.add(spec);
    }
    if (!list.isEmpty() || specs.isEmpty()) {
      proxies.addAll(Proxies.parseList(list.isEmpty() ? DEFAULT_PROXIES : list, seed));
    }
    for (String s : specs) {
      String[] parts = Utils.splitOptions(s);
      ZeroCostProxy p = Proxies.create(parts[0]);
      p.setSeed(seed);
      parts[0] = "";
      try {
        // -S given inside the spec overrides the tool's -seed; otherwise the tool's seed holds.
        String[] withSeed = new String[parts.length + 2];
        withSeed[0] = "-S";
        withSeed[1] = Long.toString(seed);
        System.arraycopy(parts, 0, withSeed, 2, parts.length);
        if (Utils.getOptionPos('S', parts) >= 0) {
          withSeed[0] = "";
          withSeed[1] = "";
        }
        p.setOptions(withSeed);
      } catch (Exception e) {
        throw new ZcnasException("proxy '" + s + "': " + e.getMessage());
      }
      proxies.add(p);
    }
    Set<String> seen = new HashSet<>();
    for (ZeroCostProxy p : proxies) {
      if (!seen.add(p.name())) {
        throw new ZcnasException("proxy '" + p.name() + "' is given twice; each proxy is one output column");
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
      return readArchitectures(Paths.get(file));
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

  static List<Nb201Architecture> readArchitectures(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ZcnasException("cannot read architecture list " + file + ": " + e.getMessage(), e);
    }
    List<Nb201Architecture> archs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (text.isEmpty()) {
        continue;
      }
      try {
        archs.add(Nb201Architecture.parse(text));
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
