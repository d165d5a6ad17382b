package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.score.ScoreTable;
import zcnas.stats.RankCorrelation;

/**
 * The README's main command, through bin/zcnas: 200 seeded NB201 architectures on real CIFAR-10 images; each proxy
 * must rank them by CIFAR-10 test accuracy about as well as published (all 15,625: synflow 0.74, naswot ~0.78,
 * grad_norm 0.59, snip 0.60).
 */
class SampleCorrelationIT {
  @Test
  void proxiesPredictTestAccuracyOn200SampledArchitectures(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.csv");
    Processes.Result r = Processes.run(Map.of("ZCNAS_DATA", System.getProperty("zcnas.data")), 1200, "bin/zcnas",
        "score", "-space", "nb201", "-sample", "200", "-seed", "0", "-proxies", "gradnorm,snip,synflow,naswot",
        "-dataset", "cifar10", "-o", out.toString(), "-cache", dir.resolve("cache.tsv").toString());
    assertEquals(0, r.status(), r.output());
    ScoreTable t = ScoreTable.read(out);
    assertEquals(200, t.rows());
    double[] acc = t.column("cifar10_test_acc");
    Map<String, Double> minimum = Map.of("synflow", 0.65, "naswot", 0.65, "gradnorm", 0.45, "snip", 0.45);
    for (String proxy : List.of("gradnorm", "snip", "synflow", "naswot")) {
      double rho = RankCorrelation.of(t.column(proxy), acc).rho();
      System.out.printf("%s rho vs cifar10 test accuracy = %.3f%n", proxy, rho);
      assertTrue(rho >= minimum.get(proxy), proxy + " rho " + rho + " < " + minimum.get(proxy) + "\n" + r.output());
    }
  }
}
