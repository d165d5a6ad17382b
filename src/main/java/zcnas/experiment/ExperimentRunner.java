package zcnas.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import zcnas.data.CifarDataset;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.BatchScorer;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Targets;
import zcnas.stats.RankCorrelation;
import zcnas.util.ZcnasException;
import zcnas.weka.ExperimenterResults;

/**
 * Runs a prepared experiment: the same seeded sample of architectures is scored once per seed (the seed sets the
 * proxies' weights and batch) on the images of every data set the targets belong to, every entry and ensemble is
 * correlated with each target using the scores computed on that target's own data set, and the correlations are
 * aggregated over the seeds, with the Weka Experimenter's paired corrected t-test against the first entry.
 */
public final class ExperimentRunner {
  private ExperimentRunner() {
  }

  /** Scores by seed, then data set, then entry or ensemble label. */
  private record Scores(List<Map<CifarDataset, Map<String, double[]>>> bySeed) {
    double[] get(int seed, CifarDataset d, String label) {
      return bySeed.get(seed).get(d).get(label);
    }
  }

  /**
   * Runs the experiment; {@code scorers} holds a scorer on each target data set's images (in this process, or on a
   * cluster: each seed on each data set is one batch).
   */
  public static ExperimentResult run(ExperimentSpec spec, List<Nb201Architecture> archs, Nb201Targets targets,
      Map<CifarDataset, ? extends BatchScorer<Nb201Architecture>> scorers, int seeds, long firstSeed, String settings,
      Consumer<String> log) throws Exception {
    if (targets.names().isEmpty()) {
      throw new ZcnasException("experiment " + spec.name() + ": none of its benchmark tables was found");
    }
    List<Nb201Targets.Target> found = targets.targets();
    double[][] targetValues = new double[found.size()][archs.size()];
    for (int a = 0; a < archs.size(); a++) {
      double[] v = targets.values(archs.get(a));
      for (int t = 0; t < v.length; t++) {
        targetValues[t][a] = v[t];
      }
    }
    Scores scores = new Scores(new ArrayList<>());
    for (int s = 0; s < seeds; s++) {
      Map<CifarDataset, Map<String, double[]>> byData = new LinkedHashMap<>();
      for (CifarDataset d : targets.datasets()) {
        log.accept("experiment " + spec.name() + ": seed " + (firstSeed + s) + " (" + (s + 1) + "/" + seeds + "), "
            + d.description());
        byData.put(d, scoreEntries(spec, archs, scorers.get(d), firstSeed + s, log));
      }
      scores.bySeed().add(byData);
    }
    Map<String, ExperimentSpec.Ensemble> ensembles = spec.listedEnsembles();
    if (spec.searchEnsembles()) {
      ExperimentSpec.Ensemble best = bestEnsemble(spec, scores, found.get(0), targetValues[0]);
      boolean listed = ensembles.values().stream().anyMatch(e -> e.method() == best.method()
          && new HashSet<>(e.members()).equals(new HashSet<>(best.members())));
      if (!listed) {
        ensembles.put(best.label(), best);
      }
      log.accept("best ensemble on " + found.get(0).name() + ": " + best.label() + (listed ? " (listed)" : ""));
    }
    for (Map<CifarDataset, Map<String, double[]>> byData : scores.bySeed()) {
      for (Map<String, double[]> byLabel : byData.values()) {
        for (ExperimentSpec.Ensemble e : ensembles.values()) {
          byLabel.put(e.label(), ensemble(byLabel, e));
        }
      }
    }
    List<String> labels = new ArrayList<>(scores.bySeed().get(0).get(found.get(0).dataset()).keySet());
    Map<String, double[][]> rho = new LinkedHashMap<>();
    Map<String, double[][]> tau = new LinkedHashMap<>();
    for (String label : labels) {
      double[][] r = new double[found.size()][seeds];
      double[][] k = new double[found.size()][seeds];
      for (int t = 0; t < found.size(); t++) {
        for (int s = 0; s < seeds; s++) {
          RankCorrelation c = RankCorrelation.of(scores.get(s, found.get(t).dataset(), label), targetValues[t]);
          r[t][s] = c.rho();
          k[t][s] = c.tau();
        }
      }
      rho.put(label, r);
      tau.put(label, k);
    }
    ExperimentResult result = new ExperimentResult(spec, settings, scores.bySeed().get(0).get(found.get(0).dataset()),
        found, targetValues);
    ExperimenterResults runs = new ExperimenterResults(spec.name() + "-runs", labels, targets.names(), rho, tau,
        firstSeed);
    result.setRuns(runs.instances());
    for (int l = 0; l < labels.size(); l++) {
      String label = labels.get(l);
      for (int t = 0; t < found.size(); t++) {
        double[] r = rho.get(label)[t];
        double[] k = tau.get(label)[t];
        double p = seeds > 1 && l > 0 ? runs.pValue(t, 0, l) : Double.NaN;
        result.add(new ExperimentResult.Row(label, found.get(t).name(), mean(r), std(r), mean(k), std(k),
            archs.size(), seeds, p));
      }
    }
    return result;
  }

  /** Scores of every entry for one seed on one data set's images, each distinct proxy configuration computed once. */
  static Map<String, double[]> scoreEntries(ExperimentSpec spec, List<Nb201Architecture> archs,
      BatchScorer<Nb201Architecture> scorer, long seed, Consumer<String> log) {
    Map<String, ZeroCostProxy> bySpec = new LinkedHashMap<>();
    for (ExperimentSpec.Entry e : spec.entries()) {
      bySpec.computeIfAbsent(e.spec(), s -> {
        ZeroCostProxy p = Proxies.parse(s);
        p.setSeed(seed);
        return p;
      });
    }
    List<ZeroCostProxy> proxies = new ArrayList<>(bySpec.values());
    double[][] all = scorer.score(archs, proxies, log);
    List<String> columns = Scorer.columns(proxies);
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (ExperimentSpec.Entry e : spec.entries()) {
      int column = 0;
      for (ZeroCostProxy p : proxies) {
        if (p == bySpec.get(e.spec())) {
          column += p.outputs().indexOf(e.output());
          break;
        }
        column += p.outputs().size();
      }
      double[] v = new double[archs.size()];
      for (int a = 0; a < v.length; a++) {
        v[a] = all[a][column];
      }
      scores.put(e.label(), v);
    }
    return scores;
  }

  static double[] ensemble(Map<String, double[]> scores, ExperimentSpec.Ensemble e) {
    double[][] m = new double[e.members().size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = scores.get(e.members().get(i));
      if (m[i] == null) {
        throw new ZcnasException("ensemble member '" + e.members().get(i) + "' is not among the entries");
      }
    }
    return e.method().apply(m);
  }

  /** The ensemble (any subset of the entries, any aggregation) with the highest mean rho on the target. */
  private static ExperimentSpec.Ensemble bestEnsemble(ExperimentSpec spec, Scores scores, Nb201Targets.Target target,
      double[] values) {
    ExperimentSpec.Ensemble best = null;
    double bestRho = Double.NEGATIVE_INFINITY;
    for (ExperimentSpec.Ensemble e : spec.allEnsembles()) {
      double sum = 0;
      for (int s = 0; s < scores.bySeed().size(); s++) {
        sum += RankCorrelation.of(ensemble(scores.bySeed().get(s).get(target.dataset()), e), values).rho();
      }
      if (sum / scores.bySeed().size() > bestRho) {
        bestRho = sum / scores.bySeed().size();
        best = e;
      }
    }
    return best;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double std(double[] v) {
    return v.length < 2 ? 0 : new StandardDeviation().evaluate(v);
  }
}
