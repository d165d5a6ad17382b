package zcnas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.experiment.ExperimentPlots;
import zcnas.experiment.ExperimentResult;
import zcnas.experiment.ExperimentRunner;
import zcnas.experiment.ExperimentSpec;
import zcnas.score.BatchScorer;
import zcnas.space.Benchmark;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.AtomicFiles;
import zcnas.util.Progress;
import zcnas.util.ZcnasException;

/** {@code zcnas experiment NAME}: one of the prepared experiments that reproduce the paper's correlation tables. */
final class ExperimentTool implements Zcnas.Tool {
  static final int DEFAULT_ARCHS = 200;
  static final int DEFAULT_SEEDS = 3;
  static final int QUICK_ARCHS = 24;
  static final int QUICK_SEEDS = 2;

  @Override
  public String summary() {
    return "a prepared experiment (the paper's tables): correlation, ablation, perturbation, init, ensemble, "
        + "advtrained";
  }

  @Override
  public String usage() {
    return "usage: zcnas experiment NAME [-quick] [-n N] [-seeds K] [-out DIR] [options]\n"
        + "NAME: " + String.join(", ", ExperimentSpec.NAMES) + "\n"
        + "Scores one seeded sample of NB201 architectures (sample seed -seed) once per seed (proxy seeds -seed ..\n"
        + "-seed+K-1: weights and batch), each target's proxies on its own data set's images (CIFAR-10, CIFAR-100,\n"
        + "and for ImageNet16-120 CIFAR-100 images averaged down to 16x16 with 120-class networks), and writes\n"
        + "DIR/NAME.csv (proxy, target, rho_mean, rho_std, tau_mean,\n"
        + "tau_std, n_archs, n_seeds, p_vs_first: Weka's paired corrected t-test against the first row), NAME.arff,\n"
        + "NAME-runs.arff (the per-seed correlations as an Experimenter result set: Analyse panel, File...), NAME.md\n"
        + "(the table beside the paper's numbers) and PNG plots: NAME-rho-heatmap.png and NAME-scatter-PROXY.png (score rank vs the first target, first seed).\n"
        + "  -n N          architectures (default " + DEFAULT_ARCHS + "; -quick " + QUICK_ARCHS + ")\n"
        + "  -seeds K      seeds (default " + DEFAULT_SEEDS + "; -quick " + QUICK_SEEDS + ")\n"
        + "  -out DIR      results folder (default experiments/results)\n"
        + CommonOptions.CACHE_USAGE
        + Scorers.USAGE
        + CommonOptions.USAGE.substring(CommonOptions.USAGE.indexOf("  -data "));
  }

  @Override
  public int run(String[] options) throws Exception {
    if (options.length == 0 || options[0].startsWith("-")) {
      throw new ZcnasException("name an experiment: " + String.join(", ", ExperimentSpec.NAMES));
    }
    ExperimentSpec spec = ExperimentSpec.named(options[0]);
    options[0] = "";
    if (Utils.getOptionPos("dataset", options) >= 0) {
      throw new ZcnasException("an experiment scores each target on its own data set's images; -dataset does not apply");
    }
    CommonOptions common = new CommonOptions();
    common.parse(options);
    boolean quick = Utils.getFlag("quick", options);
    int n = CommonOptions.intOption(options, "n", quick ? QUICK_ARCHS : DEFAULT_ARCHS, 3, Nb201Architecture.SPACE_SIZE);
    int seeds = CommonOptions.intOption(options, "seeds", quick ? QUICK_SEEDS : DEFAULT_SEEDS, 1, 1000);
    String outOption = Utils.getOption("out", options);
    Path cacheFile = CommonOptions.cacheFile(options);
    String master = Scorers.master(options);
    Nb201Space space = new Nb201Space();
    Nb201Targets targets = (Nb201Targets) common.benchmark(space, spec.name().equals("advtrained")
        ? Benchmark.TargetSet.ADVERSARIALLY_TRAINED : Benchmark.TargetSet.DEFAULT);
    Utils.checkForRemainingOptions(options);
    Path out = Paths.get(outOption.isEmpty() ? "experiments/results" : outOption);
    for (String f : List.of(".csv", ".arff", "-runs.arff", ".md")) {
      AtomicFiles.checkWritable(out.resolve(spec.name() + f), "result");
    }
    List<Nb201Architecture> archs = space.sample(n, common.seed);
    long t0 = System.nanoTime();
    String images = String.join("; ", targets.datasets().stream().map(d -> d.id() + " targets on "
        + d.description()).toList());
    String settings = String.format("%d NB201 architectures sampled with seed %d from all 15,625; %d seed(s) "
        + "(proxy seeds %d..%d: weights and batch); each target's proxies scored on its own data set's images (%s); "
        + "command: `bin/zcnas experiment %s%s -n %d -seeds %d -seed %d`.", n, common.seed, seeds, common.seed,
        common.seed + seeds - 1, images, spec.name(), quick ? " -quick" : "", n, seeds, common.seed);
    ExperimentResult result;
    try (Scorers scorers = Scorers.open(master, common, cacheFile)) {
      // each target's data set has its own scorer; with -master every seed x data set is scored on Spark
      Map<CifarDataset, BatchScorer<Nb201Architecture>> byData = new LinkedHashMap<>();
      for (CifarDataset d : targets.datasets()) {
        byData.put(d, scorers.scorer(space, List.of(), d));
      }
      if (scorers.onSpark()) {
        System.err.println(scorers.describe(targets.datasets().get(0)));
      }
      result = ExperimentRunner.run(spec, archs, targets, byData, seeds, common.seed, settings, System.err::println);
    }
    Files.createDirectories(out);
    result.writeCsv(out.resolve(spec.name() + ".csv"));
    result.writeArff(out.resolve(spec.name() + ".arff"));
    result.writeRunsArff(out.resolve(spec.name() + "-runs.arff"));
    Path md = out.resolve(spec.name() + ".md");
    result.writeMarkdown(md);
    List<Path> plots = ExperimentPlots.write(result, out, spec.name());
    String took = Progress.duration((System.nanoTime() - t0) / 1e9);
    Files.writeString(md, Files.readString(md) + "\nWall time on this machine: " + took + ".\n");
    System.out.print(Files.readString(md));
    System.err.println("wrote " + out.resolve(spec.name() + ".csv") + ", .arff, .md and " + plots.size()
        + " plots in " + took);
    return 0;
  }
}
