package zcnas.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.ZcnasException;

/**
 * A prepared experiment: which proxy configurations (each a label, a proxy specification and the output column
 * it contributes) and rank ensembles of them are compared, against which benchmark targets.
 */
public record ExperimentSpec(String name, String description, List<Entry> entries, Map<String, List<String>> ensembles,
    List<Nb201Targets.Target> targets) {

  /** One compared score: a label (the result's proxy name), the proxy with its options, and which of its outputs. */
  public record Entry(String label, String spec, String output) {
  }

  public static final List<String> NAMES = List.of("correlation", "ablation", "perturbation", "init", "ensemble",
      "advtrained");

  private static final List<Entry> BASELINES = List.of(
      new Entry("gradnorm", "gradnorm", "gradnorm"), new Entry("snip", "snip", "snip"),
      new Entry("synflow", "synflow", "synflow"), new Entry("naswot", "naswot", "naswot"),
      new Entry("croze", "croze", "croze"), new Entry("croze-official", "croze -variant official", "croze"));

  public static ExperimentSpec named(String name) {
    switch (name) {
      case "correlation":
        return new ExperimentSpec(name, "All proxies against every benchmark accuracy (paper Table 9's shape)",
            BASELINES, Map.of(), Nb201Targets.DEFAULT);
      case "ablation": {
        List<Entry> e = new ArrayList<>();
        for (String s : new String[] {"Z", "P", "G", "ZP", "ZG", "PG", "ZPG"}) {
          e.add(new Entry("croze_" + s, "croze -component-sums", "croze_" + s));
        }
        for (String s : new String[] {"Z", "P", "G", "ZP", "ZG", "PG", "ZPG"}) {
          e.add(new Entry("croze-official_" + s, "croze -variant official -component-sums", "croze_" + s));
        }
        return new ExperimentSpec(name, "CRoZe component subsets (paper Table 7a), both variants, from one run each",
            e, Map.of(), Nb201Targets.DEFAULT);
      }
      case "perturbation":
        return new ExperimentSpec(name, "CRoZe with FGSM vs Gaussian perturbation (paper Table 10)", List.of(
            new Entry("croze", "croze", "croze"), new Entry("croze-gaussian", "croze -perturbation gaussian", "croze")),
            Map.of(), Nb201Targets.DEFAULT);
      case "init":
        return new ExperimentSpec(name, "CRoZe under Random / Kaiming / Xavier initialisation (paper Table 11)",
            List.of(new Entry("croze", "croze", "croze"), new Entry("croze-kaiming", "croze -I kaiming", "croze"),
                new Entry("croze-xavier", "croze -I xavier", "croze"),
                new Entry("croze-official", "croze -variant official", "croze"),
                new Entry("croze-official-kaiming", "croze -variant official -I kaiming", "croze"),
                new Entry("croze-official-xavier", "croze -variant official -I xavier", "croze")),
            Map.of(), Nb201Targets.DEFAULT);
      case "ensemble": {
        Map<String, List<String>> ens = new LinkedHashMap<>();
        ens.put("snip+naswot", List.of("snip", "naswot"));
        ens.put("croze+snip+naswot", List.of("croze", "snip", "naswot"));
        ens.put("croze-official+snip+naswot", List.of("croze-official", "snip", "naswot"));
        ens.put("croze-official+synflow+naswot", List.of("croze-official", "synflow", "naswot"));
        ens.put("croze-official+naswot", List.of("croze-official", "naswot"));
        return new ExperimentSpec(name, "Rank ensembles (paper Table 12) and the best pair/triple found", BASELINES,
            ens, Nb201Targets.DEFAULT);
      }
      case "advtrained":
        return new ExperimentSpec(name, "All proxies against NAS-RobBench-201's adversarially trained accuracies",
            BASELINES, Map.of(), Nb201Targets.ADVERSARIALLY_TRAINED);
      default:
        throw new ZcnasException("unknown experiment '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
  }
}
