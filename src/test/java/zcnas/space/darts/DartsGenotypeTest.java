package zcnas.space.darts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import zcnas.util.ZcnasException;

class DartsGenotypeTest {
  static final String V2 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
      + "('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], "
      + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), "
      + "('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], "
      + "reduce_concat=[2, 3, 4, 5])";

  @Test
  void parsesAndPrintsTheDartsNotation() {
    DartsGenotype g = DartsGenotype.parse(V2);
    assertEquals(V2, g.toString());
    assertEquals(DartsGenotype.DARTS_V2, g);
    assertEquals(new DartsCell.Edge(DartsOp.DIL_CONV_3X3, 2), g.normal().edges().get(7));
    assertEquals(DartsOp.MAX_POOL_3X3, g.reduce().edges().get(0).op());
    assertArrayEquals(new int[] {2, 3, 4, 5}, g.reduce().concat());
    // range(...) concat, double quotes, other spacing, no "Genotype" prefix: the same genotype
    String loose = V2.replace("normal_concat=[2, 3, 4, 5]", "normal_concat=range(2, 6)").replace('\'', '"')
        .replace(", ", ",").replace("Genotype", "  ");
    assertEquals(g, DartsGenotype.parse(loose));
  }

  @Test
  void errorsSayWhatIsWrongAndWhere() {
    ZcnasException e = assertThrows(ZcnasException.class,
        () -> DartsGenotype.parse(V2.replace("dil_conv_3x3", "dil_conv_9x9")));
    assertTrue(e.getMessage().contains("unknown op 'dil_conv_9x9'"), e.getMessage());
    assertTrue(e.getMessage().contains("at character "), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> DartsGenotype.parse(V2.replace("('dil_conv_3x3', 2)",
        "('dil_conv_3x3', 5)")));
    assertTrue(e.getMessage().contains("normal cell: pair 7 (dil_conv_3x3, 5) feeds node 3, which can only read "
        + "states 0..4"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> DartsGenotype.parse(V2.replace(", reduce_concat=[2, 3, 4, 5]", "")));
    assertTrue(e.getMessage().contains("missing reduce_concat"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> DartsGenotype.parse(V2.replace("normal_concat=[2, 3, 4, 5]",
        "normal_concat=[2, 6]")));
    assertTrue(e.getMessage().contains("concat index 6 is not an intermediate node (2..5)"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> DartsGenotype.parse(V2 + " x"));
    assertTrue(e.getMessage().contains("unexpected text after"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> DartsGenotype.parse(V2.replace("('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
        + "('sep_conv_3x3', 0), ", "('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ")));
    assertTrue(e.getMessage().contains("even, non-zero number of (op, input) pairs, got 7"), e.getMessage());
    assertThrows(ZcnasException.class, () -> DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3' 0)])"));
    assertThrows(ZcnasException.class, () -> DartsGenotype.parse(" "));
  }

  @Test
  void samplesAreValidDistinctInputsNoNoneAndSeeded() {
    Set<DartsGenotype> seen = new HashSet<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      DartsGenotype g = DartsGenotype.sample(random);
      for (DartsCell cell : new DartsCell[] {g.normal(), g.reduce()}) {
        assertEquals(8, cell.edges().size());
        for (int node = 0; node < 4; node++) {
          assertNotEquals(cell.edges().get(2 * node).input(), cell.edges().get(2 * node + 1).input());
        }
        assertTrue(cell.edges().stream().noneMatch(e -> e.op() == DartsOp.NONE));
      }
      assertEquals(g, DartsGenotype.parse(g.toString()));
      seen.add(g);
    }
    assertEquals(200, seen.size());
    assertEquals(DartsGenotype.sample(new SplittableRandom(3)), DartsGenotype.sample(new SplittableRandom(3)));
  }

  @Test
  void mutationChangesExactlyOnePair() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100; i++) {
      DartsGenotype g = DartsGenotype.DARTS_V2;
      DartsGenotype m = g.mutate(random);
      int changed = 0;
      for (boolean reduction : new boolean[] {false, true}) {
        for (int e = 0; e < 8; e++) {
          DartsCell.Edge a = g.cell(reduction).edges().get(e);
          DartsCell.Edge b = m.cell(reduction).edges().get(e);
          if (!a.equals(b)) {
            changed++;
            assertNotEquals(DartsOp.NONE, b.op());
            assertNotEquals(m.cell(reduction).edges().get(e ^ 1).input(), b.input());
          }
        }
      }
      assertEquals(1, changed, m.toString());
    }
  }

  @Test
  void livenessFollowsConcatAndInputs() {
    // node 3 is not concatenated and read by no node: its ops are dead; state 0 is then read by nothing
    DartsGenotype g = DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 1), "
        + "('max_pool_3x3', 2), ('none', 0), ('avg_pool_3x3', 3), ('dil_conv_5x5', 2), ('sep_conv_5x5', 0), "
        + "('conv_7x1_1x7', 1)], normal_concat=[4], reduce=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1)], "
        + "reduce_concat=[2])");
    DartsCell n = g.normal();
    assertArrayEquals(new boolean[] {false, true, true, true, true, false}, n.liveStates());
    assertTrue(n.isEdgeLive(0));
    assertFalse(n.isEdgeLive(3), "none is never live");
    assertFalse(n.isEdgeLive(6));
    assertFalse(n.isEdgeLive(7));
    assertEquals(1, g.reduce().steps());
  }
}
