package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Weka GUIs under Xvfb with the package installed offline: the Explorer's Select attributes tab runs
 * CRoZeAttributeEval with Ranker on a benchmark ARFF, and on DARTS genotypes with its progress window, Stop and a
 * resumed Start; the Experimenter runs a saved experiment comparing two
 * proxy schemes and analyses Spearman rho, and a user opens the committed experiments/ensemble.xml from a checkout
 * layout, runs it and analyses it. Screenshots go to target/.
 */
class GuiIT {
  static Process xvfb;
  static String display;
  @TempDir
  static Path dir;
  static Map<String, String> env;
  static String classpath;

  @BeforeAll
  static void setUp() throws Exception {
    display = System.getenv("DISPLAY");
    if (display == null || display.isEmpty()) {
      assertTrue(Files.isExecutable(Paths.get("/usr/bin/Xvfb")), "Xvfb is needed (apt-get install xvfb; .ci/run does)");
      display = ":" + (90 + ProcessHandle.current().pid() % 100);
      xvfb = new ProcessBuilder("/usr/bin/Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
          .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
      Thread.sleep(1500);
      assertTrue(xvfb.isAlive(), "Xvfb did not start: " + Files.readString(dir.resolve("xvfb.log")));
    }
    env = new HashMap<>(Processes.installPackage(dir.resolve("wekahome")));
    env.put("DISPLAY", display);
    // The driver alone beside Weka: everything else must come from the installed package.
    Path classes = dir.resolve("driver/zcnas/it");
    Files.createDirectories(classes);
    try (Stream<Path> files = Files.list(Processes.projectDir().resolve("target/test-classes/zcnas/it"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith("GuiDriver")) {
          Files.copy(f, classes.resolve(f.getFileName()));
        }
      }
    }
    classpath = Processes.wekaClasspath() + ":" + dir.resolve("driver");
    Processes.Result arff = Processes.run(env, 300, "bin/zcnas", "arff", "-sample", "30", "-seed", "2", "-o",
        dir.resolve("bench30.arff").toString());
    assertEquals(0, arff.status(), arff.output());
  }

  @AfterAll
  static void tearDown() {
    if (xvfb != null) {
      xvfb.destroy();
    }
  }

  static Processes.Result driver(String... args) throws Exception {
    return driverIn(dir, args);
  }

  /** The driver run in a working directory, with a home folder (and so a default score cache) of its own. */
  static Processes.Result driverIn(Path workDir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java", "-Duser.home=" + dir.resolve("home"),
        "-Dweka.packageManager.offline=true", "-cp", classpath, "zcnas.it.GuiDriver"));
    cmd.addAll(List.of(args));
    return Processes.runIn(workDir, env, 900, cmd.toArray(new String[0]));
  }

  static void keepScreenshot(Path shot, String name) throws IOException {
    assertTrue(Files.size(shot) > 10_000, "screenshot too small: " + shot);
    Files.copy(shot, Processes.projectDir().resolve("target").resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void explorerRanksAccuraciesWithCRoZe() throws Exception {
    Path shot = dir.resolve("explorer.png");
    Processes.Result r = driver("explorer", dir.resolve("bench30.arff").toString(),
        "weka.attributeSelection.CRoZeAttributeEval -P \"zcnas.proxy.CRoZe -variant official\" -cache "
            + dir.resolve("cache.tsv"), shot.toString());
    assertEquals(0, r.status(), r.output());
    String out = r.output();
    assertTrue(out.contains("Ranked attributes:") && out.contains("Architectures scored: 30 of 30"), out);
    // proxySelection, scoring and Weka's doNotCheckCapabilities; the proxies bean: its proxies and their aggregation
    assertTrue(out.contains("editable properties of CRoZeAttributeEval: 3")
        && out.contains("editable properties of ProxyEnsemble: 2"), out);
    Matcher choices = Pattern.compile("proxy choices: \\[(.*)\\]").matcher(out);
    assertTrue(choices.find(), out);
    for (String proxy : new String[] {"CRoZe", "GradNorm", "Snip", "SynFlow", "Naswot"}) {
      assertTrue(choices.group(1).contains("zcnas.proxy." + proxy), "the object editor lacks " + proxy + ": " + out);
    }
    Matcher m = Pattern.compile("\\s(-?[0-9.]+)\\s+\\d+ cifar10_fgsm_eps8_acc").matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Double.parseDouble(m.group(1)) > 0.5, "CRoZe vs FGSM-8 accuracy on 30 archs: " + m.group(1));
    keepScreenshot(shot, "gui-explorer-select-attributes.png");
  }

  @Test
  void explorerShowsProgressOnDartsGenotypesAndResumesAfterStop() throws Exception {
    Path arff = dir.resolve("darts6.arff");
    Processes.Result w = Processes.run(env, 300, "bin/zcnas", "arff", "-space", "darts", "-sample", "6", "-seed", "3",
        "-o", arff.toString());
    assertEquals(0, w.status(), w.output());
    Path cache = dir.resolve("darts-cache.tsv");
    Path progressShot = dir.resolve("explorer-darts-progress.png");
    Path shot = dir.resolve("explorer-darts.png");
    // Small NetworkCIFARs keep the test short; the space is recognised from the genotypes, its size set here.
    Processes.Result r = driver("explorer-stop", arff.toString(), "weka.attributeSelection.CRoZeAttributeEval "
        + "-space \"darts -channels 8 -cells 5\" -cache " + cache, progressShot.toString(), shot.toString());
    assertEquals(0, r.status(), r.output());
    String out = r.output();
    System.out.println(out);
    Matcher shown = Pattern.compile("progress window: (\\d) of 6 done; Scoring 6 darts architectures with croze on "
        + "cifar10 images \\| scored \\1/6 \\(\\d+%\\), [0-9.]+/s, \\S+ left, RSS \\d+ MiB").matcher(out);
    assertTrue(shown.find(), out);
    Matcher stopped = Pattern.compile("stopped after (\\d) of 6 architectures; their scores are kept in the score "
        + "cache " + Pattern.quote(cache.toString())).matcher(out);
    assertTrue(stopped.find(), "the Explorer's log names the stop and the cache:\n" + out);
    int kept = Integer.parseInt(stopped.group(1));
    assertTrue(kept >= 1 && kept < 6, out);
    assertTrue(out.contains("Architectures scored: 6 of 6 instances (" + kept + " found in the score cache)"), out);
    assertTrue(Pattern.compile("Ranked attributes:\\s+-?[0-9.]+\\s+3 params").matcher(out).find(), out);
    keepScreenshot(progressShot, "gui-explorer-darts-progress.png");
    keepScreenshot(shot, "gui-explorer-darts-resumed.png");
  }

  @Test
  void experimenterComparesTwoProxySchemesBySpearmanRho() throws Exception {
    Path xml = dir.resolve("proxies.xml");
    Processes.Result w = Processes.run(env, 300, "bin/zcnas", "experimenter", "-i",
        dir.resolve("bench30.arff").toString(), "-P", "synflow", "-P", "naswot -B 32", "-runs", "3", "-o",
        xml.toString());
    assertEquals(0, w.status(), w.output());
    Path shot = dir.resolve("experimenter.png");
    Processes.Result r = driver("experimenter", xml.toString(), shot.toString());
    assertEquals(0, r.status(), r.output());
    String out = r.output();
    assertTrue(out.contains("comparison field: Spearman rho"), out);
    assertTrue(out.contains("Analysing:  Spearman rho") && out.contains("Resultsets: 2") && out.contains("(3)"), out);
    keepScreenshot(shot, "gui-experimenter-analyse.png");
  }

  @Test
  void experimenterOpensRunsAndAnalysesThePreparedEnsembleExperiment() throws Exception {
    // The committed file, unchanged, in a folder laid out as a checkout with small data sets of its three classes.
    Path checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("experiments"));
    Files.copy(Processes.projectDir().resolve("experiments/ensemble.xml"), checkout.resolve("experiments/ensemble.xml"));
    Processes.Result arff = Processes.run(env, 300, "bin/zcnas", "arff", "-sample", "10", "-seed", "6", "-class",
        "cifar10_test_acc,cifar10_fgsm_eps8_acc,cifar10_corruption_acc", "-o",
        checkout.resolve("experiments/nb201.arff").toString());
    assertEquals(0, arff.status(), arff.output());
    Path shot = dir.resolve("ensemble.png");
    Processes.Result r = driverIn(checkout, "experimenter", "experiments/ensemble.xml", shot.toString());
    assertEquals(0, r.status(), r.output());
    String out = r.output();
    assertTrue(out.contains("opened: 3 data sets [experiments/nb201-cifar10_test_acc.arff, "
        + "experiments/nb201-cifar10_fgsm_eps8_acc.arff, experiments/nb201-cifar10_corruption_acc.arff], 11 schemes, "
        + "10 runs"), out);
    assertTrue(Files.isRegularFile(checkout.resolve("experiments/ensemble-results.arff")), out);
    assertTrue(out.contains("Analysing:  Spearman rho") && out.contains("Resultsets: 11") && out.contains("(10)"), out);
    // The key names every scheme: the five proxies alone, then {Snip, NASWOT} and CRoZe + {Snip, NASWOT} ensembles.
    String key = out.substring(out.indexOf("Key:"));
    for (String proxy : new String[] {"GradNorm", "Snip", "SynFlow", "Naswot", "CRoZe"}) {
      assertTrue(key.contains("zcnas.proxy." + proxy), proxy + " missing from the key:\n" + key);
    }
    for (String aggregation : new String[] {"-A mean-rank", "-A vote", "-A product"}) {
      assertEquals(2, key.split(java.util.regex.Pattern.quote(aggregation), -1).length - 1, aggregation + ": " + key);
    }
    keepScreenshot(shot, "gui-experimenter-prepared-ensemble.png");
  }
}
