package zcnas.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import zcnas.TorchTest;
import zcnas.Collect;

class TensorOpsTest extends TorchTest {
  /** DJL's x.maximum(0) gave autograd a freed scalar: after a collection the ReLU mask was garbage. */
  @Test
  void reluGradientSurvivesAGarbageCollection() throws Exception {
    TensorOps ops = new TensorOps(manager);
    for (int trial = 0; trial < 4; trial++) {
      NDArray x = manager.create(new float[] {1f, 2f, -3f, 4f, -0.5f});
      x.setRequiresGradient(true);
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray y = ops.relu(x).sum();
        Collect.garbageAndChurn();
        gc.backward(y);
      }
      assertArrayEquals(new float[] {1f, 1f, 0f, 1f, 0f}, x.getGradient().toFloatArray(), "trial " + trial);
    }
  }

  @Test
  void averagePoolingExcludesPadding() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] pooled = new TensorOps(m).avgPool3x3(m.ones(new Shape(1, 1, 4, 4))).toFloatArray();
      for (float v : pooled) {
        assertEquals(1f, v, 1e-6f);
      }
      // A corner averages its 4 in-image cells: (0 + 1 + 4 + 5) / 4.
      NDArray ramp = m.arange(16f).reshape(1, 1, 4, 4);
      assertEquals(2.5f, new TensorOps(m).avgPool3x3(ramp).toFloatArray()[0], 1e-6f);
    }
  }

  /**
   * Both implementations (float32 window sums by convolution, float64 rescaled padded average) against the
   * definition, stride 1 and 2.
   */
  @Test
  void averagePoolingMatchesItsDefinitionInBothPrecisions() {
    int c = 3;
    int h = 5;
    double[] x = new double[c * h * h];
    java.util.Random random = new java.util.Random(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    for (ai.djl.ndarray.types.DataType type : new ai.djl.ndarray.types.DataType[] {
        ai.djl.ndarray.types.DataType.FLOAT32, ai.djl.ndarray.types.DataType.FLOAT64}) {
      for (int stride : new int[] {1, 2}) {
        try (NDManager m = NDManager.newBaseManager()) {
          NDArray in = m.create(x, new Shape(1, c, h, h)).toType(type, false);
          double[] got = new TensorOps(m).avgPool3x3(in, stride).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
              .toDoubleArray();
          int out = (h - 1) / stride + 1;
          assertEquals(c * out * out, got.length);
          for (int ch = 0; ch < c; ch++) {
            for (int oy = 0; oy < out; oy++) {
              for (int ox = 0; ox < out; ox++) {
                double sum = 0;
                int count = 0;
                for (int y = oy * stride - 1; y <= oy * stride + 1; y++) {
                  for (int xx = ox * stride - 1; xx <= ox * stride + 1; xx++) {
                    if (y >= 0 && y < h && xx >= 0 && xx < h) {
                      sum += x[(ch * h + y) * h + xx];
                      count++;
                    }
                  }
                }
                assertEquals(sum / count, got[(ch * out + oy) * out + ox], 1e-5, type + " stride " + stride);
              }
            }
          }
        }
      }
    }
  }
}
