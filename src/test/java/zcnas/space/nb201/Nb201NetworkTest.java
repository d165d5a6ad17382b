package zcnas.space.nb201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zcnas.engine.TorchEngine;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Initializer;
import zcnas.network.Rescaling;
import zcnas.network.Weights;

class Nb201NetworkTest {
  static final String ALL_CONV3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
  static final String MIXED = "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
  static final String ALL_SKIP = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";

  @BeforeAll
  static void engine() {
    TorchEngine.start(0);
  }

  @Test
  void parameterCountsOfKnownArchitectures() {
    // By hand: stem 3*16*9 = 432; reductions 14,336 and 57,344 (conv_a, conv_b, 1x1 shortcut, no bias);
    // classifier 64*10+10 = 650; every cell conv3x3 with bias: 6 edges x 5 cells x (C*C*9 + C) at C = 16, 32, 64.
    long cells = 30L * (16 * 16 * 9 + 16) + 30L * (32 * 32 * 9 + 32) + 30L * (64 * 64 * 9 + 64);
    assertEquals(432 + 14336 + 57344 + 650 + cells, net(ALL_CONV3, 10).parameterCount());
    assertEquals(1_527_642, net(ALL_CONV3, 10).parameterCount());
    assertEquals(432 + 14336 + 57344 + 650, net(ALL_SKIP, 10).parameterCount());
    assertEquals(432 + 14336 + 57344 + 64 * 100 + 100, net(ALL_SKIP, 100).parameterCount());
    assertEquals(1 + 2 * 3 + 15 * 6 + 1, net(ALL_CONV3, 10).layers().size());
  }

  @Test
  void outputShapesFor32And16PixelInputs() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (int size : new int[] {32, 16}) {
        for (int classes : new int[] {10, 100}) {
          Nb201Network n = new Nb201Network(Nb201Architecture.parse(ALL_CONV3), classes, size);
          Weights w = Initializer.PYTORCH_DEFAULT.initialize(n.layers(), m, 1);
          NDArray y = n.forward(m.randomNormal(new Shape(3, 3, size, size)), w, BnMode.ALL, ForwardListener.NONE);
          assertEquals(new Shape(3, classes), y.getShape());
          assertTrue(Float.isFinite(y.sum().getFloat()));
        }
      }
    }
  }

  @Test
  void deadEdgesHaveDeadLayers() {
    Nb201Network n = net("|nor_conv_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|nor_conv_1x1~2|", 10);
    long dead = n.layers().stream().filter(l -> !l.live()).count();
    assertEquals(15, dead);
  }

  @Test
  void aRescaledPassIsThePlainPassAtTrueScaleAndKeepsFloat32InRange() {
    // The official CRoZe's network: absolute weights, BN only in the reduction blocks. On the all-convolution cell
    // its activations grow past float32's 3.4e38; the rescaled pass holds them as 2^-e times their value.
    try (NDManager m = NDManager.newBaseManager()) {
      Nb201Network n = net(ALL_CONV3, 10);
      Weights w = Initializer.PYTORCH_DEFAULT.initialize(n.layers(), m, 1).map(NDArray::abs);
      Weights w64 = w.map(a -> a.toType(DataType.FLOAT64, false));
      NDArray x = m.arange(4 * 3 * 32 * 32).toType(DataType.FLOAT32, false).mul(0.37).sin().reshape(4, 3, 32, 32);
      NDArray x64 = x.toType(DataType.FLOAT64, false);
      for (BnMode bn : BnMode.values()) {
        double[] plain = n.forward(x64, w64, bn, ForwardListener.NONE).toDoubleArray();
        Rescaling r = new Rescaling(m);
        double[] rescaled = n.forward(x64, w64, bn, ForwardListener.NONE, r).toDoubleArray();
        for (int i = 0; i < plain.length; i++) {
          assertEquals(plain[i], Math.scalb(rescaled[i], r.exponent()), 1e-12 * Math.abs(plain[i]), bn + " " + i);
        }
        if (bn == BnMode.REDUCTION_ONLY) {
          assertTrue(Math.abs(plain[0]) > 1e38 && r.exponent() > 120, plain[0] + " at exponent " + r.exponent());
          float[] single = n.forward(x, w, bn, ForwardListener.NONE).toFloatArray();
          assertFalse(Float.isFinite(single[0]), "plain float32 should overflow, gave " + single[0]);
          Rescaling r32 = new Rescaling(m);
          float[] held = n.forward(x, w, bn, ForwardListener.NONE, r32).toFloatArray();
          for (int i = 0; i < plain.length; i++) {
            assertEquals(plain[i], Math.scalb((double) held[i], r32.exponent()), 1e-5 * Math.abs(plain[i]), "" + i);
          }
        } else {
          assertTrue(r.exponent() < 8, "BN keeps every cell near 1, exponent " + r.exponent());
        }
      }
    }
  }

  /**
   * Float32 passes run in channels-last memory, on other oneDNN kernels than NCHW's: the logits and every weight's
   * gradient of a BN network's cross-entropy are float64's to their rounding (here gradient norms to 4e-3 and
   * cosines to 2e-4, where NCHW's kernels give 1e-6 and 1e-11; a gradient read in the wrong layout or from stale
   * memory would be off by far more).
   */
  @Test
  void float32PassInChannelsLastMemoryIsTheFloat64PassToRounding() {
    try (NDManager m = NDManager.newBaseManager()) {
      Nb201Network n = net(MIXED, 10);
      Weights w = Initializer.PYTORCH_DEFAULT.initialize(n.layers(), m, 3);
      NDArray x = m.arange(8 * 3 * 32 * 32).toType(DataType.FLOAT32, false).mul(0.37).sin().reshape(8, 3, 32, 32);
      NDArray y = m.eye(10).get("0:8");
      Weights w32 = w.map(NDArray::duplicate).requireGradients();
      Weights w64 = w.map(a -> a.toType(DataType.FLOAT64, false)).requireGradients();
      float[] logits32 = new float[0];
      double[] logits64 = new double[0];
      for (Weights v : new Weights[] {w32, w64}) {
        DataType type = v.weight(0).getDataType();
        NDArray[] logits = new NDArray[1];
        n.backward(x.toType(type, false), v, BnMode.ALL, ForwardListener.NONE, out -> {
          logits[0] = out.stopGradient();
          return out.logSoftmax(1).mul(y.toType(type, false)).sum().neg();
        });
        if (type == DataType.FLOAT32) {
          logits32 = logits[0].toFloatArray();
        } else {
          logits64 = logits[0].toDoubleArray();
        }
      }
      for (int i = 0; i < logits64.length; i++) {
        assertEquals(logits64[i], logits32[i], 1e-4 * Math.abs(logits64[i]) + 1e-5, "logit " + i);
      }
      for (int i = 0; i < n.layers().size(); i++) {
        if (!n.layers().get(i).live()) {
          continue;
        }
        NDArray g64 = w64.weight(i).getGradient();
        NDArray g32 = w32.weight(i).getGradient().toType(DataType.FLOAT64, false);
        double norm = g64.norm().getDouble();
        double cosine = g64.mul(g32).sum().getDouble() / (norm * g32.norm().getDouble());
        assertTrue(cosine > 1 - 1e-3, n.layers().get(i).name() + " cosine " + cosine);
        assertEquals(norm, g32.norm().getDouble(), 2e-2 * norm, n.layers().get(i).name());
      }
    }
  }

  private static Nb201Network net(String arch, int classes) {
    return new Nb201Network(Nb201Architecture.parse(arch), classes, 32);
  }
}
