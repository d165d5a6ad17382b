package zcnas.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import zcnas.network.Nb201Network;
import zcnas.weka.ExperimenterResults;
import zcnas.weka.ProxySpecs;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Targets;
import zcnas.stats.RankAggregation;
import zcnas.stats.RankCorrelation;
import zcnas.util.ZcnasException;

/**
 * Runs a prepared experiment: the same seeded sample of architectures is scored once per seed (the seed sets the
 * proxies' weights and batch), every entry and ensemble is correlated with every target, and the correlations are
 * aggregated over the seeds, with the Weka Experimenter's paired corrected t-test against the first entry.
 */
public final class ExperimentRunner {
  private ExperimentRunner() {
  }

  public static ExperimentResult run(ExperimentSpec spec, List<Nb201Architecture> archs, Nb201Targets targets,
      ScoringSession session, ScoreCache cache, int seeds, long firstSeed, String settings, Consumer<String> log)
      throws Exception {
    if (targets.names().isEmpty()) {
      throw new ZcnasException("experiment " + spec.name() + ": none of its benchmark tables was found");
    }
    double[][] targetValues = new double[targets.names().size()][archs.size()];
    for (int a = 0; a < archs.size(); a++) {
      double[] v = targets.values(archs.get(a));
      for (int t = 0; t < v.length; t++) {
        targetValues[t][a] = v[t];
      }
    }
    List<String> labels = new ArrayList<>();
    // rho[label][target][seed], tau likewise
    Map<String, double[][]> rho = new LinkedHashMap<>();
    Map<String, double[][]> tau = new LinkedHashMap<>();
    List<Map<String, double[]>> scoresBySeed = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      long seed = firstSeed + s;
      log.accept("experiment " + spec.name() + ": seed " + seed + " (" + (s + 1) + "/" + seeds + ")");
      scoresBySeed.add(scoreEntries(spec, archs, session, cache, seed, log));
    }
    Map<String, List<String>> ensembles = new LinkedHashMap<>(spec.ensembles());
    if (!ensembles.isEmpty()) {
      Map.Entry<String, List<String>> best = bestEnsemble(spec, scoresBySeed, targetValues[0]);
      boolean listed = ensembles.values().stream()
          .anyMatch(m -> new java.util.HashSet<>(m).equals(new java.util.HashSet<>(best.getValue())));
      if (!listed) {
        ensembles.put(best.getKey(), best.getValue());
      }
      log.accept("best ensemble on " + targets.names().get(0) + ": " + best.getKey() + (listed ? " (listed)" : ""));
    }
    for (Map<String, double[]> scores : scoresBySeed) {
      for (Map.Entry<String, List<String>> e : ensembles.entrySet()) {
        scores.put(e.getKey(), ensemble(scores, e.getValue()));
      }
    }
    labels.addAll(scoresBySeed.get(0).keySet());
    for (String label : labels) {
      double[][] r = new double[targetValues.length][seeds];
      double[][] k = new double[targetValues.length][seeds];
      for (int t = 0; t < targetValues.length; t++) {
        for (int s = 0; s < seeds; s++) {
          RankCorrelation c = RankCorrelation.of(scoresBySeed.get(s).get(label), targetValues[t]);
          r[t][s] = c.rho();
          k[t][s] = c.tau();
        }
      }
      rho.put(label, r);
      tau.put(label, k);
    }
    ExperimentResult result = new ExperimentResult(spec, settings, scoresBySeed.get(0), targets.names(), targetValues);
    ExperimenterResults runs = new ExperimenterResults(spec.name() + "-runs", labels, targets.names(), rho, tau,
        firstSeed);
    result.setRuns(runs.instances());
    for (int l = 0; l < labels.size(); l++) {
      String label = labels.get(l);
      for (int t = 0; t < targetValues.length; t++) {
        double[] r = rho.get(label)[t];
        double[] k = tau.get(label)[t];
        double p = seeds > 1 && l > 0 ? runs.pValue(t, 0, l) : Double.NaN;
        result.add(new ExperimentResult.Row(label, targets.names().get(t), mean(r), std(r), mean(k), std(k),
            archs.size(), seeds, p));
      }
    }
    return result;
  }

  /** Scores of every entry for one seed, each distinct proxy configuration computed once. */
  private static Map<String, double[]> scoreEntries(ExperimentSpec spec, List<Nb201Architecture> archs,
      ScoringSession session, ScoreCache cache, long seed, Consumer<String> log) throws Exception {
    Map<String, ZeroCostProxy> bySpec = new LinkedHashMap<>();
    for (ExperimentSpec.Entry e : spec.entries()) {
      if (!bySpec.containsKey(e.spec())) {
        ZeroCostProxy p = ProxySpecs.parse(e.spec());
        p.setSeed(seed);
        bySpec.put(e.spec(), p);
      }
    }
    List<ZeroCostProxy> proxies = new ArrayList<>(bySpec.values());
    Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, "nb201",
        a -> new Nb201Network(a, session.dataset().classes(), 32), proxies.size());
    double[][] all = scorer.score(archs, proxies, log);
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

  private static double[] ensemble(Map<String, double[]> scores, List<String> members) {
    double[][] m = new double[members.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = scores.get(members.get(i));
      if (m[i] == null) {
        throw new ZcnasException("ensemble member '" + members.get(i) + "' is not among the entries");
      }
    }
    return RankAggregation.meanRank(m);
  }

  /** The pair or triple of entries whose mean-rank ensemble has the highest mean rho on the first target. */
  private static Map.Entry<String, List<String>> bestEnsemble(ExperimentSpec spec, List<Map<String, double[]>> bySeed,
      double[] target) {
    List<String> labels = new ArrayList<>();
    for (ExperimentSpec.Entry e : spec.entries()) {
      labels.add(e.label());
    }
    String bestName = null;
    List<String> bestMembers = null;
    double best = Double.NEGATIVE_INFINITY;
    int n = labels.size();
    for (int mask = 1; mask < (1 << n); mask++) {
      int size = Integer.bitCount(mask);
      if (size < 2 || size > 3) {
        continue;
      }
      List<String> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          members.add(labels.get(i));
        }
      }
      double sum = 0;
      for (Map<String, double[]> scores : bySeed) {
        sum += RankCorrelation.of(ensemble(scores, members), target).rho();
      }
      if (sum / bySeed.size() > best) {
        best = sum / bySeed.size();
        bestMembers = members;
        bestName = String.join("+", members);
      }
    }
    return Map.entry(bestName, bestMembers);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double std(double[] v) {
    return v.length < 2 ? 0 : new StandardDeviation().evaluate(v);
  }
}
