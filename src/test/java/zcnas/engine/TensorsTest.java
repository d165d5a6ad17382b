package zcnas.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import zcnas.TorchTest;
import zcnas.Collect;

/** Tensors made from Java values stay valid however the garbage collector runs. */
class TensorsTest extends TorchTest {
  @Test
  void scalarOperandSurvivesAGarbageCollection() throws Exception {
    for (int trial = 0; trial < 4; trial++) {
      NDArray x = manager.create(new double[] {1, -2, 3});
      x.setRequiresGradient(true);
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray y = x.mul(Tensors.scalar(manager, 0.25, DataType.FLOAT64)).sum();
        Collect.garbageAndChurn();
        gc.backward(y);
      }
      assertArrayEquals(new double[] {0.25, 0.25, 0.25}, x.getGradient().toDoubleArray(), "trial " + trial);
    }
  }

  @Test
  void javaValuesAreCopiedIntoOwnedMemory() throws Exception {
    float[] big = new float[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = i * 0.5f;
    }
    NDArray a = Tensors.fromJava(manager, new float[] {1f, 2f, 3f, 4f}, new Shape(2, 2));
    // a larger tensor reuses (and grows) the staging buffer; the first tensor must not change
    NDArray b = Tensors.fromJava(manager, big, new Shape(big.length));
    Collect.garbageAndChurn();
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, a.toFloatArray());
    assertArrayEquals(big, b.toFloatArray());
  }
}
