package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zcnas.TestData;
import zcnas.network.Nb201Network;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.util.ZcnasException;

class CRoZeTest {
  static final Nb201Architecture ALL_CONV = Nb201Architecture.parse(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|nor_conv_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|");
  static final Nb201Architecture MIXED = Nb201Architecture.parse(
      "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|");
  static ScoringSession session;

  @BeforeAll
  static void open() {
    session = new ScoringSession(TestData.cifar10Train(), "cpu", 0, ScoringSession.BatchOrder.SEEDED);
  }

  @AfterAll
  static void close() {
    session.close();
  }

  static CRoZe croze(String options) throws Exception {
    CRoZe c = new CRoZe();
    c.setOptions(weka.core.Utils.splitOptions(options));
    return c;
  }

  static double[] scores(CRoZe c, Nb201Architecture a) {
    try (ArchitectureContext ctx = session.open(new Nb201Network(a, 10, 32))) {
      return c.scores(ctx);
    }
  }

  @Test
  void withoutPerturbationEveryLayerGivesFour() throws Exception {
    // beta = eps = gamma = 0: the robust network is the clean one on the clean batch, so Z = 2, P = 2, G = 1.
    int layers = new Nb201Network(ALL_CONV, 10, 32).layers().size();
    assertEquals(98, layers);
    double[] s = scores(croze("-beta 0 -eps 0 -gamma 0 -component-sums -S 1"), ALL_CONV);
    assertEquals(4.0 * layers, s[0], 1e-3 * layers);
    assertEquals(2.0 * layers, s[1], 1e-3 * layers);
    assertEquals(2.0 * layers, s[2], 1e-3 * layers);
    assertEquals(1.0 * layers, s[3], 1e-3 * layers);
    // The official variant with beta = 0 still perturbs the input (its fixed 0.01 step), so it stays below 4 per position.
    assertTrue(scores(croze("-variant official -beta 0"), ALL_CONV)[0] > 0);
  }

  @Test
  void droppingAComponentIsTheProductOfTheOthers() throws Exception {
    double[] sums = scores(croze("-component-sums -S 2"), MIXED);
    List<String> subsets = List.of("Z", "P", "G", "ZP", "ZG", "PG", "ZPG");
    assertEquals(sums[0], sums[7], 0.0);
    for (int i = 0; i < subsets.size(); i++) {
      double alone = scores(croze("-components " + subsets.get(i) + " -S 2"), MIXED)[0];
      assertEquals(sums[1 + i], alone, 1e-9 * Math.abs(alone), subsets.get(i));
    }
    assertNotEquals(sums[1], sums[4]);
  }

  @Test
  void sameSeedSameScoreAndBothPerturbationsFinite() throws Exception {
    for (String opts : List.of("-S 3", "-S 3 -perturbation gaussian", "-S 3 -variant official", "-S 3 -I kaiming",
        "-S 3 -I xavier")) {
      double a = scores(croze(opts), MIXED)[0];
      assertTrue(Double.isFinite(a) && a > 0, opts + " gave " + a);
      assertEquals(a, scores(croze(opts), MIXED)[0], 0.0, opts);
    }
    assertNotEquals(scores(croze("-S 3"), MIXED)[0], scores(croze("-S 3 -perturbation gaussian"), MIXED)[0]);
    assertNotEquals(scores(croze("-S 3"), MIXED)[0], scores(croze("-S 4"), MIXED)[0]);
  }

  @Test
  void anArchitectureCutOffFromItsInputStillScores() throws Exception {
    Nb201Architecture cut = Nb201Architecture.parse("|none~0|+|none~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|nor_conv_1x1~2|");
    assertTrue(Double.isFinite(scores(croze("-S 1"), cut)[0]));
    assertTrue(Double.isFinite(scores(croze("-S 1 -variant official"), cut)[0]));
  }

  @Test
  void badOptionsAreRefusedClearly() {
    ZcnasException e = assertThrows(ZcnasException.class, () -> croze("-components ZQ"));
    assertTrue(e.getMessage().contains("subset of Z, P, G"), e.getMessage());
    assertThrows(ZcnasException.class, () -> croze("-variant tutorial"));
    assertThrows(ZcnasException.class, () -> croze("-perturbation pgd"));
  }

  @Test
  void optionsRoundTripAndEpsAcceptsAFraction() throws Exception {
    CRoZe c = croze("-eps 4/255 -beta 1.5 -gamma 0.1 -components GZ -perturbation gaussian -variant official");
    assertEquals(4.0 / 255, c.getEpsilon(), 1e-15);
    assertEquals("ZG", c.getComponents());
    CRoZe d = new CRoZe();
    d.setOptions(c.getOptions());
    assertEquals(c.cacheKey(), d.cacheKey());
    assertEquals(List.of("croze"), d.outputs());
  }
}
