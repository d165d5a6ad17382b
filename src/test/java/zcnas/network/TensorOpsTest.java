package zcnas.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import zcnas.Collect;
import zcnas.TorchTest;
import zcnas.engine.AllocatorFill;
import zcnas.engine.Backward;

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
  void channelsLastKeepsTheValuesAndLeavesFloat64Alone() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.arange(2 * 3 * 4 * 5).toType(DataType.FLOAT32, false).mul(0.61).sin().reshape(2, 3, 4, 5);
      NDArray last = TensorOps.channelsLast(x);
      assertEquals(x.getShape(), last.getShape());
      assertArrayEquals(x.toFloatArray(), last.toFloatArray());
      // an op's channels-last result reads back in NCHW order too
      assertArrayEquals(new TensorOps(m).relu(x).toFloatArray(), new TensorOps(m).relu(last).toFloatArray());
      NDArray x64 = x.toType(DataType.FLOAT64, false);
      assertTrue(TensorOps.channelsLast(x64) == x64);
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
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
      for (int stride : new int[] {1, 2}) {
        try (NDManager m = NDManager.newBaseManager()) {
          NDArray in = m.create(x, new Shape(1, c, h, h)).toType(type, false);
          double[] got = new TensorOps(m).avgPool3x3(in, stride).toType(DataType.FLOAT64, false).toDoubleArray();
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

  /**
   * oneDNN's float32 backward kernels read memory they have not written for a dense convolution with more than one
   * tap whose output channels are not a multiple of 16, such as the stem 3 -> 24 of a C = 8 DARTS network: with
   * fresh memory full of junk (what earlier tensors may leave), PyTorch's own input gradient is wrong. TensorOps has
   * new memory zeroed for such a convolution (c10 cannot junk-fill then), and its gradient is the one computed in
   * clean memory, bit for bit. Which kernel oneDNN picks depends on the processor: the Zen 5 hosts this project ran
   * on until 2026-12-02 read the stale memory, a later one reads none, and there the last check, that the zeroing is
   * still needed, cannot be made.
   */
  @Test
  void convolutionGradientsNeverReadStaleMemory() {
    float[] clean = stemInputGradient(true);
    try (AllocatorFill fill = AllocatorFill.unzeroed()) {
      fill.junk(true);
      boolean staleReads = !Arrays.equals(clean, stemInputGradient(false));
      fill.junk(false);
      assertFalse(AllocatorFill.zeroing());
      assertArrayEquals(clean, stemInputGradient(true));
      assertTrue(AllocatorFill.zeroing());
      assumeTrue(staleReads, "oneDNN's kernel on this processor reads no stale memory here");
    }
  }

  /** NB201's convolutions (16, 32 or 64 output channels), 1x1 and depthwise ones do not pay for the zeroing. */
  @Test
  void convolutionsThatNeedNoZeroingLeaveNewMemoryAlone() {
    try (AllocatorFill fill = AllocatorFill.unzeroed(); NDManager m = NDManager.newBaseManager()) {
      TensorOps ops = new TensorOps(m);
      NDArray x = m.ones(new Shape(2, 36, 8, 8));
      ops.conv(x.get(":, 0:3"), m.ones(new Shape(16, 3, 3, 3)), null, 1, 1);
      ops.conv(x.get(":, 0:16"), m.ones(new Shape(64, 16, 3, 3)), null, 2, 1);
      ops.conv(x, m.ones(new Shape(36, 36, 1, 1)), null, 1, 0);
      ops.conv(x, m.ones(new Shape(36, 1, 3, 3)), null, new Shape(1, 1), new Shape(2, 2), 2, 36);
      ops.conv(x.toType(DataType.FLOAT64, false), m.ones(new Shape(36, 36, 3, 3), DataType.FLOAT64), null, 1, 1);
      assertFalse(AllocatorFill.zeroing());
      ops.conv(x, m.ones(new Shape(36, 36, 1, 7)), null, new Shape(1, 1), new Shape(0, 3), 1, 1);
      assertTrue(AllocatorFill.zeroing());
    }
  }

  /** The input gradient of sum(r * conv(x, w)) for a 3 -> 24 channel 3x3 convolution, seeded. */
  private static float[] stemInputGradient(boolean throughTensorOps) {
    try (NDManager m = NDManager.newBaseManager()) {
      Random random = new Random(11);
      NDArray x = m.create(gaussians(random, 8 * 3 * 32 * 32), new Shape(8, 3, 32, 32));
      NDArray w = m.create(gaussians(random, 24 * 3 * 3 * 3), new Shape(24, 3, 3, 3));
      NDArray r = m.create(gaussians(random, 8 * 24 * 32 * 32), new Shape(8, 24, 32, 32));
      x.setRequiresGradient(true);
      Backward.run(() -> (throughTensorOps ? new TensorOps(m).conv(x, w, null, 1, 1)
          : Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow()).mul(r).sum());
      return Backward.gradient(x).toFloatArray();
    }
  }

  private static float[] gaussians(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
