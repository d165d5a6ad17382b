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
import zcnas.experiment.FewShotResult;
import zcnas.experiment.FewShotRunner;
import zcnas.experiment.LabelledSplit;
import zcnas.score.BatchScorer;
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
  /** fewshot: 200 labelled leave 400 held out; scoring the pool takes ~13 min on 2 CPU cores (0.77 arch/s). */
  static final int FEWSHOT_ARCHS = 600;
  static final int FEWSHOT_SEEDS = 5;
  static final String FEWSHOT_LABELLED = "10,20,50,100,200";
  static final int FEWSHOT_QUICK_ARCHS = 60;
  static final int FEWSHOT_QUICK_SEEDS = 3;
  static final String FEWSHOT_QUICK_LABELLED = "10,20,40";

  @Override
  public String summary() {
    return "a prepared experiment (the paper's tables): correlation, ablation, perturbation, init, ensemble, "
        + "advtrained; fewshot (accuracy predictors from a few labelled architectures)";
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
        + "fewshot scores one pool once (proxy seed -seed) and trains Weka regressors on N labelled architectures\n"
        + "per seed (seeds -seed .. -seed+K-1 choose the labelled ones), predicting the rest: DIR/fewshot.csv has\n"
        + "predictor, n_labelled, target, rho_mean, rho_std, tau_mean, tau_std, n_heldout, n_archs, n_seeds,\n"
        + "p_vs_best_proxy (corrected resampled t-test against the best single proxy).\n"
        + "  -n N          architectures (default " + DEFAULT_ARCHS + ", fewshot " + FEWSHOT_ARCHS + "; -quick "
        + QUICK_ARCHS + ", fewshot " + FEWSHOT_QUICK_ARCHS + ")\n"
        + "  -seeds K      seeds (default " + DEFAULT_SEEDS + ", fewshot " + FEWSHOT_SEEDS + "; -quick " + QUICK_SEEDS
        + ", fewshot " + FEWSHOT_QUICK_SEEDS + ")\n"
        + "  -labelled L   fewshot: labelled counts, comma-separated (default " + FEWSHOT_LABELLED + "; -quick "
        + FEWSHOT_QUICK_LABELLED + ")\n"
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
    boolean fewShot = spec.name().equals("fewshot");
    int n = CommonOptions.intOption(options, "n", fewShot ? (quick ? FEWSHOT_QUICK_ARCHS : FEWSHOT_ARCHS)
        : quick ? QUICK_ARCHS : DEFAULT_ARCHS, 3, Nb201Architecture.SPACE_SIZE);
    int seeds = CommonOptions.intOption(options, "seeds", fewShot ? (quick ? FEWSHOT_QUICK_SEEDS : FEWSHOT_SEEDS)
        : quick ? QUICK_SEEDS : DEFAULT_SEEDS, 1, 1000);
    String labelledOption = Utils.getOption("labelled", options);
    if (!fewShot && !labelledOption.isEmpty()) {
      throw new ZcnasException("-labelled applies to the fewshot experiment only");
    }
    int[] labelled = !fewShot ? null : labelledCounts(labelledOption.isEmpty()
        ? (quick ? FEWSHOT_QUICK_LABELLED : FEWSHOT_LABELLED) : labelledOption, n);
    String outOption = Utils.getOption("out", options);
    Path cacheFile = CommonOptions.cacheFile(options);
    Scorers.Placement where = Scorers.placement(options, common);
    Nb201Space space = new Nb201Space();
    Nb201Targets targets = common.benchGiven ? Nb201Targets.require(common.benchDir, spec.targets())
        : Nb201Targets.load(common.benchDir, spec.targets());
    Utils.checkForRemainingOptions(options);
    Path out = Paths.get(outOption.isEmpty() ? "experiments/results" : outOption);
    for (String f : List.of(".csv", ".arff", "-runs.arff", ".md")) {
      AtomicFiles.checkWritable(out.resolve(spec.name() + f), "result");
    }
    List<Nb201Architecture> archs = space.sample(n, common.seed);
    long t0 = System.nanoTime();
    String images = String.join("; ", targets.datasets().stream().map(d -> d.id() + " targets on "
        + d.description()).toList());
    String command = String.format("bin/zcnas experiment %s%s -n %d -seeds %d -seed %d%s", spec.name(),
        quick ? " -quick" : "", n, seeds, common.seed, fewShot ? " -labelled " + labelledString(labelled) : "");
    String settings = fewShot
        ? String.format("A pool of %d NB201 architectures sampled with seed %d from all 15,625, scored once (proxy "
            + "seed %d: weights and batch; %s); %d seed(s) %d..%d choose the labelled architectures; command: `%s`.",
            n, common.seed, common.seed, images, seeds, common.seed, common.seed + seeds - 1, command)
        : String.format("%d NB201 architectures sampled with seed %d from all 15,625; %d seed(s) "
            + "(proxy seeds %d..%d: weights and batch); each target's proxies scored on its own data set's images "
            + "(%s); command: `%s`.", n, common.seed, seeds, common.seed, common.seed + seeds - 1, images, command);
    ExperimentResult result = null;
    FewShotResult fewShotResult = null;
    try (Scorers scorers = Scorers.open(where, common, cacheFile)) {
      // each target's data set has its own scorer; with -master every seed x data set is scored on Spark
      Map<CifarDataset, BatchScorer<Nb201Architecture>> byData = new LinkedHashMap<>();
      for (CifarDataset d : targets.datasets()) {
        byData.put(d, scorers.scorer(space, List.of(), d));
      }
      if (scorers.onSpark()) {
        System.err.println(scorers.describe(targets.datasets().get(0)));
      }
      if (fewShot) {
        fewShotResult = FewShotRunner.run(spec, archs, targets, byData, labelled, seeds, common.seed, settings,
            System.err::println);
      } else {
        result = ExperimentRunner.run(spec, archs, targets, byData, seeds, common.seed, settings, System.err::println);
      }
    }
    Files.createDirectories(out);
    Path md = out.resolve(spec.name() + ".md");
    List<Path> plots;
    if (fewShot) {
      fewShotResult.writeCsv(out.resolve(spec.name() + ".csv"));
      fewShotResult.writeArff(out.resolve(spec.name() + ".arff"));
      fewShotResult.writeRunsArff(out.resolve(spec.name() + "-runs.arff"));
      fewShotResult.writeMarkdown(md);
      plots = ExperimentPlots.write(fewShotResult, out, spec.name());
    } else {
      result.writeCsv(out.resolve(spec.name() + ".csv"));
      result.writeArff(out.resolve(spec.name() + ".arff"));
      result.writeRunsArff(out.resolve(spec.name() + "-runs.arff"));
      result.writeMarkdown(md);
      plots = ExperimentPlots.write(result, out, spec.name());
    }
    String took = Progress.duration((System.nanoTime() - t0) / 1e9);
    Files.writeString(md, Files.readString(md) + "\nWall time on this machine: " + took + ".\n");
    System.out.print(Files.readString(md));
    System.err.println("wrote " + out.resolve(spec.name() + ".csv") + ", .arff, .md and " + plots.size()
        + " plots in " + took);
    return 0;
  }

  /** The labelled counts of -labelled: ascending, each leaving held-out architectures in the pool. */
  static int[] labelledCounts(String text, int pool) {
    String[] parts = text.split(",");
    int[] counts = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        counts[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new ZcnasException("-labelled " + text + ": '" + parts[i] + "' is not a whole number");
      }
      int most = pool - LabelledSplit.MIN_HELD_OUT;
      if (counts[i] < 2 || counts[i] > most || (i > 0 && counts[i] <= counts[i - 1])) {
        throw new ZcnasException("-labelled " + text + ": counts must ascend, each between 2 and " + most
            + " (the pool -n " + pool + " less " + LabelledSplit.MIN_HELD_OUT + " held out)");
      }
    }
    return counts;
  }

  private static String labelledString(int[] counts) {
    return String.join(",", java.util.Arrays.stream(counts).mapToObj(Integer::toString).toList());
  }
}
