package zcnas.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zcnas.engine.TorchEngine;

class InitializerTest {
  static final Layer CONV = new Layer("conv", new Shape(64, 32, 3, 3), true, true);

  @BeforeAll
  static void engine() {
    TorchEngine.start(0);
  }

  @Test
  void pytorchDefaultIsUniformOverOneOverSqrtFanIn() {
    double bound = 1 / Math.sqrt(32 * 9);
    float[] w = draw(Initializer.PYTORCH_DEFAULT, false);
    double max = 0;
    for (float v : w) {
      max = Math.max(max, Math.abs(v));
    }
    assertTrue(max <= bound && max > 0.99 * bound, "max " + max + " bound " + bound);
    assertEquals(bound / Math.sqrt(3), std(w), 0.02 * bound);
    float[] b = draw(Initializer.PYTORCH_DEFAULT, true);
    for (float v : b) {
      assertTrue(Math.abs(v) <= bound);
    }
  }

  @Test
  void kaimingNormalHasStdSqrtTwoOverFanIn() {
    assertEquals(Math.sqrt(2.0 / (32 * 9)), std(draw(Initializer.KAIMING_NORMAL, false)), 0.02 * Math.sqrt(2.0 / 288));
    for (float v : draw(Initializer.KAIMING_NORMAL, true)) {
      assertEquals(0f, v);
    }
  }

  @Test
  void xavierUniformBound() {
    double bound = Math.sqrt(6.0 / (32 * 9 + 64 * 9));
    assertEquals(bound / Math.sqrt(3), std(draw(Initializer.XAVIER_UNIFORM, false)), 0.02 * bound);
  }

  @Test
  void sameSeedSameWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] a = Initializer.PYTORCH_DEFAULT.initialize(List.of(CONV), m, 5).weight(0).toFloatArray();
      float[] b = Initializer.PYTORCH_DEFAULT.initialize(List.of(CONV), m, 5).weight(0).toFloatArray();
      float[] c = Initializer.PYTORCH_DEFAULT.initialize(List.of(CONV), m, 6).weight(0).toFloatArray();
      assertTrue(java.util.Arrays.equals(a, b));
      assertTrue(!java.util.Arrays.equals(a, c));
    }
  }

  private static float[] draw(Initializer init, boolean bias) {
    try (NDManager m = NDManager.newBaseManager()) {
      Weights w = init.initialize(List.of(CONV), m, 1);
      return (bias ? w.bias(0) : w.weight(0)).toFloatArray();
    }
  }

  private static double std(float[] v) {
    double s = 0;
    double s2 = 0;
    for (float x : v) {
      s += x;
      s2 += x * x;
    }
    double mean = s / v.length;
    return Math.sqrt(s2 / v.length - mean * mean);
  }
}
