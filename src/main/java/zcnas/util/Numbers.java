package zcnas.util;

/** Numbers in the CSV files this package reads, which Python and Weka also write. */
public final class Numbers {
  private Numbers() {
  }

  /**
   * A cell as a double: empty or Weka's "?" is missing (NaN); Python's "inf", "-inf" and "nan" are read as what they
   * mean (the authors' code writes NASWOT's -inf for singular kernels).
   *
   * @throws NumberFormatException where the cell is not a number
   */
  public static double parse(String cell) {
    String v = cell.trim();
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "", "?", "nan" -> {
        return Double.NaN;
      }
      case "inf", "+inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        return Double.parseDouble(v);
      }
    }
  }
}
