package zcnas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.TestData;
import zcnas.util.ZcnasException;

class CifarImagesTest {
  @Test
  void countsRecordsFromTheFileSize() {
    CifarImages c10 = TestData.cifar10Train();
    assertEquals(1102, c10.size());
    CifarImages c100 = CifarImages.readTrain(CifarDataset.CIFAR100, TestData.images());
    assertEquals(486, c100.size());
    for (int i = 0; i < c100.size(); i++) {
      assertTrue(c100.label(i) < 100);
    }
  }

  @Test
  void firstBatchIsTheReferenceBatch() {
    ImageBatch b = TestData.cifar10Train().first(8);
    assertArrayEquals(new int[] {6, 9, 9, 4, 1, 1, 2, 7}, b.labels());
  }

  @Test
  void normalisesWithTheReferenceMeanAndStd() {
    CifarImages c = TestData.cifar10Train();
    ImageBatch b = c.batch(new int[] {5, 17});
    for (int c0 = 0; c0 < 3; c0++) {
      double expected = (c.pixel(17, c0, 3, 29) / 255.0 - CifarDataset.CIFAR10.mean(c0)) / CifarDataset.CIFAR10.std(c0);
      assertEquals(expected, b.value(1, c0, 3, 29), 1e-5);
    }
    assertEquals(c.label(17), b.labels()[1]);
  }

  @Test
  void imageNetStandInAveragesCifar100DownTo16PixelsWithImageNetNormalisation() {
    CifarDataset d = CifarDataset.IMAGENET16_120;
    CifarImages c = CifarImages.readTrain(d, TestData.images());
    assertEquals(486, c.size());
    ImageBatch b = c.batch(new int[] {3});
    for (int ch = 0; ch < 3; ch++) {
      double block = (c.pixel(3, ch, 10, 6) + c.pixel(3, ch, 10, 7) + c.pixel(3, ch, 11, 6) + c.pixel(3, ch, 11, 7))
          / 4.0 / 255.0;
      assertEquals((block - d.mean(ch)) / d.std(ch), b.value(0, ch, 5, 3), 1e-5);
    }
    assertEquals(120, b.classes());
    assertEquals(CifarImages.readTrain(CifarDataset.CIFAR100, TestData.images()).label(3), b.labels()[0]);
  }

  @Test
  void benchmarkColumnsNameTheirDataSet() {
    assertEquals(CifarDataset.CIFAR10, CifarDataset.ofColumn("cifar10_fgsm_eps8_acc"));
    assertEquals(CifarDataset.CIFAR100, CifarDataset.ofColumn("cifar100_test_acc"));
    assertEquals(CifarDataset.IMAGENET16_120, CifarDataset.ofColumn("ImageNet16-120_pgd_eps1_acc"));
    assertEquals(null, CifarDataset.ofColumn("nb201_index"));
    assertEquals(CifarDataset.IMAGENET16_120, CifarDataset.forId("imagenet16_120"));
  }

  @Test
  void seededBatchesAreReproducibleAndDistinct() {
    CifarImages c = TestData.cifar10Train();
    int[] r = c.sample(64, 11).records();
    assertArrayEquals(r, c.sample(64, 11).records());
    assertFalse(Arrays.equals(r, c.sample(64, 12).records()));
    assertEquals(64, Arrays.stream(r).distinct().count());
    // A longer batch with the same seed extends the shorter one.
    assertArrayEquals(r, Arrays.copyOf(c.sample(128, 11).records(), 64));
  }

  @Test
  void rejectsTruncatedAndWrongFiles(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("data_batch_1.bin");
    Files.write(f, Arrays.copyOf(Files.readAllBytes(CifarDataset.CIFAR10.trainFile(TestData.images())), 3073 * 2 + 100));
    ZcnasException e = assertThrows(ZcnasException.class, () -> CifarImages.read(CifarDataset.CIFAR10, f));
    assertTrue(e.getMessage().contains("not a positive multiple of the record size 3073"), e.getMessage());
    byte[] bad = new byte[3073];
    bad[0] = 42;
    Files.write(f, bad);
    e = assertThrows(ZcnasException.class, () -> CifarImages.read(CifarDataset.CIFAR10, f));
    assertTrue(e.getMessage().contains("label 42"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> TestData.cifar10Train().first(5000));
    assertTrue(e.getMessage().contains("batch size 5000"), e.getMessage());
  }
}
