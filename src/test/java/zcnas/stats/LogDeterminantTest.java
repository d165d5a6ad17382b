package zcnas.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

class LogDeterminantTest {
  @Test
  void matchesCommonsMathDeterminant() {
    SplittableRandom r = new SplittableRandom(1);
    int n = 7;
    double[][] m = new double[n][n];
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = r.nextDouble() * 2 - 1;
        flat[i * n + j] = m[i][j];
      }
    }
    double det = new LUDecomposition(MatrixUtils.createRealMatrix(m)).getDeterminant();
    assertEquals(Math.log(Math.abs(det)), LogDeterminant.logAbsDet(flat, n), 1e-10);
  }

  @Test
  void handValuesAndSingular() {
    assertEquals(Math.log(6), LogDeterminant.logAbsDet(new double[] {2, 0, 0, 3}, 2), 1e-15);
    assertEquals(Math.log(2), LogDeterminant.logAbsDet(new double[] {0, 1, 2, 0}, 2), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, LogDeterminant.logAbsDet(new double[] {1, 2, 2, 4}, 2));
  }
}
