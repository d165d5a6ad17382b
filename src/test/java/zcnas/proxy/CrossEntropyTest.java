package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import zcnas.TorchTest;
import zcnas.Collect;

/** The loss of the gradient proxies; its old division by the batch size read a freed scalar in backward. */
class CrossEntropyTest extends TorchTest {
  @Test
  void gradientIsSoftmaxMinusOneHotOverTheBatchAfterAGarbageCollection() throws Exception {
    float[] logits = {0.5f, -1f, 2f, 0f, 0f, 1f};
    float[] oneHot = {0f, 0f, 1f, 1f, 0f, 0f};
    float[] expected = new float[6];
    for (int r = 0; r < 2; r++) {
      double z = 0;
      for (int c = 0; c < 3; c++) {
        z += Math.exp(logits[3 * r + c]);
      }
      for (int c = 0; c < 3; c++) {
        expected[3 * r + c] = (float) ((Math.exp(logits[3 * r + c]) / z - oneHot[3 * r + c]) / 2);
      }
    }
    for (int trial = 0; trial < 4; trial++) {
      NDArray x = manager.create(logits, new Shape(2, 3));
      x.setRequiresGradient(true);
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray loss = ArchitectureContext.crossEntropy(x, manager.create(oneHot, new Shape(2, 3)));
        Collect.garbageAndChurn();
        gc.backward(loss);
      }
      assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-6f, "trial " + trial);
    }
  }
}
