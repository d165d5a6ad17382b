package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** The two ways of computing CRoZe's cosines, against the cosine worked out in Java. */
class ConsistencyTest {
  private static final CRoZe.Cosine TORCH = CRoZe.Cosine.PYTORCH_1_10;
  private static final CRoZe.Cosine SCALED = CRoZe.Cosine.SCALED;

  @BeforeAll
  static void start() {
    TorchEngine.start(0);
  }

  /** Columns are the vectors compared: x[:, j] against y[:, j], as CosineSimilarity(dim=0) does. */
  private static final double[][] X = {{1, -2, 1e-6, 0}, {3, 0.5, 2e-6, 0}, {-2, 4, -1e-6, 0}};
  private static final double[][] Y = {{2, 1, 3e-6, 1}, {1, -1, 1e-6, 2}, {0.5, 3, 2e-6, 3}};

  /** x.y / max(|x| |y|, 1e-8) per column, in Java. */
  private static double[] expected(double sx, double sy) {
    double[] c = new double[X[0].length];
    for (int j = 0; j < c.length; j++) {
      double dot = 0;
      double nx = 0;
      double ny = 0;
      for (int i = 0; i < X.length; i++) {
        dot += sx * X[i][j] * sy * Y[i][j];
        nx += sx * X[i][j] * sx * X[i][j];
        ny += sy * Y[i][j] * sy * Y[i][j];
      }
      c[j] = dot / Math.max(Math.sqrt(nx) * Math.sqrt(ny), 1e-8);
    }
    return c;
  }

  private static double[] cosines(double sx, double sy, CRoZe.Cosine kind) {
    return cosines(sx, sy, kind, DataType.FLOAT64);
  }

  private static double[] cosines(double sx, double sy, CRoZe.Cosine kind, DataType type) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = tensor(m, X).mul(sx).toType(type, false);
      NDArray y = tensor(m, Y).mul(sy).toType(type, false);
      NDArray c = Consistency.cosineDim0(x, y, kind);
      return c.toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  private static NDArray tensor(NDManager m, double[][] rows) {
    double[] flat = new double[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
    }
    return m.create(flat, new Shape(rows.length, rows[0].length)).toType(DataType.FLOAT64, false);
  }

  @Test
  void bothAgreeWithTheFormulaWhereNothingOverflows() {
    // the third column's |x| |y| is about 1e-11, under eps: both keep PyTorch's rule x.y / eps
    double[] want = expected(1, 1);
    assertEquals(0.0, want[3], 0.0);
    assertArrayEquals(want, cosines(1, 1, TORCH), 1e-14);
    assertArrayEquals(want, cosines(1, 1, SCALED), 1e-14);
    assertEquals(3e-12 / 1e-8, want[2], 1e-15);
    // in float32 (the paper variant) too, the all-zero column included
    assertArrayEquals(want, cosines(1, 1, SCALED, DataType.FLOAT32), 1e-6);
  }

  @Test
  void pytorchsProductOverflowsToZeroWhereTheScaledCosineDoesNot() {
    // |x|^2 |y|^2 is about 1e340 here, past double's 1.8e308; the cosine itself is scale-free
    double[] torch = cosines(1e80, 1e90, TORCH);
    double[] scaled = cosines(1e80, 1e90, SCALED);
    double[] want = expected(1, 1);
    assertEquals(0.0, torch[0], 0.0);
    assertEquals(0.0, torch[1], 0.0);
    assertArrayEquals(new double[] {want[0], want[1]}, new double[] {scaled[0], scaled[1]}, 1e-14);
    // the tiny third column is no longer under eps once scaled up: its true cosine, not x.y / eps
    double tiny = (1 * 3 + 2 * 1 - 1 * 2) / Math.sqrt(6) / Math.sqrt(14);
    assertEquals(tiny, scaled[2], 1e-14);
    assertEquals(0.0, scaled[3], 0.0);
  }

  @Test
  void allFiniteFindsOneInfiniteOrNanEntry() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertTrue(Consistency.allFinite(m.create(new float[] {1e30f, -3e38f, 0, 2}, new Shape(2, 2))));
      for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
        assertFalse(Consistency.allFinite(m.create(new float[] {1, 2, bad, 4}, new Shape(2, 2))), "" + bad);
      }
    }
  }
}
