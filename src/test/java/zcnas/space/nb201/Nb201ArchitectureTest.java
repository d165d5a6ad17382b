package zcnas.space.nb201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import zcnas.util.ZcnasException;

class Nb201ArchitectureTest {
  static final String BEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

  @Test
  void parsesAndPrintsTheSameString() {
    Nb201Architecture a = Nb201Architecture.parse(BEST);
    assertEquals(BEST, a.toString());
    assertEquals(Nb201Op.NOR_CONV_3X3, a.op(0));
    assertEquals(Nb201Op.SKIP_CONNECT, a.op(3));
    assertEquals(5, a.count(Nb201Op.NOR_CONV_3X3));
  }

  @Test
  void errorsNameTheBadToken() {
    ZcnasException e = assertThrows(ZcnasException.class,
        () -> Nb201Architecture.parse("|conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
    assertTrue(e.getMessage().contains("unknown op 'conv_5x5'"), e.getMessage());
    e = assertThrows(ZcnasException.class,
        () -> Nb201Architecture.parse("|none~0|+|none~1|none~1|+|none~0|none~1|none~2|"));
    assertTrue(e.getMessage().contains("'none~1' should take input ~0"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> Nb201Architecture.parse("|none~0|+|none~0|none~1|"));
    assertTrue(e.getMessage().contains("expected 3"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> Nb201Architecture.parse("|none~0|+|none~0|+|none~0|none~1|none~2|"));
    assertTrue(e.getMessage().contains("node 2 needs 2 inputs"), e.getMessage());
  }

  @Test
  void codesEnumerateTheWholeSpaceOnce() {
    List<Nb201Architecture> all = Nb201Architecture.enumerate();
    assertEquals(15625, all.size());
    Set<String> strings = new HashSet<>();
    for (int c = 0; c < all.size(); c++) {
      assertEquals(c, all.get(c).code());
      assertEquals(all.get(c), Nb201Architecture.parse(all.get(c).toString()));
      strings.add(all.get(c).toString());
    }
    assertEquals(15625, strings.size());
    assertEquals("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", all.get(0).toString());
  }

  @Test
  void samplesAreSeededAndDistinct() {
    List<Nb201Architecture> a = Nb201Architecture.sample(300, 7);
    assertEquals(a, Nb201Architecture.sample(300, 7));
    assertNotEquals(a, Nb201Architecture.sample(300, 8));
    assertEquals(300, new HashSet<>(a).size());
  }

  @Test
  void connectivityAndLiveEdges() {
    assertTrue(Nb201Architecture.parse(BEST).isConnected());
    // Output reached only through node 2, which nothing feeds: disconnected.
    Nb201Architecture d = Nb201Architecture.parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|");
    assertFalse(d.isConnected());
    // Edge 0->1 leads to node 1, whose only way out (1->2, 1->3) is none: dead.
    Nb201Architecture e = Nb201Architecture.parse("|nor_conv_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|skip_connect~2|");
    assertTrue(e.isConnected());
    assertFalse(e.isEdgeLive(0));
    assertTrue(e.isEdgeLive(1));
    assertTrue(e.isEdgeLive(5));
  }

  @Test
  void mutationChangesExactlyOneEdge() {
    SplittableRandom r = new SplittableRandom(3);
    Nb201Architecture a = Nb201Architecture.parse(BEST);
    for (int i = 0; i < 100; i++) {
      Nb201Architecture m = a.mutate(r);
      int differ = 0;
      for (int e = 0; e < Nb201Architecture.EDGES; e++) {
        differ += m.op(e) == a.op(e) ? 0 : 1;
      }
      assertEquals(1, differ);
    }
  }
}
