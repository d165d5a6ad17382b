package zcnas.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import weka.core.Utils;
import zcnas.data.DataPaths;
import zcnas.score.ScoreTable;
import zcnas.space.ArchitectureList;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Table;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.ZcnasException;

/** {@code zcnas arff}: a benchmark ARFF of NB201 architectures and their accuracies, from the NAS-Bench-201 tables. */
final class ArffTool implements Zcnas.Tool {

  @Override
  public String summary() {
    return "a benchmark ARFF (and CSV) of architectures and their accuracies, to open in Weka";
  }

  @Override
  public String usage() {
    return "usage: zcnas arff [-sample N | -all] [-seed S] [-connected] [-unique] [-full] [-bench DIR]\n"
        + "                 [-class NAME[,NAME...]] -o OUT.arff\n"
        + "       zcnas arff -space darts -sample N [-seed S] [-channels C -cells L] -o OUT.arff\n"
        + "Writes one instance per NB201 architecture: nb201_index, arch (string) and the accuracies in percent\n"
        + "(clean test accuracy on CIFAR-10/100 and ImageNet16-120, CIFAR-10 FGSM eps 4 and 8, PGD eps 8, common\n"
        + "corruption means on CIFAR-10/100), HRS (harmonic mean of clean and robust accuracy) for FGSM eps 8 and\n"
        + "corruptions, with a CSV of the same content beside it.\n"
        + "  -o OUT.arff   the ARFF to write (the CSV goes beside it)\n"
        + "  -sample N     N architectures drawn with -seed (default: all 15,625)\n"
        + "  -seed S       seed of the sample (default 0)\n"
        + "  -connected    keep only architectures whose cell output is connected to its input\n"
        + "  -unique       keep one architecture per isomorphism class (uid_noniso; 6,466 classes)\n"
        + "  -full         every accuracy of the tables: CIFAR-10 FGSM/PGD/APGD/Square at several eps and the\n"
        + "                validation accuracy, CIFAR-100 and ImageNet16-120 attacks at eps 1/255, and the\n"
        + "                adversarially trained networks of NAS-RobBench-201\n"
        + "  -bench DIR    folder with the NAS-Bench-201 CSV tables (default ../shared/data/nb201)\n"
        + "  -class NAMES  instead of OUT.arff, one OUT-NAME.arff (and CSV) per named accuracy with that accuracy\n"
        + "                last, where Weka's Experimenter takes the class from (the prepared experiments' data)\n"
        + "  -space darts  a DARTS data set instead: N seeded genotypes (DARTS notation) and their parameter counts\n"
        + "                (no benchmark accuracies exist for DARTS), to rank or filter in Weka\n";
  }

  @Override
  public int run(String[] options) throws Exception {
    Path out = CommonOptions.output(options, "OUT.arff");
    String sample = Utils.getOption("sample", options);
    Utils.getFlag("all", options);
    String seed = Utils.getOption("seed", options);
    String spaceId = Utils.getOption("space", options);
    if (!spaceId.isEmpty() && !spaceId.equals("nb201")) {
      return withoutBenchmark(Spaces.create(spaceId, options), sample, seed, options, out);
    }
    boolean connected = Utils.getFlag("connected", options);
    boolean unique = Utils.getFlag("unique", options);
    boolean full = Utils.getFlag("full", options);
    String bench = Utils.getOption("bench", options);
    String classOption = Utils.getOption("class", options);
    Utils.checkForRemainingOptions(options);
    Path benchDir = bench.isEmpty() ? DataPaths.benchmarkTables() : Paths.get(bench);
    Nb201Targets targets = Nb201Targets.load(benchDir, full ? Nb201Targets.ALL : Nb201Targets.DEFAULT);
    if (targets.names().isEmpty()) {
      throw new ZcnasException("no NAS-Bench-201 table found in " + benchDir);
    }
    java.util.Set<Integer> classes = new java.util.HashSet<>();
    List<Nb201Architecture> pool = new ArrayList<>();
    // Benchmark-index order, so -unique keeps each class's lowest-index member.
    Nb201Table order = targets.anyTable();
    for (int i = 0; i < Nb201Architecture.SPACE_SIZE; i++) {
      Nb201Architecture a = order.architecture(i);
      if (connected && !a.isConnected()) {
        continue;
      }
      if (unique) {
        int c = targets.isomorphismClass(a);
        if (c < 0) {
          throw new ZcnasException("-unique needs a table with uid_noniso (robustness_eps1.csv) in " + benchDir);
        }
        if (!classes.add(c)) {
          continue;
        }
      }
      pool.add(a);
    }
    List<Nb201Architecture> archs = pool;
    if (!sample.isEmpty()) {
      long n = CommonOptions.parseLong("sample", sample);
      if (n < 1 || n > pool.size()) {
        throw new ZcnasException("-sample must be between 1 and the " + pool.size() + " architectures available, got "
            + n);
      }
      archs = new ArrayList<>();
      java.util.Set<Nb201Architecture> allowed = new java.util.HashSet<>(pool);
      for (Nb201Architecture a : Nb201Architecture.sample(Nb201Architecture.SPACE_SIZE, seed.isEmpty() ? 0
          : CommonOptions.parseLong("seed", seed))) {
        if (archs.size() < n && allowed.contains(a)) {
          archs.add(a);
        }
      }
    }
    List<String> columns = new ArrayList<>(targets.names());
    int clean = columns.indexOf("cifar10_test_acc");
    int fgsm = columns.indexOf("cifar10_fgsm_eps8_acc");
    int corr = columns.indexOf("cifar10_corruption_acc");
    boolean hrs = clean >= 0 && fgsm >= 0 && corr >= 0;
    if (hrs) {
      columns.add("cifar10_hrs_fgsm_eps8");
      columns.add("cifar10_hrs_corruption");
    }
    ScoreTable table = new ScoreTable("nb201_index", columns);
    for (Nb201Architecture a : archs) {
      double[] v = targets.values(a);
      double[] row = java.util.Arrays.copyOf(v, columns.size());
      if (hrs) {
        row[v.length] = harmonic(v[clean], v[fgsm]);
        row[v.length + 1] = harmonic(v[clean], v[corr]);
      }
      table.add(targets.index(a), a.toString(), row);
    }
    if (classOption.isEmpty()) {
      write(table, "nb201-benchmark", out);
      return 0;
    }
    List<String> names = List.of(classOption.trim().split("\\s*,\\s*"));
    for (String c : names) {
      if (!columns.contains(c)) {
        throw new ZcnasException("-class: no accuracy '" + c + "' among " + columns
            + (full ? "" : " (-full adds every attack, data set and the adversarially trained accuracies)"));
      }
    }
    String base = out.getFileName().toString().replaceFirst("\\.arff$", "");
    for (String c : names) {
      write(table.withLast(c), "nb201-" + c, out.resolveSibling(base + "-" + c + ".arff"));
    }
    return 0;
  }

  /** A data set of a space without benchmark tables: N seeded architectures and their parameter counts. */
  private static <A> int withoutBenchmark(SearchSpace<A> space, String sample, String seed, String[] options, Path arff)
      throws Exception {
    Utils.checkForRemainingOptions(options);
    if (sample.isEmpty()) {
      throw new ZcnasException("-space " + space.id() + " needs -sample N (the space cannot be listed whole)");
    }
    List<A> archs = ArchitectureList.sample(space, CommonOptions.parseLong("sample", sample),
        seed.isEmpty() ? 0 : CommonOptions.parseLong("seed", seed));
    ScoreTable table = new ScoreTable("index", List.of("params"));
    for (int i = 0; i < archs.size(); i++) {
      table.add(i, archs.get(i).toString(), new double[] {space.parameters(archs.get(i))});
    }
    write(table, space.name().replace(' ', '-') + "-architectures", arff);
    return 0;
  }

  private static void write(ScoreTable table, String relation, Path arff) {
    String name = arff.getFileName().toString();
    Path csv = arff.resolveSibling((name.endsWith(".arff") ? name.substring(0, name.length() - 5) : name) + ".csv");
    table.writeArff(arff, relation);
    table.writeCsv(csv);
    System.err.println("wrote " + table.rows() + " architectures to " + arff + " and " + csv);
  }

  /** HRS (the CRoZe paper's harmonic robustness score): the harmonic mean of clean and robust accuracy. */
  static double harmonic(double clean, double robust) {
    return clean + robust == 0 ? 0 : 2 * clean * robust / (clean + robust);
  }
}
