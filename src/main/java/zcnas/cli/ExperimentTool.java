package zcnas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import weka.core.Utils;
import zcnas.experiment.ExperimentPlots;
import zcnas.experiment.ExperimentResult;
import zcnas.experiment.ExperimentRunner;
import zcnas.experiment.ExperimentSpec;
import zcnas.proxy.ScoringSession;
import zcnas.score.ScoreCache;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.Progress;
import zcnas.util.ZcnasException;

/** {@code zcnas experiment NAME}: one of the prepared experiments that reproduce the paper's correlation tables. */
final class ExperimentTool implements Zcnas.Tool {
  static final int DEFAULT_ARCHS = 200;
  static final int DEFAULT_SEEDS = 3;
  static final int QUICK_ARCHS = 24;
  static final int QUICK_SEEDS = 2;

  @Override
  public String usage() {
    return "usage: zcnas experiment NAME [-quick] [-n N] [-seeds K] [-out DIR] [options]\n"
        + "NAME: " + String.join(", ", ExperimentSpec.NAMES) + "\n"
        + "Scores one seeded sample of NB201 architectures (sample seed -seed) once per seed (proxy seeds -seed ..\n"
        + "-seed+K-1: weights and batch) and writes DIR/NAME.csv (proxy, target, rho_mean, rho_std, tau_mean,\n"
        + "tau_std, n_archs, n_seeds, p_vs_first: Weka's paired corrected t-test against the first row), NAME.arff,\n"
        + "NAME-runs.arff (the per-seed correlations as an Experimenter result set: Analyse panel, File...), NAME.md\n"
        + "(the table beside the paper's numbers) and PNG plots: NAME-rho-heatmap.png and NAME-scatter-PROXY.png (score rank vs the first target, first seed).\n"
        + "  -n N          architectures (default " + DEFAULT_ARCHS + "; -quick " + QUICK_ARCHS + ")\n"
        + "  -seeds K      seeds (default " + DEFAULT_SEEDS + "; -quick " + QUICK_SEEDS + ")\n"
        + "  -out DIR      results folder (default experiments/results)\n"
        + "  -cache FILE|none  score cache (default ~/.zcnas/scores.tsv)\n"
        + CommonOptions.USAGE;
  }

  @Override
  public int run(String[] options) throws Exception {
    if (options.length == 0 || options[0].startsWith("-")) {
      throw new ZcnasException("name an experiment: " + String.join(", ", ExperimentSpec.NAMES));
    }
    ExperimentSpec spec = ExperimentSpec.named(options[0]);
    options[0] = "";
    CommonOptions common = new CommonOptions();
    common.parse(options);
    boolean quick = Utils.getFlag("quick", options);
    int n = CommonOptions.intOption(options, "n", quick ? QUICK_ARCHS : DEFAULT_ARCHS);
    int seeds = CommonOptions.intOption(options, "seeds", quick ? QUICK_SEEDS : DEFAULT_SEEDS);
    String outOption = Utils.getOption("out", options);
    String cacheOption = Utils.getOption("cache", options);
    Utils.checkForRemainingOptions(options);
    if (seeds < 1 || n < 3) {
      throw new ZcnasException("need at least 3 architectures and 1 seed");
    }
    Path out = Paths.get(outOption.isEmpty() ? "experiments/results" : outOption);
    Path cacheFile = cacheOption.isEmpty() ? ScoreCache.defaultFile() : cacheOption.equals("none") ? null
        : Paths.get(cacheOption);
    List<Nb201Architecture> archs = Nb201Architecture.sample(n, common.seed);
    boolean adv = spec.targets() == Nb201Targets.ADVERSARIALLY_TRAINED;
    Nb201Targets targets = Nb201Targets.load(common.benchDir, spec.targets());
    long t0 = System.nanoTime();
    ExperimentResult result;
    try (ScoringSession session = common.session(); ScoreCache cache = ScoreCache.open(cacheFile)) {
      String settings = String.format("%d NB201 architectures sampled with seed %d from all 15,625; %d seed(s) "
          + "(proxy seeds %d..%d: weights and batch); proxies computed on %s training images (%s) for every "
          + "target%s; command: `bin/zcnas experiment %s%s -n %d -seeds %d -seed %d`.", n, common.seed, seeds,
          common.seed, common.seed + seeds - 1, common.dataset.id(), common.dataset.trainFile(common.imagesDir).getFileName(),
          adv ? " (the targets are NAS-RobBench-201's adversarially trained accuracies)" : "", spec.name(),
          quick ? " -quick" : "", n, seeds, common.seed);
      result = ExperimentRunner.run(spec, archs, targets, session, cache, seeds, common.seed, settings,
          System.err::println);
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
