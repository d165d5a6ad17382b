package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * A committed prepared experiment, unchanged, run and analysed headless through weka.Run (the package's
 * {@code zcnas experimenter -l}) with the package installed offline, from a folder laid out as a checkout
 * (experiments/ with small benchmark ARFFs from {@code zcnas arff -class}): the relative data set paths resolve
 * there and the results file holds each scheme's Spearman rho per data set and run.
 */
class PreparedExperimentsIT {
  static final String[] CLASSES = {"cifar10_test_acc", "cifar10_fgsm_eps8_acc", "cifar10_corruption_acc"};

  @Test
  void ablationRunsThroughWekaRunFromTheCheckoutLayout(@TempDir Path dir) throws Exception {
    Map<String, String> env = new HashMap<>(Processes.installPackage(dir.resolve("wekahome")));
    Path work = dir.resolve("checkout");
    Files.createDirectories(work.resolve("experiments"));
    Files.copy(Processes.projectDir().resolve("experiments/ablation.xml"), work.resolve("experiments/ablation.xml"));
    Processes.Result arff = Processes.run(env, 300, "bin/zcnas", "arff", "-sample", "12", "-seed", "5", "-class",
        String.join(",", CLASSES), "-o", work.resolve("experiments/nb201.arff").toString());
    assertEquals(0, arff.status(), arff.output());

    // A fresh score cache (the default one lives in the home folder), so every score is computed here.
    Processes.Result run = Processes.runIn(work, env, 600, "java", "-Duser.home=" + dir.resolve("home"),
        "-Dweka.packageManager.offline=true", "-cp", Processes.wekaClasspath(), "weka.Run", "zcnas.cli.Zcnas",
        "experimenter", "-l", "experiments/ablation.xml");
    assertEquals(0, run.status(), run.output());
    assertTrue(run.output().contains("Analysing:  Spearman rho") && run.output().contains("Analysing:  Kendall tau")
        && run.output().contains("(14) functions.ZeroCostProxyRegressor"), run.output());
    Instances results = DataSource.read(work.resolve("experiments/ablation-results.arff").toString());
    // 14 schemes (7 component subsets of each variant) x 3 data sets x 10 runs.
    assertEquals(14 * 3 * 10, results.numInstances(), run.output());
    int rho = results.attribute("Spearman rho").index();
    int options = results.attribute("Key_Scheme_options").index();
    int dataset = results.attribute("Key_Dataset").index();
    int runColumn = results.attribute("Key_Run").index();
    Set<String> datasets = new HashSet<>();
    // Each scheme's rho in every (data set, run), keyed by the output it predicts.
    Map<String, Map<String, Double>> byOutput = new TreeMap<>();
    for (Instance row : results) {
      assertTrue(row.value(rho) >= -1 && row.value(rho) <= 1, row.toString());
      datasets.add(row.stringValue(dataset));
      String scheme = row.stringValue(options);
      assertTrue(scheme.contains("-component-sums") && scheme.contains("-output croze"), scheme);
      byOutput.computeIfAbsent(scheme.substring(scheme.indexOf("-output ") + 8), k -> new TreeMap<>())
          .put(row.stringValue(dataset) + " " + row.value(runColumn), row.value(rho));
    }
    assertEquals(Set.of("nb201-cifar10_test_acc", "nb201-cifar10_fgsm_eps8_acc", "nb201-cifar10_corruption_acc"),
        datasets);
    assertEquals(14, byOutput.size(), byOutput.keySet().toString());
    // Each scheme predicts its own component: were -output ignored, every scheme of a variant would rank alike.
    // (Sums may rank alike when one component dominates them, so single components are compared.)
    assertNotEquals(byOutput.get("croze_Z"), byOutput.get("croze_P"));
    assertNotEquals(byOutput.get("croze_Z"), byOutput.get("croze_G"));
    assertNotEquals(byOutput.get("croze-paper_Z"), byOutput.get("croze-paper_P"));
  }
}
