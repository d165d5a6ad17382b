package zcnas.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Instance;
import weka.core.Instances;
import zcnas.space.nb201.Nb201Architecture;

class FewShotFeaturesTest {
  static final Nb201Architecture A = Nb201Architecture.parse(
      "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|");
  static final Nb201Architecture B = Nb201Architecture.parse(
      "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

  static Instances features() {
    Map<String, double[]> scores = new LinkedHashMap<>();
    scores.put("synflow", new double[] {3.2e45, 4.1e17});
    scores.put("naswot", new double[] {1520.5, Double.NEGATIVE_INFINITY});
    return FewShotFeatures.of("cifar10_test_acc", scores, List.of(A, B), new double[] {91.5, Double.NaN});
  }

  @Test
  void proxiesThenSixEdgesOfFiveOpsOneHotThenTheAccuracy() {
    Instances data = features();
    assertEquals(2 + 6 * 5 + 1, data.numAttributes());
    assertEquals("log10_synflow", data.attribute(0).name());
    assertEquals("naswot", data.attribute(1).name());
    assertEquals("edge0_none", data.attribute(2).name());
    assertEquals("edge5_avg_pool_3x3", data.attribute(31).name());
    assertEquals(data.numAttributes() - 1, data.classIndex());
    Instance a = data.instance(0);
    // A's ops by edge: conv3x3, conv1x1, skip, avg_pool, none, conv3x3 (op order none, skip, 1x1, 3x3, pool)
    int[] hot = {2 + 3, 2 + 5 + 2, 2 + 10 + 1, 2 + 15 + 4, 2 + 20, 2 + 25 + 3};
    for (int i = 2; i < 32; i++) {
      final int attr = i;
      boolean expected = java.util.Arrays.stream(hot).anyMatch(h -> h == attr);
      assertEquals(expected ? 1.0 : 0.0, a.value(i), data.attribute(i).name());
    }
    assertEquals(91.5, a.classValue());
    assertTrue(data.instance(1).classIsMissing(), "a NaN accuracy is a missing class");
  }

  @Test
  void scoresSpanningOrdersOfMagnitudeAreLogScaledInfinitiesBeyondTheRest() {
    Instances data = features();
    assertEquals(Math.log10(3.2e45), data.instance(0).value(0), 1e-12);
    assertEquals(Math.log10(4.1e17), data.instance(1).value(0), 1e-12);
    assertEquals(1520.5, data.instance(0).value(1));
    assertEquals(1519.5, data.instance(1).value(1), 1e-12, "-Infinity: one below the smallest finite score");
  }

  @Test
  void logScalingOnlyForPositiveScoresSpanningAThousandfold() {
    assertTrue(FewShotFeatures.spansOrders(new double[] {1e-3, 2, 0, Double.NaN}));
    assertFalse(FewShotFeatures.spansOrders(new double[] {1200, 1900, 1500}), "NASWOT-like log-determinants");
    assertFalse(FewShotFeatures.spansOrders(new double[] {-1e5, 1, 1e6}), "negative scores");
    assertArrayEquals(new double[] {3, 5, 2, 2}, FewShotFeatures.log10(new double[] {1e3, 1e5, 0,
        Double.NEGATIVE_INFINITY}), 1e-12, "a dead network (0 or -Infinity) one below the smallest log");
    assertArrayEquals(new double[] {5, 4, 6, Double.NaN},
        FewShotFeatures.finite(new double[] {5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN}));
  }
}
