package zcnas.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class ExperimenterResultsTest {
  @Test
  void correctedTesterWithoutTrainingSetsIsThePairedTTestOverSeeds() throws Exception {
    // rho[label][target][seed]
    Map<String, double[][]> rho = Map.of(
        "synflow", new double[][] {{0.80, 0.82, 0.79, 0.81}, {0.70, 0.71, 0.69, 0.72}},
        "snip", new double[][] {{0.55, 0.58, 0.52, 0.57}, {0.71, 0.69, 0.70, 0.73}},
        "naswot", new double[][] {{0.80, 0.82, 0.79, 0.81}, {0.60, 0.66, 0.61, 0.65}});
    Map<String, double[][]> tau = Map.of(
        "synflow", new double[2][4], "snip", new double[2][4], "naswot", new double[2][4]);
    List<String> labels = List.of("synflow", "snip", "naswot");
    ExperimenterResults r = new ExperimenterResults("t", labels, List.of("clean", "fgsm"), rho, tau, 10);
    assertEquals(2 * 4 * 3, r.instances().numInstances());
    assertEquals(13.0, r.instances().instance(r.instances().numInstances() - 1).value(1), "Key_Run is the seed");
    for (int t = 0; t < 2; t++) {
      for (int l = 1; l < 3; l++) {
        double[] base = rho.get("synflow")[t];
        double[] other = rho.get(labels.get(l))[t];
        double expected = java.util.Arrays.equals(base, other) ? 1.0 : new TTest().pairedTTest(base, other);
        assertEquals(expected, r.pValue(t, 0, l), 1e-6, labels.get(l) + " on target " + t);
      }
    }
  }

  @Test
  void withTrainingAndTestSizesTheNadeauBengioCorrectionWidensTheTest() throws Exception {
    Map<String, double[][]> rho = Map.of(
        "best-proxy", new double[][] {{0.80, 0.82, 0.79, 0.81, 0.78}},
        "rf", new double[][] {{0.86, 0.85, 0.88, 0.84, 0.87}});
    Map<String, double[][]> tau = Map.of("best-proxy", new double[1][5], "rf", new double[1][5]);
    ExperimenterResults r = new ExperimenterResults("t", List.of("best-proxy", "rf"), List.of("fgsm@100"), rho, tau,
        0, new int[] {100}, new int[] {900});
    double[] d = new double[5];
    for (int s = 0; s < 5; s++) {
      d[s] = rho.get("rf")[0][s] - rho.get("best-proxy")[0][s];
    }
    double mean = org.apache.commons.math3.stat.StatUtils.mean(d);
    double variance = org.apache.commons.math3.stat.StatUtils.variance(d);
    // t = mean / sqrt((1/k + n_test/n_train) variance), k - 1 degrees of freedom (Nadeau and Bengio 2003)
    double t = mean / Math.sqrt((1.0 / 5 + 900.0 / 100) * variance);
    double expected = 2 * (1 - new org.apache.commons.math3.distribution.TDistribution(4).cumulativeProbability(t));
    assertEquals(expected, r.pValue(0, 0, 1), 1e-6);
    assertEquals(100.0, r.instances().instance(0).value(r.instances().attribute("Number_of_training_instances")));
    double uncorrected = new TTest().pairedTTest(rho.get("best-proxy")[0], rho.get("rf")[0]);
    assertTrue(uncorrected < 0.05 && expected > 0.3, uncorrected + " uncorrected, " + expected + " corrected");
  }
}
