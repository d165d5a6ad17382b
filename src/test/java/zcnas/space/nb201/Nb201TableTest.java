package zcnas.space.nb201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

  /** The canonical form (which isomorphism sharing relies on) partitions the space exactly as uid_noniso does. */
  @Test
  void canonicalFormsAreTheTablesIsomorphismClasses() {
    Nb201Table t = Nb201Table.read(TestData.nb201().resolve("robustness_eps1.csv"));
    Nb201Space space = new Nb201Space();
    Map<Integer, Nb201Architecture> representativeOfClass = new HashMap<>();
    Set<Nb201Architecture> representatives = new HashSet<>();
    for (Nb201Architecture a : Nb201Architecture.enumerate()) {
      Nb201Architecture rep = space.canonical(a);
      representatives.add(rep);
      assertEquals(rep, space.canonical(rep), "a representative is its own");
      assertEquals(t.isomorphismClass(a), t.isomorphismClass(rep), a + " and " + rep);
      Nb201Architecture seen = representativeOfClass.putIfAbsent(t.isomorphismClass(a), rep);
      assertEquals(seen == null ? rep : seen, rep, "class " + t.isomorphismClass(a) + " has two representatives");
    }
    assertEquals(6466, representatives.size());
    assertEquals(6466, representativeOfClass.size());
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
