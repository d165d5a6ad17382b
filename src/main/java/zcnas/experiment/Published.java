package zcnas.experiment;

import java.util.Map;

/** Published Spearman rho on NB201 CIFAR-10 (REFERENCE.md), by proxy and target, for the Markdown tables. */
final class Published {
  private static final Map<String, String> CROZE = Map.of(
      "cifar10_test_acc", "0.823", "cifar10_fgsm_eps8_acc", "0.823", "cifar10_fgsm_eps4_acc", "0.826",
      "cifar10_corruption_acc", "0.436");
  private static final Map<String, Map<String, String>> ABLATION = Map.of(
      "Z", Map.of("cifar10_test_acc", "0.718", "cifar10_fgsm_eps8_acc", "0.701", "cifar10_corruption_acc", "0.341"),
      "ZP", Map.of("cifar10_test_acc", "0.750", "cifar10_fgsm_eps8_acc", "0.762", "cifar10_corruption_acc", "0.384"),
      "ZG", Map.of("cifar10_test_acc", "0.822", "cifar10_fgsm_eps8_acc", "0.824", "cifar10_corruption_acc", "0.434"),
      "PG", Map.of("cifar10_test_acc", "0.824", "cifar10_fgsm_eps8_acc", "0.827", "cifar10_corruption_acc", "0.437"),
      "ZPG", Map.of("cifar10_test_acc", "0.823", "cifar10_fgsm_eps8_acc", "0.826", "cifar10_corruption_acc", "0.436"));
  private static final Map<String, Map<String, String>> ENSEMBLES = Map.of(
      "snip+naswot", Map.of("cifar10_test_acc", "0.803", "cifar10_fgsm_eps8_acc", "0.681",
          "cifar10_pgd_eps8_acc", "0.543", "cifar10_corruption_acc", "0.771"),
      "croze+snip+naswot", Map.of("cifar10_test_acc", "0.894", "cifar10_fgsm_eps8_acc", "0.872",
          "cifar10_pgd_eps8_acc", "0.633", "cifar10_corruption_acc", "0.894"));
  private static final Map<String, String> BASELINES = Map.of("gradnorm", "0.594", "snip", "0.596",
      "synflow", "0.737");

  private Published() {
  }

  static String value(String experiment, String proxy, String target) {
    if (proxy.startsWith("croze") && proxy.contains("_")) {
      Map<String, String> m = ABLATION.get(proxy.substring(proxy.indexOf('_') + 1));
      return m == null ? null : m.get(target);
    }
    if (ENSEMBLES.containsKey(proxy)) {
      return ENSEMBLES.get(proxy).get(target);
    }
    if (proxy.equals("croze") || proxy.equals("croze-official")) {
      return CROZE.get(target);
    }
    return target.equals("cifar10_test_acc") ? BASELINES.get(proxy) : null;
  }
}
