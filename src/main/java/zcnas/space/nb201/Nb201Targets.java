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

  /** NAS-RobBench-201: the same networks adversarially trained (Wu et al., ICLR 2024), CIFAR-10, in percent. */
  public static final List<Target> ADVERSARIALLY_TRAINED = List.of(
      new Target("cifar10_advtrained_clean_acc", "adversarially_trained.csv", "cifar10__val_acc", 100),
      new Target("cifar10_advtrained_fgsm_eps3_acc", "adversarially_trained.csv", "cifar10__val_fgsm_3_acc", 100),
      new Target("cifar10_advtrained_pgd_eps3_acc", "adversarially_trained.csv", "cifar10__val_pgd_3_acc", 100),
      new Target("cifar10_advtrained_fgsm_eps8_acc", "adversarially_trained.csv", "cifar10__val_fgsm_8_acc", 100),
      new Target("cifar10_advtrained_pgd_eps8_acc", "adversarially_trained.csv", "cifar10__val_pgd_8_acc", 100),
      new Target("cifar10_advtrained_autoattack_acc", "adversarially_trained.csv", "cifar10__autoattack", 100));

  /** Everything the tables hold that a robustness study compares against: DEFAULT, more attacks, other data sets. */
  public static final List<Target> ALL = all();

  private static List<Target> all() {
    List<Target> all = new ArrayList<>(DEFAULT);
    all.add(new Target("cifar10_valid_acc", "robustness_cifar10.csv", "clean_valid", 1));
    for (String eps : new String[] {"1", "2", "3"}) {
      all.add(new Target("cifar10_fgsm_eps" + eps + "_acc", "robustness_cifar10.csv", "fgsm_eps" + eps + ".0", 1));
    }
    for (String attack : new String[] {"pgd", "apgd_ce", "square"}) {
      for (String eps : new String[] {"1", "4"}) {
        all.add(new Target("cifar10_" + attack + "_eps" + eps + "_acc", "robustness_cifar10.csv",
            attack + "_eps" + eps + ".0", 1));
      }
    }
    for (String data : new String[] {"cifar100", "ImageNet16-120"}) {
      for (String attack : new String[] {"fgsm", "pgd", "aa_apgd-ce", "aa_square"}) {
        all.add(new Target(data + "_" + attack.replace("aa_", "").replace('-', '_') + "_eps1_acc",
            "robustness_eps1.csv", data + "__" + attack, 100));
      }
    }
    all.addAll(ADVERSARIALLY_TRAINED);
    return List.copyOf(all);
  }

  private final List<Target> targets = new ArrayList<>();
  private final Map<String, Nb201Table> tables = new LinkedHashMap<>();

  private Nb201Targets() {
  }

  /** The default targets whose table is in the folder; an absent table drops its targets, a broken one is an error. */
  public static Nb201Targets load(Path benchDir) {
    return load(benchDir, DEFAULT);
  }

  /** The given targets whose table is in the folder. */
  public static Nb201Targets load(Path benchDir, List<Target> wanted) {
    Nb201Targets t = new Nb201Targets();
    if (benchDir == null) {
      return t;
    }
    for (Target target : wanted) {
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

  /** The isomorphism class of the architecture from a table that has one ({@code uid_noniso}), or -1. */
  public int isomorphismClass(Nb201Architecture arch) {
    for (Nb201Table t : tables.values()) {
      int c = t.isomorphismClass(arch);
      if (c >= 0) {
        return c;
      }
    }
    return -1;
  }

  /** Some table, for looking architectures up by index; null when none was found. */
  public Nb201Table anyTable() {
    return tables.isEmpty() ? null : tables.values().iterator().next();
  }
}
