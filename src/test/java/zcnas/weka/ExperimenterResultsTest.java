package zcnas.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
