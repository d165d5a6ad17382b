package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zcnas.TestData;
import zcnas.network.DartsNetwork;
import zcnas.network.DartsNetworkTest;
import zcnas.space.darts.DartsGenotype;
import zcnas.weka.ProxySpecs;

/** Every proxy on DARTS networks (small C and L, so the test stays fast) and a real CIFAR-10 batch. */
class DartsProxyTest {
  static final DartsGenotype EVERY_OP = DartsNetworkTest.EVERY_OP;
  static final List<String> SPECS = List.of("gradnorm -B 16", "snip -B 16", "synflow", "naswot -B 32", "croze",
      "croze -variant official");
  static ScoringSession session;

  @BeforeAll
  static void open() {
    session = new ScoringSession(TestData.cifar10Train(), "cpu", 0, ScoringSession.BatchOrder.SEEDED);
  }

  @AfterAll
  static void close() {
    session.close();
  }

  static double score(String spec, DartsGenotype g) throws Exception {
    ZeroCostProxy p = ProxySpecs.parse(spec);
    try (ArchitectureContext ctx = session.open(new DartsNetwork(g, 10, 32, 8, 5))) {
      return p.score(ctx);
    }
  }

  @Test
  void everyProxyIsFiniteAndDeterministicOnDartsNetworks() throws Exception {
    for (DartsGenotype g : new DartsGenotype[] {DartsGenotype.DARTS_V2, EVERY_OP}) {
      for (String spec : SPECS) {
        double a = score(spec, g);
        assertTrue(Double.isFinite(a), spec + " gave " + a);
        assertEquals(a, score(spec, g), Math.abs(a) * 1e-9, spec);
      }
    }
  }

  @Test
  void crozeWithoutPerturbationIsFourPerLayer() throws Exception {
    // the paper's invariant holds in DARTS too: beta = eps = gamma = 0 gives Z = 2, P = 2, G = 1 on every layer
    int layers = new DartsNetwork(DartsGenotype.DARTS_V2, 10, 32, 8, 5).layers().size();
    assertEquals(4.0 * layers, score("croze -beta 0 -eps 0 -gamma 0", DartsGenotype.DARTS_V2), 1e-3 * layers);
  }
}
