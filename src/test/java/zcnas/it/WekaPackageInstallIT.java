package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installs the package zip into a fresh WEKA_HOME with Weka's package manager, offline, and runs it through weka.Run. */
class WekaPackageInstallIT {
  @Test
  void installsOfflineAndScoresThroughWekaRun(@TempDir Path dir) throws Exception {
    Path zip = Paths.get(System.getProperty("zcnas.packageZip"));
    assertTrue(Files.isRegularFile(zip), "package zip missing: " + zip);
    Map<String, String> env = Map.of("WEKA_HOME", dir.resolve("wekahome").toString());
    String cp = Processes.wekaClasspath();
    Processes.Result install = Processes.run(env, 300, "java", "-cp", cp, "weka.core.WekaPackageManager", "-offline",
        "-install-package", zip.toString());
    assertEquals(0, install.status(), install.output());
    Path pkg = dir.resolve("wekahome/packages/robustZeroCostNAS");
    assertTrue(Files.isRegularFile(pkg.resolve("Description.props")), install.output());
    assertTrue(Files.isRegularFile(pkg.resolve("robustZeroCostNAS.jar")), install.output());

    // The package manager returns 0 even for a broken zip: only running a class proves the install.
    Path out = dir.resolve("scores.csv");
    Processes.Result run = Processes.run(env, 600, "java", "-Dweka.packageManager.offline=true", "-cp", cp, "weka.Run",
        "zcnas.cli.Zcnas", "score", "-space", "nb201", "-sample", "4", "-seed", "1", "-proxies",
        "gradnorm,snip,synflow,naswot", "-dataset", "cifar10", "-o", out.toString(), "-cache", "none",
        "-data", System.getProperty("zcnas.data") + "/images", "-bench", System.getProperty("zcnas.data") + "/nb201");
    assertEquals(0, run.status(), run.output());
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(0).startsWith("nb201_index,arch,gradnorm,snip,synflow,naswot,cifar10_test_acc,"), lines.get(0));
    assertEquals(5, lines.size());
    assertTrue(run.output().contains("Spearman rho"), run.output());

    Processes.Result bad = Processes.run(env, 300, "java", "-Dweka.packageManager.offline=true", "-cp", cp, "weka.Run",
        "zcnas.cli.Zcnas", "score", "-sample", "2", "-proxies", "zen", "-o", out.toString());
    assertEquals(1, bad.status(), bad.output());
    assertTrue(bad.output().contains("unknown proxy 'zen'"), bad.output());

    // An attribute evaluator from the package, through weka.Run, on a real benchmark ARFF, ranked by Ranker.
    Path bench = dir.resolve("bench.arff");
    assertEquals(0, Processes.run(env, 300, "java", "-Dweka.packageManager.offline=true", "-cp", cp, "weka.Run",
        "zcnas.cli.Zcnas", "arff", "-sample", "30", "-seed", "4", "-o", bench.toString(), "-bench",
        System.getProperty("zcnas.data") + "/nb201").status());
    Processes.Result ranked = Processes.run(env, 600, "java", "-Dweka.packageManager.offline=true", "-cp", cp,
        "weka.Run", "weka.attributeSelection.SynFlowAttributeEval", "-i", bench.toString(), "-s",
        "weka.attributeSelection.Ranker", "-cache", "none", "-data", System.getProperty("zcnas.data") + "/images");
    assertEquals(0, ranked.status(), ranked.output());
    String text = ranked.output();
    assertTrue(text.contains("Ranked attributes:") && text.contains("Architectures scored: 30 of 30"), text);
    // SynFlow ranks NB201 clean accuracy well: its row carries a clearly positive rho.
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s(-?[0-9.]+)\\s+\\d+ cifar10_test_acc").matcher(text);
    assertTrue(m.find(), text);
    assertTrue(Double.parseDouble(m.group(1)) > 0.5, text);
  }
}
