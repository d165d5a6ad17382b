package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zcnas.CpuSession;
import zcnas.TestData;
import zcnas.network.CountingNetwork;
import zcnas.space.nb201.Nb201Network;
import zcnas.space.nb201.Nb201Architecture;

/** The baseline proxies on real NB201 networks and real CIFAR-10 batches. */
class Nb201ProxyTest extends CpuSession {
  static final Nb201Architecture ARCH = Nb201Architecture.parse(
      "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|none~2|");
  /** A second session whose batches are the first records of the file. */
  static ScoringSession first;

  @BeforeAll
  static void openFirst() {
    first = new ScoringSession(TestData.cifar10Train(), "cpu", 0, ScoringSession.BatchOrder.FIRST);
  }

  @AfterAll
  static void closeFirst() {
    first.close();
  }

  static double score(ScoringSession s, ZeroCostProxy p, Nb201Architecture a) {
    try (ArchitectureContext c = s.open(new Nb201Network(a, 10, 32))) {
      return p.score(c);
    }
  }

  static double seeded(ZeroCostProxy p, Nb201Architecture a) {
    return score(session, p, a);
  }

  static <P extends ZeroCostProxy> P proxy(P p, long seed, int batch) {
    p.setSeed(seed);
    p.setBatchSize(batch);
    return p;
  }

  @Test
  void finiteAndDeterministic() {
    for (ZeroCostProxy p : List.of(proxy(new GradNorm(), 3, 16), proxy(new Snip(), 3, 16), proxy(new SynFlow(), 3, 1),
        proxy(new Naswot(), 3, 32))) {
      double a = seeded(p, ARCH);
      assertTrue(Double.isFinite(a) && a > 0, p + " gave " + a);
      assertEquals(a, seeded(p, ARCH), 0.0, p + " is not deterministic");
    }
  }

  @Test
  void seedChangesGradientScoresButSynflowIgnoresTheImages() {
    double g3 = seeded(proxy(new GradNorm(), 3, 16), ARCH);
    assertNotEquals(g3, seeded(proxy(new GradNorm(), 4, 16), ARCH));
    // SynFlow never looks at the images: a different batch leaves it unchanged.
    assertEquals(seeded(proxy(new SynFlow(), 3, 1), ARCH), score(first, proxy(new SynFlow(), 3, 1), ARCH), 0.0);
    assertNotEquals(g3, score(first, proxy(new GradNorm(), 3, 16), ARCH));
  }

  @Test
  void sharedGradientPassGivesTheSameScoresAsSeparatePasses() {
    GradNorm g = proxy(new GradNorm(), 5, 16);
    Snip s = proxy(new Snip(), 5, 16);
    double alone = seeded(s, ARCH);
    try (ArchitectureContext c = session.open(new Nb201Network(ARCH, 10, 32))) {
      double gs = g.score(c);
      assertEquals(alone, s.score(c), 0.0);
      assertEquals(seeded(g, ARCH), gs, 0.0);
    }
  }

  /**
   * NASWOT at GradNorm's and Snip's batch reads its codes off their gradient pass: one pass in all, in whichever
   * order the three are scored, and every score bit for bit its own pass's. ARCH's node 2 cannot reach the output,
   * so the shared pass must also run the dead 1x1 convolution, whose ReLU NASWOT counts and the gradients ignore.
   */
  @Test
  void naswotSharesTheGradientPassAtTheSameBatch() {
    List<ZeroCostProxy> proxies = List.of(proxy(new GradNorm(), 6, 16), proxy(new Snip(), 6, 16),
        proxy(new Naswot(), 6, 16));
    double[] alone = proxies.stream().mapToDouble(p -> seeded(p, ARCH)).toArray();
    for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(2, 0, 1), List.of(1, 2, 0))) {
      CountingNetwork net = new CountingNetwork(new Nb201Network(ARCH, 10, 32));
      try (ArchitectureContext c = session.open(net)) {
        proxies.forEach(p -> p.plan(c));
        for (int i : order) {
          assertEquals(alone[i], proxies.get(i).score(c), 0.0, proxies.get(i) + " in order " + order);
        }
      }
      assertEquals(1, net.forwards, "forward passes in order " + order);
    }
    // unplanned, or at another batch, NASWOT runs a forward pass of its own
    CountingNetwork net = new CountingNetwork(new Nb201Network(ARCH, 10, 32));
    try (ArchitectureContext c = session.open(net)) {
      proxies.get(0).plan(c);
      assertEquals(alone[0], proxies.get(0).score(c), 0.0);
      assertEquals(alone[2], proxies.get(2).score(c), 0.0);
      Naswot other = proxy(new Naswot(), 6, 32);
      other.plan(c);
      assertEquals(seeded(other, ARCH), other.score(c), 0.0);
    }
    assertEquals(3, net.forwards);
  }

  @Test
  void naswotIsMinusInfinityWhenNoReluSeesTheImages() {
    // Node 1 is zero, so every ReLU sees an image-independent tensor: K is singular (the reference code gives -inf).
    Nb201Architecture cut = Nb201Architecture.parse("|none~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|");
    assertEquals(Double.NEGATIVE_INFINITY, seeded(proxy(new Naswot(), 1, 32), cut));
  }

  @Test
  void moreConvolutionsMoreSynflow() {
    Nb201Architecture convs = Nb201Architecture.parse(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
    Nb201Architecture skips = Nb201Architecture.parse(
        "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|");
    assertTrue(seeded(proxy(new SynFlow(), 1, 1), convs) > 1e6 * seeded(proxy(new SynFlow(), 1, 1), skips));
  }
}
