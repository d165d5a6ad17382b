package zcnas.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import zcnas.CpuSession;
import zcnas.proxy.GradNorm;
import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;

class IsomorphSharingTest extends CpuSession {
  private final Nb201Space space = new Nb201Space();

  @Test
  void everyMemberGetsTheScoresOfItsClasssCanonicalMemberComputedOnce() {
    // node 1 receives nothing, so the conv out of it is dead: both cells compute skip(input) + conv3x3(input)
    Nb201Architecture a = Nb201Architecture.parse(
        "|none~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|");
    Nb201Architecture b = Nb201Architecture.parse(
        "|none~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|");
    Nb201Architecture other = Nb201Architecture.parse(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|");
    assertEquals(space.canonical(a), space.canonical(b));
    assertNotEquals(space.canonical(a), space.canonical(other));
    List<ZeroCostProxy> proxies = List.of(new SynFlow(), new GradNorm());
    List<String> progress = new ArrayList<>();
    double[][] shared;
    try (ScoreCache cache = ScoreCache.open(null)) {
      IsomorphSharing<Nb201Architecture> sharing = new IsomorphSharing<>(new Scorer<>(session, cache, space), space);
      shared = sharing.score(List.of(a, other, b), proxies, progress::add);
      assertEquals(2 * 2, cache.size(), "two networks, two proxies each");
      assertEquals(space.canonical(b), sharing.scoredAs(b));
    }
    assertTrue(progress.get(0).startsWith("3 architectures are 2 isomorphism classes"), progress.toString());
    assertArrayEquals(shared[0], shared[2]);
    for (int p = 0; p < proxies.size(); p++) {
      assertEquals(score(proxies.get(p), space.network(space.canonical(a), session.dataset())), shared[0][p]);
      assertEquals(score(proxies.get(p), space.network(space.canonical(other), session.dataset())), shared[1][p]);
    }
  }
}
