package zcnas.space.nb201;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accuracies a score file carries beside the proxies, gathered from the NAS-Bench-201 tables that are present,
 * all in percent: clean test accuracy on the three data sets, CIFAR-10 FGSM and PGD accuracy at eps 4/255 and 8/255
 * (Jung et al. 2023) and the mean accuracy under common corruptions (CIFAR-10-C, CIFAR-100-C).
 */
public final class Nb201Targets {
  /** A target column: its name, the table file, the table's column, and the factor to percent. */
  public record Target(String name, String file, String column, double toPercent) {
  }

  public static final List<Target> DEFAULT = List.of(
      new Target("cifar10_test_acc", "nb201_test_accuracy.csv", "cifar10", 1),
      new Target("cifar100_test_acc", "nb201_test_accuracy.csv", "cifar100", 1),
      new Target("ImageNet16-120_test_acc", "nb201_test_accuracy.csv", "ImageNet16-120", 1),
      new Target("cifar10_fgsm_eps4_acc", "robustness_cifar10.csv", "fgsm_eps4.0", 1),
      new Target("cifar10_fgsm_eps8_acc", "robustness_cifar10.csv", "fgsm_eps8.0", 1),
      new Target("cifar10_pgd_eps8_acc", "robustness_cifar10.csv", "pgd_eps8.0", 1),
      new Target("cifar10_corruption_acc", "robustness_eps1.csv", "cifar10__corr", 100),
      new Target("cifar100_corruption_acc", "robustness_eps1.csv", "cifar100__corr", 100));

  private final List<Target> targets = new ArrayList<>();
  private final Map<String, Nb201Table> tables = new LinkedHashMap<>();

  private Nb201Targets() {
  }

  /** The default targets whose table is in the folder; an absent table drops its targets, a broken one is an error. */
  public static Nb201Targets load(Path benchDir) {
    Nb201Targets t = new Nb201Targets();
    if (benchDir == null) {
      return t;
    }
    for (Target target : DEFAULT) {
      Path file = benchDir.resolve(target.file());
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Nb201Table table = t.tables.computeIfAbsent(target.file(), f -> Nb201Table.read(file));
      if (table.columns().contains(target.column())) {
        t.targets.add(target);
      }
    }
    return t;
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Target target : targets) {
      names.add(target.name());
    }
    return names;
  }

  /** The architecture's value of each target, NaN where a table lacks it. */
  public double[] values(Nb201Architecture arch) {
    double[] v = new double[targets.size()];
    for (int i = 0; i < v.length; i++) {
      Target target = targets.get(i);
      v[i] = tables.get(target.file()).value(arch, target.column()) * target.toPercent();
    }
    return v;
  }

  /** The NAS-Bench-201 index, from the first table loaded, or -1. */
  public int index(Nb201Architecture arch) {
    return tables.isEmpty() ? -1 : tables.values().iterator().next().index(arch);
  }

  /** Some table, for looking architectures up by index; null when none was found. */
  public Nb201Table anyTable() {
    return tables.isEmpty() ? null : tables.values().iterator().next();
  }
}
