package zcnas.experiment;

import java.util.Arrays;
import java.util.SplittableRandom;
import zcnas.util.ZcnasException;

/**
 * Which architectures of a pool have a known accuracy (labelled) and which are predicted (held out): a seeded
 * Fisher-Yates shuffle of the pool's indices, the first n labelled. Under one seed a smaller n labels a prefix of a
 * larger n's architectures, so a learning curve over n adds labels rather than drawing new ones.
 */
public record LabelledSplit(int[] labelled, int[] heldOut) {
  /** Fewest held-out architectures a rank correlation is reported on. */
  public static final int MIN_HELD_OUT = 3;

  /** n of {@code pool} architectures labelled by the seed; both index sets ascending, disjoint, covering the pool. */
  public static LabelledSplit draw(int pool, int n, long seed) {
    if (n < 2 || n > pool - MIN_HELD_OUT) {
      throw new ZcnasException("cannot label " + n + " of " + pool + " architectures: need 2 <= n <= "
          + (pool - MIN_HELD_OUT) + " (at least " + MIN_HELD_OUT + " held out)");
    }
    int[] order = new int[pool];
    for (int i = 0; i < pool; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(pool - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] labelled = Arrays.copyOf(order, n);
    int[] heldOut = Arrays.copyOfRange(order, n, pool);
    Arrays.sort(labelled);
    Arrays.sort(heldOut);
    return new LabelledSplit(labelled, heldOut);
  }

  /** The values at the given indices. */
  static double[] pick(double[] values, int[] indices) {
    double[] out = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }
}
