package zcnas.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
  @Test
  void handCheckedValues() {
    RankCorrelation r = RankCorrelation.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5});
    // d = (1,1,1,1,0): rho = 1 - 6*4/(5*24) = 0.8; concordant 8, discordant 2: tau = 0.6.
    assertEquals(0.8, r.rho(), 1e-12);
    assertEquals(0.6, r.tau(), 1e-12);
    assertEquals(-1.0, RankCorrelation.of(new double[] {1, 2, 3}, new double[] {30, 20, 10}).rho(), 1e-12);
  }

  @Test
  void nanPairsAreDroppedAndMinusInfinityRanksLowest() {
    RankCorrelation r = RankCorrelation.of(new double[] {Double.NEGATIVE_INFINITY, 5, Double.NaN, 7, 9},
        new double[] {1, 2, 3, 4, 5});
    assertEquals(4, r.n());
    assertEquals(1.0, r.rho(), 1e-12);
    assertEquals(1.0, r.tau(), 1e-12);
  }
}
