package zcnas.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import weka.core.Utils;
import zcnas.data.DataPaths;
import zcnas.score.ScoreTable;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.ZcnasException;

/** {@code zcnas arff}: a benchmark ARFF of NB201 architectures and their accuracies, from the NAS-Bench-201 tables. */
final class ArffTool implements Zcnas.Tool {

  @Override
  public String usage() {
    return "usage: zcnas arff [-sample N | -all] [-seed S] [-connected] [-bench DIR] -o OUT.arff\n"
        + "Writes one instance per NB201 architecture: nb201_index, arch (string) and the accuracies in percent\n"
        + "(clean test accuracy on CIFAR-10/100 and ImageNet16-120, CIFAR-10 FGSM eps 4 and 8, PGD eps 8, common\n"
        + "corruption means on CIFAR-10/100), with a CSV of the same content beside it.\n"
        + "  -sample N     N architectures drawn with -seed (default: all 15,625)\n"
        + "  -connected    keep only architectures whose cell output is connected to its input\n"
        + "  -bench DIR    folder with the NAS-Bench-201 CSV tables (default ../shared/data/nb201)\n";
  }

  @Override
  public int run(String[] options) throws Exception {
    String out = Utils.getOption('o', options);
    if (out.isEmpty()) {
      throw new ZcnasException("-o OUT.arff is required");
    }
    String sample = Utils.getOption("sample", options);
    Utils.getFlag("all", options);
    String seed = Utils.getOption("seed", options);
    boolean connected = Utils.getFlag("connected", options);
    String bench = Utils.getOption("bench", options);
    Utils.checkForRemainingOptions(options);
    Path benchDir = bench.isEmpty() ? DataPaths.benchmarkTables() : Paths.get(bench);
    Nb201Targets targets = Nb201Targets.load(benchDir);
    if (targets.names().isEmpty()) {
      throw new ZcnasException("no NAS-Bench-201 table found in " + benchDir);
    }
    List<Nb201Architecture> pool = new ArrayList<>();
    for (Nb201Architecture a : Nb201Architecture.enumerate()) {
      if (!connected || a.isConnected()) {
        pool.add(a);
      }
    }
    List<Nb201Architecture> archs = pool;
    if (!sample.isEmpty()) {
      int n = (int) CommonOptions.parseLong("sample", sample);
      if (n > pool.size()) {
        throw new ZcnasException("-sample " + n + " is more than the " + pool.size() + " architectures available");
      }
      archs = new ArrayList<>();
      for (Nb201Architecture a : Nb201Architecture.sample(Nb201Architecture.SPACE_SIZE, seed.isEmpty() ? 0
          : CommonOptions.parseLong("seed", seed))) {
        if (archs.size() < n && (!connected || a.isConnected())) {
          archs.add(a);
        }
      }
    }
    ScoreTable table = new ScoreTable("nb201_index", targets.names());
    for (Nb201Architecture a : archs) {
      table.add(targets.index(a), a.toString(), targets.values(a));
    }
    Path arff = Paths.get(out);
    table.writeArff(arff, "nb201-benchmark");
    String name = arff.getFileName().toString();
    Path csv = arff.resolveSibling((name.endsWith(".arff") ? name.substring(0, name.length() - 5) : name) + ".csv");
    table.writeCsv(csv);
    System.err.println("wrote " + archs.size() + " architectures to " + arff + " and " + csv);
    return 0;
  }
}
