package zcnas.space.nb201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.TestData;
import zcnas.data.DataPaths;
import zcnas.util.ZcnasException;

class Nb201TableTest {
  @Test
  void readsTheRealTestAccuracyTable() {
    Nb201Table t = Nb201Table.read(DataPaths.testAccuracyTable(TestData.nb201()));
    assertEquals(15625, t.size());
    Nb201Architecture first = Nb201Architecture.parse(
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");
    assertEquals(first, t.architecture(0));
    assertEquals(0, t.index(first));
    assertEquals(85.8633, t.value(first, "cifar10"), 1e-9);
    assertEquals(52.9133, t.value(first, "cifar100"), 1e-9);
    // Every architecture of the space has exactly one index.
    for (Nb201Architecture a : Nb201Architecture.enumerate()) {
      assertEquals(a, t.architecture(t.index(a)));
    }
  }

  @Test
  void malformedRowsAreReportedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "nb201_index,arch,cifar10\n0,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,10\n"
        + "1,|none~0|+|none~0|conv~1|+|none~0|none~1|none~2|,11\n");
    ZcnasException e = assertThrows(ZcnasException.class, () -> Nb201Table.read(f));
    assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("unknown op 'conv'"), e.getMessage());
    Files.writeString(f, "nb201_index,arch,cifar10\n0,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,ten\n");
    e = assertThrows(ZcnasException.class, () -> Nb201Table.read(f));
    assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("'ten'"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> Nb201Table.read(dir.resolve("missing.csv")));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }
}
