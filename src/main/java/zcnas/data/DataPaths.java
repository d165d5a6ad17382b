package zcnas.data;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the shared real data lives: the system property {@code zcnas.data}, else the environment variable
 * {@code ZCNAS_DATA}, else {@code ../shared/data} relative to the working directory.
 */
public final class DataPaths {
  private DataPaths() {
  }

  /** The data folder: -Dzcnas.data, else ZCNAS_DATA, else ../shared/data from the working directory. */
  public static Path root() {
    String p = System.getProperty("zcnas.data");
    if (p == null || p.isEmpty()) {
      p = System.getenv("ZCNAS_DATA");
    }
    if (p == null || p.isEmpty()) {
      p = "../shared/data";
    }
    return Paths.get(p).toAbsolutePath().normalize();
  }

  /** The CIFAR binaries under the data folder. */
  public static Path images() {
    return root().resolve("images");
  }

  /** The NAS-Bench-201 accuracy and robustness tables under the data folder. */
  public static Path benchmarkTables() {
    return root().resolve("nb201");
  }

  /** The table of clean test accuracies in a benchmark folder. */
  public static Path testAccuracyTable(Path benchDir) {
    return benchDir.resolve("nb201_test_accuracy.csv");
  }
}
