package zcnas;

import java.nio.file.Path;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.data.DataPaths;

/** The real shared data the tests read (../shared/data, or the zcnas.data system property). */
public final class TestData {
  private TestData() {
  }

  public static Path images() {
    return DataPaths.images();
  }

  public static Path nb201() {
    return DataPaths.benchmarkTables();
  }

  public static CifarImages cifar10Train() {
    return CifarImages.readTrain(CifarDataset.CIFAR10, images());
  }
}
