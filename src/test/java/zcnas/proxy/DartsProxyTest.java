package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zcnas.CpuSession;
import zcnas.TestData;
import zcnas.network.CountingNetwork;
import zcnas.space.darts.DartsGenotype;
import zcnas.space.darts.DartsNetwork;
import zcnas.space.darts.DartsNetworkTest;

/** Every proxy on DARTS networks (small C and L, so the test stays fast) and a real CIFAR-10 batch. */
class DartsProxyTest extends CpuSession {
  static final DartsGenotype EVERY_OP = DartsNetworkTest.EVERY_OP;
  static final List<String> SPECS = List.of("gradnorm -B 16", "snip -B 16", "synflow", "naswot -B 32", "croze",
      "croze -variant paper");

  static double score(String spec, DartsGenotype g) {
    return score(Proxies.parse(spec), new DartsNetwork(g, 10, 32, 8, 5));
  }

  /**
   * Every score repeats bit for bit, whatever ran before it in the process: the float32 gradients of C = 8 DARTS
   * networks (through their 3 -> 24 stem) once read memory that earlier tensors had left, and the
   * paper variant, whose G = |cos(g, g_r)| is about 0.01 on BN networks (doc/croze.md), moved by up to 8% after the
   * 20-cell network below (see zcnas.engine.NativeEnvironment#zeroNewTensorMemory).
   */
  @Test
  void everyProxyIsFiniteAndDeterministicOnDartsNetworks() {
    for (DartsGenotype g : new DartsGenotype[] {DartsGenotype.DARTS_V2, EVERY_OP}) {
      for (String spec : SPECS) {
        double a = score(spec, g);
        assertTrue(Double.isFinite(a), spec + " gave " + a);
        assertEquals(a, score(spec, g), 0.0, spec);
      }
    }
  }

  /** The checkpointed gradient pass shows its forward half to NASWOT once: its codes give NASWOT's own score. */
  @Test
  void naswotSharesTheCheckpointedGradientPass() {
    List<ZeroCostProxy> proxies = List.of(Proxies.parse("gradnorm -B 16"), Proxies.parse("naswot -B 16"));
    DartsNetwork net = new DartsNetwork(EVERY_OP, 10, 32, 8, 5);
    double[] alone = {score(proxies.get(0), net), score(proxies.get(1), net)};
    CountingNetwork counted = new CountingNetwork(net);
    try (ArchitectureContext c = session.open(counted)) {
      proxies.forEach(p -> p.plan(c));
      assertEquals(alone[1], proxies.get(1).score(c), 0.0);
      assertEquals(alone[0], proxies.get(0).score(c), 0.0);
    }
    assertEquals(1, counted.forwards);
  }

  @Test
  void theAuthorsCosineOverflowsOnADeepDartsNetworkAndTheScaledOneDoesNot() {
    // 20 cells without BN: the robust gradients pass 1e154, so |g|^2 |g_r|^2 overflows and every layer's G reads 0
    DartsGenotype deep = DartsGenotype.parse("Genotype(normal=[('avg_pool_3x3', 0), ('conv_7x1_1x7', 1), "
        + "('max_pool_3x3', 1), ('sep_conv_7x7', 0), ('sep_conv_7x7', 0), ('dil_conv_5x5', 2), ('sep_conv_5x5', 4), "
        + "('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('dil_conv_3x3', 0), ('max_pool_3x3', 1), "
        + "('sep_conv_7x7', 2), ('dil_conv_3x3', 0), ('skip_connect', 1), ('conv_7x1_1x7', 0), ('max_pool_3x3', 1), "
        + "('max_pool_3x3', 2)], reduce_concat=[2, 3, 4, 5])");
    DartsNetwork net = new DartsNetwork(deep, 10, 32, 8, 20);
    double[] torch = scores(Proxies.parse("croze -component-sums"), net);
    double[] scaled = scores(Proxies.parse("croze -component-sums -cosine scaled"), net);
    int g = 1 + CRoZe.SUBSETS.indexOf("G");
    assertEquals(0.0, torch[g], 0.0);
    assertEquals(0.0, torch[0], 0.0);
    assertTrue(scaled[g] > 0 && Double.isFinite(scaled[0]) && scaled[0] > 0, scaled[0] + " " + scaled[g]);
    // the weights' cosines (P) cannot overflow; some stage features' (Z) do too, and read 0 instead of about 1
    int p = 1 + CRoZe.SUBSETS.indexOf("P");
    int z = 1 + CRoZe.SUBSETS.indexOf("Z");
    assertEquals(torch[p], scaled[p], 1e-12 * torch[p]);
    assertTrue(torch[z] < scaled[z], torch[z] + " " + scaled[z]);
    // single precision (the default) is double to rounding, past float32's range by hundreds of decades
    double dbl = scores(Proxies.parse("croze -cosine scaled -precision double"), net)[0];
    assertEquals(dbl, scaled[0], 1e-5 * dbl);
    assertNotEquals(dbl, scaled[0]);
    assertEquals(0.0, scores(Proxies.parse("croze -precision double"), net)[0], 0.0);
  }

  /**
   * Without BN the official CRoZe runs each pass's batch as two halves (CRoZeOfficial): on two inter-op threads at
   * once they give one thread's scores bit for bit, and the halves together are the whole batch's function (single
   * precision, which splits, agrees with double, which does not).
   */
  @Test
  void theOfficialCRoZeGivesOneThreadsScoresOnTwoInteropThreads() {
    ZeroCostProxy croze = Proxies.parse("croze -component-sums");
    try (ScoringSession two = new ScoringSession(TestData.cifar10Train(), "cpu", 0, 2,
        ScoringSession.BatchOrder.SEEDED)) {
      for (DartsGenotype g : new DartsGenotype[] {DartsGenotype.DARTS_V2, EVERY_OP}) {
        DartsNetwork net = new DartsNetwork(g, 10, 32, 8, 5);
        double[] one = scores(croze, net);
        try (ArchitectureContext c = two.open(net)) {
          assertArrayEquals(one, croze.scores(c), 0.0, g.toString());
        }
        double dbl = scores(Proxies.parse("croze -precision double"), net)[0];
        assertEquals(dbl, one[0], 1e-6 * dbl, g.toString());
      }
    }
  }

  @Test
  void crozeWithoutPerturbationIsFourPerLayer() {
    // the paper's invariant holds in DARTS too: beta = eps = gamma = 0 gives Z = 2, P = 2, G = 1 on every layer
    int layers = new DartsNetwork(DartsGenotype.DARTS_V2, 10, 32, 8, 5).layers().size();
    assertEquals(4.0 * layers, score("croze -variant paper -beta 0 -eps 0 -gamma 0", DartsGenotype.DARTS_V2),
        1e-3 * layers);
  }
}
