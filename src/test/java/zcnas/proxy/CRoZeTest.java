package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zcnas.CpuSession;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Network;
import zcnas.util.ZcnasException;

class CRoZeTest extends CpuSession {
  static final Nb201Architecture ALL_CONV = Nb201Architecture.parse(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|nor_conv_3x3~0|nor_conv_1x1~1|nor_conv_3x3~2|");
  static final Nb201Architecture MIXED = Nb201Architecture.parse(
      "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|");

  static CRoZe croze(String options) {
    return (CRoZe) Proxies.parse("croze " + options);
  }

  static double[] scores(CRoZe c, Nb201Architecture a) {
    return scores(c, new Nb201Network(a, 10, 32));
  }

  @Test
  void theDefaultIsTheAuthorsComputation() {
    assertEquals("official", new CRoZe().getVariant());
    assertEquals("official", croze("").getVariant());
    assertEquals("paper", croze("-variant paper").getVariant());
  }

  @Test
  void paperWithoutPerturbationEveryLayerGivesFour() {
    // beta = eps = gamma = 0: the robust network is the clean one on the clean batch, so Z = 2, P = 2, G = 1.
    int layers = new Nb201Network(ALL_CONV, 10, 32).layers().size();
    assertEquals(98, layers);
    double[] s = scores(croze("-variant paper -beta 0 -eps 0 -gamma 0 -component-sums -S 1"), ALL_CONV);
    assertEquals(4.0 * layers, s[0], 1e-3 * layers);
    assertEquals(2.0 * layers, s[1], 1e-3 * layers);
    assertEquals(2.0 * layers, s[2], 1e-3 * layers);
    assertEquals(1.0 * layers, s[3], 1e-3 * layers);
    // The official variant with beta = 0 still perturbs the input (its fixed 0.01 step).
    assertTrue(scores(croze("-beta 0"), ALL_CONV)[0] > 0);
  }

  @Test
  void droppingAComponentIsTheProductOfTheOthers() {
    for (String variant : List.of("official", "paper")) {
      double[] sums = scores(croze("-variant " + variant + " -component-sums -S 2"), MIXED);
      assertEquals(sums[0], sums[7], 0.0);
      for (int i = 0; i < CRoZe.SUBSETS.size(); i++) {
        String subset = CRoZe.SUBSETS.get(i);
        double alone = scores(croze("-variant " + variant + " -components " + subset + " -S 2"), MIXED)[0];
        assertEquals(sums[1 + i], alone, 1e-9 * Math.abs(alone), variant + " " + subset);
      }
      assertNotEquals(sums[1], sums[4], variant);
    }
  }

  @Test
  void sameSeedSameScoreAndBothPerturbationsFiniteInBothVariants() {
    for (String opts : List.of("-S 3", "-S 3 -perturbation gaussian", "-S 3 -variant paper",
        "-S 3 -variant paper -perturbation gaussian", "-S 3 -I kaiming", "-S 3 -I xavier")) {
      double a = scores(croze(opts), MIXED)[0];
      assertTrue(Double.isFinite(a) && a > 0, opts + " gave " + a);
      assertEquals(a, scores(croze(opts), MIXED)[0], 0.0, opts);
    }
    assertNotEquals(scores(croze("-S 3"), MIXED)[0], scores(croze("-S 3 -perturbation gaussian"), MIXED)[0]);
    assertNotEquals(scores(croze("-S 3 -variant paper"), MIXED)[0],
        scores(croze("-S 3 -variant paper -perturbation gaussian"), MIXED)[0]);
    assertNotEquals(scores(croze("-S 3"), MIXED)[0], scores(croze("-S 4"), MIXED)[0]);
  }

  @Test
  void anArchitectureCutOffFromItsInputStillScores() {
    Nb201Architecture cut = Nb201Architecture.parse("|none~0|+|none~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|nor_conv_1x1~2|");
    assertTrue(Double.isFinite(scores(croze("-S 1"), cut)[0]));
    assertTrue(Double.isFinite(scores(croze("-S 1 -variant paper"), cut)[0]));
  }

  @Test
  void theScaledCosineChangesNothingWhereNothingOverflows() throws Exception {
    // the all-convolution cell has the largest NB201 features and gradients (its score is about 1e11)
    for (String variant : List.of("official", "paper")) {
      double torch = scores(croze("-variant " + variant + " -S 1"), ALL_CONV)[0];
      double scaled = scores(croze("-variant " + variant + " -S 1 -cosine scaled"), ALL_CONV)[0];
      assertEquals(torch, scaled, (variant.equals("paper") ? 1e-6 : 1e-12) * Math.abs(torch), variant);
    }
    // printed and keyed only when set, so the scores cached before the option keep their keys
    assertFalse(String.join(" ", croze("").getOptions()).contains("-cosine"));
    assertEquals(croze("").cacheKey(), croze("-cosine pytorch1.10").cacheKey());
    CRoZe scaled = croze("-cosine Scaled");
    assertEquals("scaled", scaled.getCosine());
    assertEquals(List.of("croze-scaled"), scaled.outputs());
    assertEquals(List.of("croze-paper-scaled"), croze("-cosine scaled -variant paper").outputs());
    assertTrue(String.join(" ", scaled.getOptions()).contains("-cosine scaled"));
    assertNotEquals(croze("").cacheKey(), scaled.cacheKey());
  }

  @Test
  void singlePrecisionIsDoubleToRoundingEvenWhereFloat32WouldOverflow() {
    // The all-convolution cell's activations pass float32's range and its reduction BNs' variances overflow sooner:
    // without the running exponent its single-precision score was not finite or off by up to 60%.
    for (Nb201Architecture a : List.of(ALL_CONV, MIXED)) {
      double dbl = scores(croze("-S 1 -precision double"), a)[0];
      double sgl = scores(croze("-S 1"), a)[0];
      assertEquals(dbl, sgl, 1e-5 * dbl, a.toString());
      // not the fallback to double, which would give the same bits
      assertNotEquals(dbl, sgl, a.toString());
    }
    assertEquals("single", new CRoZe().getPrecision());
    // printed and keyed only when set, as every option added after the first scores were cached
    assertFalse(String.join(" ", croze("").getOptions()).contains("-precision"));
    CRoZe dbl = croze("-precision Double");
    assertEquals("double", dbl.getPrecision());
    assertTrue(String.join(" ", dbl.getOptions()).contains("-precision double"));
    assertNotEquals(croze("").cacheKey(), dbl.cacheKey());
    assertEquals(List.of("croze"), dbl.outputs());
    // the paper variant has no float64 passes to replace
    assertFalse(String.join(" ", croze("-variant paper -precision double").getOptions()).contains("-precision"));
    ZcnasException e = assertThrows(ZcnasException.class, () -> croze("-precision half"));
    assertTrue(e.getMessage().contains("-precision must be single or double, got 'half'"), e.getMessage());
  }

  @Test
  void badOptionsAreRefusedClearly() {
    ZcnasException e = assertThrows(ZcnasException.class, () -> croze("-components ZQ"));
    assertTrue(e.getMessage().contains("subset of Z, P, G"), e.getMessage());
    assertThrows(ZcnasException.class, () -> croze("-variant tutorial"));
    assertThrows(ZcnasException.class, () -> croze("-perturbation pgd"));
    e = assertThrows(ZcnasException.class, () -> croze("-cosine fast"));
    assertTrue(e.getMessage().contains("-cosine must be pytorch1.10 or scaled, got 'fast'"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> croze("-beta abc"));
    assertTrue(e.getMessage().contains("-beta needs a number, got 'abc'") && e.getMessage().contains("croze -beta abc"),
        e.getMessage());
    e = assertThrows(ZcnasException.class, () -> croze("-beta NaN"));
    assertTrue(e.getMessage().contains("-beta must be a finite number"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> croze("-variant paper -eps 1/0"));
    assertTrue(e.getMessage().contains("-eps must be a finite number >= 0"), e.getMessage());
    e = assertThrows(ZcnasException.class, () -> croze("-B 0"));
    assertTrue(e.getMessage().contains("-B must be at least 1"), e.getMessage());
  }

  @Test
  void onlyTheOptionsAVariantUsesArePrintedAndKeyed() throws Exception {
    CRoZe c = croze("-eps 4/255 -beta 1.5 -gamma 0.1 -components GZ -perturbation gaussian -variant paper");
    assertEquals(4.0 / 255, c.getEpsilon(), 1e-15);
    assertEquals("ZG", c.getComponents());
    CRoZe d = new CRoZe();
    d.setOptions(c.getOptions());
    assertEquals(c.cacheKey(), d.cacheKey());
    assertEquals(List.of("croze-paper"), d.outputs());
    assertEquals(List.of("croze"), new CRoZe().outputs());
    // the official variant ignores eps, gamma and bn: they are neither printed nor part of the key
    CRoZe official = croze("-perturbation gaussian");
    String options = String.join(" ", official.getOptions());
    for (String unused : List.of("-eps", "-gamma", "-bn")) {
      assertFalse(options.contains(unused), options);
    }
    assertEquals(official.cacheKey(), croze("-perturbation gaussian -eps 0.5 -gamma 3 -bn reduction").cacheKey());
    assertNotEquals(official.cacheKey(), croze("-perturbation gaussian -beta 1").cacheKey());
    assertEquals(official.cacheKey(), croze("-perturbation gaussian -component-sums").cacheKey());
  }
}
