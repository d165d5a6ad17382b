package zcnas.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import weka.classifiers.Classifier;
import weka.classifiers.functions.GaussianProcesses;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import zcnas.data.CifarDataset;
import zcnas.score.BatchScorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Targets;
import zcnas.stats.RankCorrelation;
import zcnas.util.ZcnasException;
import zcnas.weka.ExperimenterResults;

/**
 * The few-shot experiment: a pool of architectures is scored once by every proxy; for each number n of labelled
 * architectures and each seed (which architectures are labelled, see {@link LabelledSplit}), Weka regressors
 * trained on the labelled architectures' features ({@link FewShotFeatures}) and accuracies rank the held-out rest,
 * beside the best single proxy and the best rank ensemble, both chosen by their Spearman rho on the labelled
 * architectures (what a user with n measured accuracies can do). Every predictor is scored by Spearman rho on the
 * same held-out architectures and compared with the best proxy by Weka's corrected resampled t-test (Nadeau and
 * Bengio 2003), since the labelled sets of different seeds overlap.
 */
public final class FewShotRunner {
  public static final String BEST_PROXY = "best-proxy";
  public static final String BEST_ENSEMBLE = "best-ensemble";

  /** A learned predictor: its label and a fresh regressor whose random choices follow the seed. */
  record Learner(String label, String description, LongFunction<Classifier> make) {
  }

  static final List<Learner> LEARNERS = List.of(
      new Learner("rf", "Weka RandomForest (100 trees)", seed -> {
        RandomForest rf = new RandomForest();
        rf.setSeed((int) seed);
        return rf;
      }),
      new Learner("gp", "Weka GaussianProcesses (RBF kernel, gamma 0.1, noise 0.1, attributes normalised)", seed -> {
        GaussianProcesses gp = new GaussianProcesses();
        RBFKernel kernel = new RBFKernel();
        kernel.setGamma(0.1);
        gp.setKernel(kernel);
        gp.setNoise(0.1);
        return gp;
      }));

  private FewShotRunner() {
  }

  public static FewShotResult run(ExperimentSpec spec, List<Nb201Architecture> archs, Nb201Targets targets,
      Map<CifarDataset, BatchScorer<Nb201Architecture>> scorers, int[] nLabelled, int seeds, long firstSeed,
      String settings, Consumer<String> log) throws Exception {
    if (targets.names().isEmpty()) {
      throw new ZcnasException("experiment " + spec.name() + ": none of its benchmark tables was found");
    }
    for (int n : nLabelled) {
      LabelledSplit.draw(archs.size(), n, firstSeed); // a bad n is named before any scoring
    }
    Map<CifarDataset, Map<String, double[]>> scores = new LinkedHashMap<>();
    for (CifarDataset d : targets.datasets()) {
      log.accept("experiment " + spec.name() + ": scoring " + archs.size() + " architectures on " + d.description());
      scores.put(d, ExperimentRunner.scoreEntries(spec, archs, scorers.get(d), firstSeed, log));
    }
    List<String> labels = new ArrayList<>(List.of(BEST_PROXY, BEST_ENSEMBLE));
    LEARNERS.forEach(l -> labels.add(l.label()));
    List<Nb201Targets.Target> found = targets.targets();
    int keys = found.size() * nLabelled.length;
    List<String> keyNames = new ArrayList<>();
    int[] nTrain = new int[keys];
    int[] nTest = new int[keys];
    Map<String, double[][]> rho = new LinkedHashMap<>();
    Map<String, double[][]> tau = new LinkedHashMap<>();
    labels.forEach(l -> {
      rho.put(l, new double[keys][seeds]);
      tau.put(l, new double[keys][seeds]);
    });
    FewShotResult result = new FewShotResult(spec, settings, archs.size(), seeds);
    for (int t = 0; t < found.size(); t++) {
      Nb201Targets.Target target = found.get(t);
      double[] accuracy = new double[archs.size()];
      for (int a = 0; a < accuracy.length; a++) {
        accuracy[a] = targets.values(archs.get(a))[t];
      }
      Map<String, double[]> byProxy = scores.get(target.dataset());
      Instances data = FewShotFeatures.of(target.name(), byProxy, archs, accuracy);
      for (int i = 0; i < nLabelled.length; i++) {
        int k = t * nLabelled.length + i;
        keyNames.add(target.name() + "@" + nLabelled[i]);
        nTrain[k] = nLabelled[i];
        nTest[k] = archs.size() - nLabelled[i];
        for (int s = 0; s < seeds; s++) {
          LabelledSplit split = LabelledSplit.draw(archs.size(), nLabelled[i], firstSeed + s);
          Map<String, double[]> predicted = predict(spec, byProxy, data, accuracy, split, firstSeed + s, result,
              target.name(), nLabelled[i]);
          double[] truth = LabelledSplit.pick(accuracy, split.heldOut());
          for (String l : labels) {
            RankCorrelation c = RankCorrelation.of(predicted.get(l), truth);
            rho.get(l)[k][s] = c.rho();
            tau.get(l)[k][s] = c.tau();
          }
        }
        log.accept(String.format("%s, n = %d: rho %s", target.name(), nLabelled[i], summary(labels, rho, k)));
      }
    }
    ExperimenterResults runs = new ExperimenterResults(spec.name() + "-runs", labels, keyNames, rho, tau, firstSeed,
        nTrain, nTest);
    result.setRuns(runs.instances());
    for (int k = 0; k < keys; k++) {
      for (int l = 0; l < labels.size(); l++) {
        double[] r = rho.get(labels.get(l))[k];
        double[] q = tau.get(labels.get(l))[k];
        double p = seeds > 1 && l > 0 ? runs.pValue(k, 0, l) : Double.NaN;
        result.add(new FewShotResult.Row(labels.get(l), nTrain[k], found.get(k / nLabelled.length).name(),
            ExperimentRunner.mean(r), ExperimentRunner.std(r), ExperimentRunner.mean(q), ExperimentRunner.std(q),
            nTest[k], p));
      }
    }
    return result;
  }

  /** Every predictor's scores of the held-out architectures, by label; the baselines' choices go to the result. */
  private static Map<String, double[]> predict(ExperimentSpec spec, Map<String, double[]> byProxy, Instances data,
      double[] accuracy, LabelledSplit split, long seed, FewShotResult result, String target, int n)
      throws Exception {
    double[] known = LabelledSplit.pick(accuracy, split.labelled());
    Map<String, double[]> labelled = new LinkedHashMap<>();
    Map<String, double[]> heldOut = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : byProxy.entrySet()) {
      labelled.put(e.getKey(), LabelledSplit.pick(e.getValue(), split.labelled()));
      heldOut.put(e.getKey(), LabelledSplit.pick(e.getValue(), split.heldOut()));
    }
    String bestProxy = null;
    double bestRho = Double.NEGATIVE_INFINITY;
    for (String p : byProxy.keySet()) {
      double r = RankCorrelation.of(labelled.get(p), known).rho();
      if (bestProxy == null || r > bestRho) {
        bestProxy = p;
        bestRho = r;
      }
    }
    ExperimentSpec.Ensemble bestEnsemble = null;
    bestRho = Double.NEGATIVE_INFINITY;
    for (ExperimentSpec.Ensemble e : spec.allEnsembles()) {
      double r = RankCorrelation.of(ExperimentRunner.ensemble(labelled, e), known).rho();
      if (bestEnsemble == null || r > bestRho) {
        bestEnsemble = e;
        bestRho = r;
      }
    }
    result.chose(target, n, bestProxy, bestEnsemble.label());
    Map<String, double[]> out = new LinkedHashMap<>();
    out.put(BEST_PROXY, heldOut.get(bestProxy));
    out.put(BEST_ENSEMBLE, ExperimentRunner.ensemble(heldOut, bestEnsemble));
    Instances train = subset(data, split.labelled());
    train.deleteWithMissingClass();
    for (Learner learner : LEARNERS) {
      Classifier c = learner.make().apply(seed);
      c.buildClassifier(train);
      double[] v = new double[split.heldOut().length];
      for (int i = 0; i < v.length; i++) {
        v[i] = c.classifyInstance(data.instance(split.heldOut()[i]));
      }
      out.put(learner.label(), v);
    }
    return out;
  }

  private static Instances subset(Instances data, int[] rows) {
    Instances out = new Instances(data, rows.length);
    for (int r : rows) {
      out.add(data.instance(r));
    }
    return out;
  }

  private static String summary(List<String> labels, Map<String, double[][]> rho, int k) {
    StringBuilder sb = new StringBuilder();
    for (String l : labels) {
      sb.append(String.format(" %s %.3f", l, ExperimentRunner.mean(rho.get(l)[k])));
    }
    return sb.toString().trim();
  }
}
