package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of `bin/zcnas experiment fewshot -quick`, end to end on the real images, tables and engine. */
class FewShotIT {
  static final List<String> TARGETS = List.of("cifar10_test_acc", "cifar10_fgsm_eps8_acc", "cifar10_corruption_acc",
      "cifar10_advtrained_fgsm_eps8_acc");
  static final List<String> PREDICTORS = List.of("best-proxy", "best-ensemble", "rf", "gp");

  @Test
  void quickFewShotWritesTheContractCsv(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("results");
    Processes.Result r = Processes.run(Map.of("ZCNAS_DATA", System.getProperty("zcnas.data")), 600, "bin/zcnas",
        "experiment", "fewshot", "-quick", "-out", out.toString(), "-cache", dir.resolve("cache.tsv").toString());
    assertEquals(0, r.status(), r.output());
    for (String f : List.of("fewshot.arff", "fewshot-runs.arff", "fewshot.md")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(Files.size(out.resolve("fewshot-rho-heatmap.png")) > 5_000, "heat map missing");
    Map<String, Double> rho = new HashMap<>();
    Set<String> ns = new TreeSet<>();
    try (Reader reader = Files.newBufferedReader(out.resolve("fewshot.csv"));
         CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      assertTrue(p.getHeaderNames().containsAll(List.of("predictor", "n_labelled", "target", "rho_mean", "rho_std")),
          p.getHeaderNames().toString());
      for (CSVRecord rec : p) {
        double mean = Double.parseDouble(rec.get("rho_mean"));
        assertTrue(mean >= -1 && mean <= 1, rec.toString());
        assertTrue(Double.parseDouble(rec.get("rho_std")) >= 0, rec.toString());
        assertEquals(60 - Integer.parseInt(rec.get("n_labelled")), Integer.parseInt(rec.get("n_heldout")));
        assertEquals("3", rec.get("n_seeds"));
        ns.add(rec.get("n_labelled"));
        rho.put(rec.get("predictor") + " " + rec.get("n_labelled") + " " + rec.get("target"), mean);
      }
    }
    assertEquals(Set.of("10", "20", "40"), ns);
    for (String t : TARGETS) {
      for (String n : ns) {
        for (String pred : PREDICTORS) {
          assertTrue(rho.containsKey(pred + " " + n + " " + t), "no row for " + pred + " n=" + n + " on " + t);
        }
      }
    }
    assertEquals(TARGETS.size() * ns.size() * PREDICTORS.size(), rho.size());
    // Clean accuracy is well predicted from 40 labels: the forest and the best proxy both rank the rest well.
    assertTrue(rho.get("rf 40 cifar10_test_acc") > 0.6, rho.toString());
    assertTrue(rho.get("best-proxy 40 cifar10_test_acc") > 0.6, rho.toString());
    // per-seed runs for the Experimenter: one per (target, n), seed and predictor
    weka.core.Instances runs = new weka.core.converters.ConverterUtils.DataSource(
        out.resolve("fewshot-runs.arff").toString()).getDataSet();
    assertEquals(TARGETS.size() * 3 * 3 * PREDICTORS.size(), runs.numInstances());
  }
}
