package zcnas;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import zcnas.network.Network;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;

/**
 * Base of the tests that score real networks: one CPU scoring session on the real CIFAR-10 training images (seeded
 * batches) for the whole test class.
 */
public abstract class CpuSession {
  protected static ScoringSession session;

  @BeforeAll
  static void openSession() {
    session = new ScoringSession(TestData.cifar10Train(), "cpu", 0, ScoringSession.BatchOrder.SEEDED);
  }

  @AfterAll
  static void closeSession() {
    session.close();
  }

  /** Every output of the proxy on the network, in a context of its own. */
  protected static double[] scores(ZeroCostProxy p, Network network) {
    try (ArchitectureContext c = session.open(network)) {
      return p.scores(c);
    }
  }

  protected static double score(ZeroCostProxy p, Network network) {
    return scores(p, network)[0];
  }
}
