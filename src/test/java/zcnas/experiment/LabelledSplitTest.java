package zcnas.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import zcnas.util.ZcnasException;

class LabelledSplitTest {
  @Test
  void theSameSeedLabelsTheSameArchitectures() {
    LabelledSplit a = LabelledSplit.draw(1000, 100, 7);
    LabelledSplit b = LabelledSplit.draw(1000, 100, 7);
    assertArrayEquals(a.labelled(), b.labelled());
    assertArrayEquals(a.heldOut(), b.heldOut());
    assertFalse(Arrays.equals(a.labelled(), LabelledSplit.draw(1000, 100, 8).labelled()), "another seed, same draw");
  }

  @Test
  void labelledAndHeldOutAreDisjointAndCoverThePool() {
    LabelledSplit s = LabelledSplit.draw(60, 20, 3);
    assertEquals(20, s.labelled().length);
    assertEquals(40, s.heldOut().length);
    Set<Integer> all = new HashSet<>();
    Arrays.stream(s.labelled()).forEach(all::add);
    Arrays.stream(s.heldOut()).forEach(i -> assertTrue(all.add(i), "index " + i + " on both sides"));
    assertEquals(60, all.size());
    assertTrue(all.stream().allMatch(i -> i >= 0 && i < 60));
    int[] sorted = s.heldOut().clone();
    Arrays.sort(sorted);
    assertArrayEquals(sorted, s.heldOut(), "held-out indices ascend (pool order)");
  }

  @Test
  void moreLabelsUnderOneSeedAddToTheFewerOnes() {
    Set<Integer> ten = new HashSet<>();
    Arrays.stream(LabelledSplit.draw(500, 10, 0).labelled()).forEach(ten::add);
    Set<Integer> fifty = new HashSet<>();
    Arrays.stream(LabelledSplit.draw(500, 50, 0).labelled()).forEach(fifty::add);
    assertTrue(fifty.containsAll(ten));
  }

  @Test
  void drawsAreSpreadOverThePool() {
    // 200 of 1000 labelled: about a fifth of each half of the pool, not a block
    int[] labelled = LabelledSplit.draw(1000, 200, 0).labelled();
    long low = Arrays.stream(labelled).filter(i -> i < 500).count();
    assertTrue(low > 70 && low < 130, low + " of 200 in the first half");
  }

  @Test
  void tooFewOrTooManyLabelsAreAnError() {
    ZcnasException e = assertThrows(ZcnasException.class, () -> LabelledSplit.draw(60, 58, 0));
    assertEquals("cannot label 58 of 60 architectures: need 2 <= n <= 57 (at least 3 held out)", e.getMessage());
    assertThrows(ZcnasException.class, () -> LabelledSplit.draw(60, 1, 0));
  }

  @Test
  void pickReadsTheIndices() {
    assertArrayEquals(new double[] {30, 10}, LabelledSplit.pick(new double[] {10, 20, 30}, new int[] {2, 0}));
  }
}
