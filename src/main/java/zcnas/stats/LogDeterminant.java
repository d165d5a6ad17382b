package zcnas.stats;

/** log |det A| by LU decomposition with partial pivoting, in double precision. */
public final class LogDeterminant {
  private LogDeterminant() {
  }

  /** log |det A| of the n x n row-major matrix a (not modified); -Infinity when A is singular. */
  public static double logAbsDet(double[] a, int n) {
    if (a.length != (long) n * n) {
      throw new IllegalArgumentException("matrix of " + a.length + " values is not " + n + " x " + n);
    }
    double[] m = a.clone();
    double log = 0;
    for (int col = 0; col < n; col++) {
      int pivot = col;
      double best = Math.abs(m[col * n + col]);
      for (int r = col + 1; r < n; r++) {
        double v = Math.abs(m[r * n + col]);
        if (v > best) {
          best = v;
          pivot = r;
        }
      }
      if (best == 0 || Double.isNaN(best)) {
        return best == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
      }
      if (pivot != col) {
        for (int c = 0; c < n; c++) {
          double t = m[col * n + c];
          m[col * n + c] = m[pivot * n + c];
          m[pivot * n + c] = t;
        }
      }
      double d = m[col * n + col];
      log += Math.log(Math.abs(d));
      for (int r = col + 1; r < n; r++) {
        double f = m[r * n + col] / d;
        if (f != 0) {
          for (int c = col + 1; c < n; c++) {
            m[r * n + c] -= f * m[col * n + c];
          }
        }
      }
    }
    return log;
  }
}
