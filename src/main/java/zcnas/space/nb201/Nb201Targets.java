package zcnas.space.nb201;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zcnas.data.CifarDataset;
import zcnas.space.Benchmark;
import zcnas.util.ZcnasException;

/**
 * The accuracies a score file carries beside the proxies, gathered from the NAS-Bench-201 tables that are present,
 * all in percent, each with the data set whose images its proxies are scored on. The default targets are the CRoZe
 * paper's: CIFAR-10 clean, FGSM eps 8/4/2 and PGD eps 1 (Jung et al. 2023; eps in 1/255) and the mean accuracy
 * under common corruptions; CIFAR-100 and ImageNet16-120 clean, FGSM and PGD at eps 1 (the only eps the tables hold
 * for them) and CIFAR-100's corruption mean.
 */
public final class Nb201Targets implements Benchmark<Nb201Architecture> {
  /** A target column: its name, the table file and column, the factor to percent, and its data set. */
  public record Target(String name, String file, String column, double toPercent, CifarDataset dataset) {
  }

  private static final CifarDataset C10 = CifarDataset.CIFAR10;
  private static final CifarDataset C100 = CifarDataset.CIFAR100;
  private static final CifarDataset IN16 = CifarDataset.IMAGENET16_120;
  private static final String TEST = "nb201_test_accuracy.csv";
  private static final String ROBUST10 = "robustness_cifar10.csv";
  private static final String EPS1 = "robustness_eps1.csv";
  private static final String ADV = "adversarially_trained.csv";

  public static final List<Target> DEFAULT = List.of(
      new Target("cifar10_test_acc", TEST, "cifar10", 1, C10),
      new Target("cifar10_fgsm_eps8_acc", ROBUST10, "fgsm_eps8.0", 1, C10),
      new Target("cifar10_fgsm_eps4_acc", ROBUST10, "fgsm_eps4.0", 1, C10),
      new Target("cifar10_fgsm_eps2_acc", ROBUST10, "fgsm_eps2.0", 1, C10),
      new Target("cifar10_pgd_eps1_acc", ROBUST10, "pgd_eps1.0", 1, C10),
      new Target("cifar10_corruption_acc", EPS1, "cifar10__corr", 100, C10),
      new Target("cifar100_test_acc", TEST, "cifar100", 1, C100),
      new Target("cifar100_fgsm_eps1_acc", EPS1, "cifar100__fgsm", 100, C100),
      new Target("cifar100_pgd_eps1_acc", EPS1, "cifar100__pgd", 100, C100),
      new Target("cifar100_corruption_acc", EPS1, "cifar100__corr", 100, C100),
      new Target("ImageNet16-120_test_acc", TEST, "ImageNet16-120", 1, IN16),
      new Target("ImageNet16-120_fgsm_eps1_acc", EPS1, "ImageNet16-120__fgsm", 100, IN16),
      new Target("ImageNet16-120_pgd_eps1_acc", EPS1, "ImageNet16-120__pgd", 100, IN16));

  /** NAS-RobBench-201: the same networks adversarially trained (Wu et al., ICLR 2024), in percent. */
  public static final List<Target> ADVERSARIALLY_TRAINED = adversariallyTrained();

  private static List<Target> adversariallyTrained() {
    List<Target> out = new ArrayList<>();
    String[][] data = {{"cifar10", "cifar10"}, {"cifar100", "cifar100"}, {"imagenet", "ImageNet16-120"}};
    String[][] columns = {{"val_acc", "clean"}, {"val_fgsm_3_acc", "fgsm_eps3"}, {"val_pgd_3_acc", "pgd_eps3"},
        {"val_fgsm_8_acc", "fgsm_eps8"}, {"val_pgd_8_acc", "pgd_eps8"}, {"autoattack", "autoattack"}};
    for (String[] d : data) {
      for (String[] c : columns) {
        out.add(new Target(d[1] + "_advtrained_" + c[1] + "_acc", ADV, d[0] + "__" + c[0], 100,
            CifarDataset.forId(d[1])));
      }
    }
    return List.copyOf(out);
  }

  /** Everything the tables hold that a robustness study compares against: DEFAULT, more attacks, other data sets. */
  public static final List<Target> ALL = all();

  private static List<Target> all() {
    List<Target> all = new ArrayList<>(DEFAULT);
    all.add(new Target("cifar10_valid_acc", ROBUST10, "clean_valid", 1, C10));
    for (String eps : new String[] {"1", "3", "5", "6", "7"}) {
      all.add(new Target("cifar10_fgsm_eps" + eps + "_acc", ROBUST10, "fgsm_eps" + eps + ".0", 1, C10));
    }
    for (String eps : new String[] {"2", "3", "4", "8"}) {
      all.add(new Target("cifar10_pgd_eps" + eps + "_acc", ROBUST10, "pgd_eps" + eps + ".0", 1, C10));
    }
    for (String attack : new String[] {"apgd_ce", "square"}) {
      for (String eps : new String[] {"1", "4"}) {
        all.add(new Target("cifar10_" + attack + "_eps" + eps + "_acc", ROBUST10, attack + "_eps" + eps + ".0", 1,
            C10));
      }
    }
    for (CifarDataset d : new CifarDataset[] {C100, IN16}) {
      for (String attack : new String[] {"aa_apgd-ce", "aa_square"}) {
        all.add(new Target(d.id() + "_" + attack.replace("aa_", "").replace('-', '_') + "_eps1_acc", EPS1,
            d.id() + "__" + attack, 100, d));
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

  /** The given targets whose table is in the folder (none when the folder is null or holds no table). */
  public static Nb201Targets load(Path benchDir, List<Target> wanted) {
    Nb201Targets t = new Nb201Targets();
    if (benchDir == null || !Files.isDirectory(benchDir)) {
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

  /**
   * The given targets of a folder the user named: a missing folder, or one without any of the tables, is an error
   * naming it and the tables it should hold.
   */
  public static Nb201Targets require(Path benchDir, List<Target> wanted) {
    if (!Files.isDirectory(benchDir)) {
      throw new ZcnasException("-bench " + benchDir + ": no such folder (it should hold the NAS-Bench-201 tables "
          + tableFiles(wanted) + "; -bench none scores without them)");
    }
    Nb201Targets t = load(benchDir, wanted);
    if (t.targets.isEmpty()) {
      throw new ZcnasException("-bench " + benchDir + ": none of the NAS-Bench-201 tables " + tableFiles(wanted)
          + " is there (-bench none scores without them)");
    }
    return t;
  }

  private static String tableFiles(List<Target> wanted) {
    return String.join(", ", wanted.stream().map(Target::file).distinct().toList());
  }

  /** The targets found, in order. */
  public List<Target> targets() {
    return List.copyOf(targets);
  }

  /** The data sets of the targets found, in order of first appearance. */
  public List<CifarDataset> datasets() {
    List<CifarDataset> out = new ArrayList<>();
    for (Target t : targets) {
      if (!out.contains(t.dataset())) {
        out.add(t.dataset());
      }
    }
    return out;
  }

  @Override
  public String indexColumn() {
    return "nb201_index";
  }

  @Override
  public CifarDataset dataset(String target) {
    for (Target t : targets) {
      if (t.name().equals(target)) {
        return t.dataset();
      }
    }
    throw new IllegalArgumentException("no target " + target);
  }

  @Override
  public Nb201Architecture architecture(int index) {
    if (tables.isEmpty()) {
      throw new ZcnasException("benchmark indices need the NAS-Bench-201 tables (see -bench)");
    }
    return anyTable().architecture(index);
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Target target : targets) {
      names.add(target.name());
    }
    return names;
  }

  /** The architecture's value of each target, NaN where a table lacks it. */
  @Override
  public double[] values(Nb201Architecture arch) {
    double[] v = new double[targets.size()];
    for (int i = 0; i < v.length; i++) {
      Target target = targets.get(i);
      v[i] = tables.get(target.file()).value(arch, target.column()) * target.toPercent();
    }
    return v;
  }

  /** The NAS-Bench-201 index, from the first table loaded, or -1. */
  @Override
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
