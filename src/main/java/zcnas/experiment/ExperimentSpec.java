package zcnas.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zcnas.proxy.CRoZe;
import zcnas.space.nb201.Nb201Targets;
import zcnas.stats.RankAggregation;
import zcnas.util.ZcnasException;

/**
 * A prepared experiment: which proxy configurations (each a label, a proxy specification and the output column it
 * contributes) and rank ensembles of them are compared, against which benchmark targets; with {@code searchEnsembles}
 * the best ensemble over every subset of the entries and every aggregation is found and reported too.
 */
public record ExperimentSpec(String name, String description, List<Entry> entries, List<Ensemble> ensembles,
    boolean searchEnsembles, List<Nb201Targets.Target> targets) {

  /** One compared score: a label (the result's proxy name), the proxy with its options, and which of its outputs. */
  public record Entry(String label, String spec, String output) {
  }

  /** An ensemble of entries by a rank aggregation, named like {@code snip+naswot} or {@code vote(snip+naswot)}. */
  public record Ensemble(List<String> members, RankAggregation.Method method) {
    public String label() {
      return method.label(String.join("+", members));
    }
  }

  public static final List<String> NAMES = List.of("correlation", "ablation", "perturbation", "init", "ensemble",
      "advtrained", "fewshot");
  /**
   * The experiments that compare proxies, and so also exist as saved Weka Experimenter experiments (all but fewshot,
   * which trains regressors on labelled architectures).
   */
  public static final List<String> COMPARISONS = NAMES.stream().filter(n -> !n.equals("fewshot")).toList();

  /** The few-shot experiment's CIFAR-10 targets: clean, FGSM eps 8/255, corruptions, adversarially trained FGSM. */
  static final List<Nb201Targets.Target> FEWSHOT_TARGETS = Nb201Targets.ALL.stream()
      .filter(t -> List.of("cifar10_test_acc", "cifar10_fgsm_eps8_acc", "cifar10_corruption_acc",
          "cifar10_advtrained_fgsm_eps8_acc").contains(t.name())).toList();

  /** The five proxies with their default settings ({@code croze} is the authors' computation). */
  static final List<Entry> PROXIES = List.of(
      new Entry("gradnorm", "gradnorm", "gradnorm"), new Entry("snip", "snip", "snip"),
      new Entry("synflow", "synflow", "synflow"), new Entry("naswot", "naswot", "naswot"),
      new Entry("croze", "croze", "croze"));
  private static final Entry CROZE_PAPER = new Entry("croze-paper", "croze -variant paper", "croze-paper");

  public static ExperimentSpec named(String name) {
    List<Entry> withPaper = new ArrayList<>(PROXIES);
    withPaper.add(CROZE_PAPER);
    switch (name) {
      case "correlation":
        return new ExperimentSpec(name, "All proxies against every benchmark accuracy (paper Table 9's shape)",
            withPaper, List.of(), false, Nb201Targets.DEFAULT);
      case "ablation": {
        List<Entry> e = new ArrayList<>();
        for (String s : CRoZe.SUBSETS) {
          e.add(new Entry("croze_" + s, "croze -component-sums", "croze_" + s));
        }
        for (String s : CRoZe.SUBSETS) {
          e.add(new Entry("croze-paper_" + s, "croze -variant paper -component-sums", "croze-paper_" + s));
        }
        return new ExperimentSpec(name, "CRoZe component subsets (paper Table 7a), both variants, from one run each",
            e, List.of(), false, Nb201Targets.DEFAULT);
      }
      case "perturbation":
        return new ExperimentSpec(name, "CRoZe with FGSM vs Gaussian perturbation (paper Table 10)", List.of(
            new Entry("croze", "croze", "croze"), new Entry("croze-gaussian", "croze -perturbation gaussian", "croze"),
            CROZE_PAPER, new Entry("croze-paper-gaussian", "croze -variant paper -perturbation gaussian", "croze-paper")),
            List.of(), false, Nb201Targets.DEFAULT);
      case "init":
        return new ExperimentSpec(name, "CRoZe under Random / Kaiming / Xavier initialisation (paper Table 11)",
            List.of(new Entry("croze", "croze", "croze"), new Entry("croze-kaiming", "croze -I kaiming", "croze"),
                new Entry("croze-xavier", "croze -I xavier", "croze")),
            List.of(), false, Nb201Targets.DEFAULT);
      case "ensemble": {
        List<Ensemble> ens = new ArrayList<>();
        for (RankAggregation.Method m : RankAggregation.Method.values()) {
          ens.add(new Ensemble(List.of("snip", "naswot"), m));
          ens.add(new Ensemble(List.of("croze", "snip", "naswot"), m));
        }
        return new ExperimentSpec(name, "Rank ensembles (paper Table 12): {Snip, NASWOT} and CRoZe + {Snip, NASWOT} "
            + "by every aggregation, and the best ensemble over all subsets of the five proxies and aggregations",
            PROXIES, ens, true, Nb201Targets.DEFAULT);
      }
      case "advtrained":
        return new ExperimentSpec(name, "All proxies against NAS-RobBench-201's adversarially trained accuracies",
            withPaper, List.of(), false, Nb201Targets.ADVERSARIALLY_TRAINED);
      case "fewshot":
        return new ExperimentSpec(name, "Few-shot accuracy predictors: Weka regressors on the proxies' scores and the "
            + "cell, trained on n labelled architectures, against the best proxy and the best rank ensemble",
            PROXIES, List.of(), true, FEWSHOT_TARGETS);
      default:
        throw new ZcnasException("unknown experiment '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
  }

  /** Every ensemble of two or more entries by every aggregation, members in entry order (each combination once). */
  List<Ensemble> allEnsembles() {
    List<Ensemble> out = new ArrayList<>();
    int n = entries.size();
    for (int mask = 1; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) < 2) {
        continue;
      }
      List<String> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          members.add(entries.get(i).label());
        }
      }
      for (RankAggregation.Method m : RankAggregation.Method.values()) {
        out.add(new Ensemble(members, m));
      }
    }
    return out;
  }

  /** The listed ensembles by label. */
  Map<String, Ensemble> listedEnsembles() {
    Map<String, Ensemble> m = new LinkedHashMap<>();
    for (Ensemble e : ensembles) {
      m.put(e.label(), e);
    }
    return m;
  }
}
