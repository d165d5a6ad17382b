package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract `bin/zcnas experiment NAME -quick`, end to end for every prepared experiment (what CI runs). */
class ExperimentsQuickIT {
  @TempDir
  static Path dir;

  static final Map<String, List<String>> EXPECTED_PROXIES = Map.of(
      "correlation", List.of("gradnorm", "snip", "synflow", "naswot", "croze", "croze-paper"),
      "ablation", List.of("croze_Z", "croze_ZPG", "croze-paper_PG"),
      "perturbation", List.of("croze", "croze-gaussian"),
      "init", List.of("croze", "croze-kaiming", "croze-xavier"),
      "ensemble", List.of("snip+naswot", "croze+snip+naswot"),
      "advtrained", List.of("gradnorm", "croze", "croze-paper"));

  @ParameterizedTest
  @ValueSource(strings = {"correlation", "ablation", "perturbation", "init", "ensemble", "advtrained"})
  void quickExperimentWritesTheContractCsv(String name) throws Exception {
    Path out = dir.resolve("results");
    Processes.Result r = Processes.run(Map.of("ZCNAS_DATA", System.getProperty("zcnas.data")), 1500, "bin/zcnas",
        "experiment", name, "-quick", "-out", out.toString(), "-cache", dir.resolve("cache.tsv").toString());
    assertEquals(0, r.status(), r.output());
    assertTrue(Files.isRegularFile(out.resolve(name + ".arff")) && Files.isRegularFile(out.resolve(name + ".md")));
    assertTrue(Files.size(out.resolve(name + "-rho-heatmap.png")) > 5_000, "heat map missing");
    // the per-seed result set the Experimenter's Analyse panel opens: one row per target, seed and proxy
    weka.core.Instances runs = new weka.core.converters.ConverterUtils.DataSource(
        out.resolve(name + "-runs.arff").toString()).getDataSet();
    assertEquals(2 * runs.attribute("Key_Dataset").numValues() * runs.attribute("Key_Scheme").numValues(),
        runs.numInstances());
    List<CSVRecord> rows = new ArrayList<>();
    Set<String> proxies = new HashSet<>();
    try (Reader reader = Files.newBufferedReader(out.resolve(name + ".csv"));
         CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      assertTrue(p.getHeaderNames().containsAll(List.of("proxy", "target", "rho_mean", "rho_std", "n_archs",
          "n_seeds")), p.getHeaderNames().toString());
      for (CSVRecord rec : p) {
        rows.add(rec);
        proxies.add(rec.get("proxy"));
        double rho = Double.parseDouble(rec.get("rho_mean"));
        assertTrue(rho >= -1 && rho <= 1, rec.toString());
        assertTrue(Double.parseDouble(rec.get("rho_std")) >= 0, rec.toString());
        assertEquals("24", rec.get("n_archs"));
        assertEquals("2", rec.get("n_seeds"));
      }
    }
    assertTrue(proxies.containsAll(EXPECTED_PROXIES.get(name)), name + ": " + proxies);
    assertTrue(rows.size() >= proxies.size() * 6, name + ": " + rows.size() + " rows");
    if (name.equals("correlation")) {
      // CRoZe (the official variant) and SynFlow rank clean accuracy well even on 24 architectures.
      for (CSVRecord rec : rows) {
        if (rec.get("target").equals("cifar10_test_acc")
            && (rec.get("proxy").equals("croze") || rec.get("proxy").equals("synflow"))) {
          assertTrue(Double.parseDouble(rec.get("rho_mean")) > 0.6, rec.toString());
        }
      }
    }
  }
}
