package zcnas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.CpuSession;
import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;
import zcnas.proxy.Proxies;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;

/** The strategies on NAS-Bench-201 guided by the real SynFlow (cheap: it needs no images). */
class SearchStrategyTest extends CpuSession {
  static final Nb201Space SPACE = new Nb201Space();

  static SearchObjective<Nb201Architecture> search(SearchStrategy s, List<ZeroCostProxy> proxies, int budget,
      long seed, ScoreCache cache) {
    Scorer<Nb201Architecture> scorer = new Scorer<>(session, cache, SPACE);
    SearchObjective<Nb201Architecture> o = new SearchObjective<>(scorer, proxies, budget, line -> { });
    s.run(SPACE, o, new SplittableRandom(seed));
    return o;
  }

  static SearchObjective<Nb201Architecture> search(SearchStrategy s, int budget, long seed) {
    return search(s, List.of(new SynFlow()), budget, seed, ScoreCache.open(null));
  }

  @Test
  void everyStrategySpendsTheBudgetOnDistinctArchitecturesBestFirstAndIsSeeded() {
    for (SearchStrategy s : new SearchStrategy[] {new RandomSearch(), new WarmupMove(30, 10),
        new AgingEvolution(10, 3)}) {
      // one cache for the repeated runs: the search's own determinism, apart from the proxy's numerics
      ScoreCache cache = ScoreCache.open(null);
      SearchObjective<Nb201Architecture> a = search(s, List.of(new SynFlow()), 60, 5, cache);
      List<Nb201Architecture> ranking = a.ranking();
      assertEquals(60, ranking.size(), s.name());
      assertEquals(60, new HashSet<>(ranking).size(), s.name());
      for (int i = 1; i < ranking.size(); i++) {
        assertTrue(a.value(ranking.get(i - 1)) >= a.value(ranking.get(i)), s.name());
      }
      SearchObjective<Nb201Architecture> b = search(s, List.of(new SynFlow()), 60, 5, cache);
      assertEquals(inScoringOrder(a), inScoringOrder(b), s.name() + " is not deterministic");
      assertEquals(ranking, b.ranking(), s.name());
      assertNotEquals(inScoringOrder(a), inScoringOrder(search(s, List.of(new SynFlow()), 60, 6, cache)),
          s.name() + " ignores its seed");
    }
  }

  static List<Nb201Architecture> inScoringOrder(SearchObjective<Nb201Architecture> o) {
    List<Nb201Architecture> all = new java.util.ArrayList<>(o.ranking());
    all.sort(java.util.Comparator.comparingInt(o::scoredAt));
    return all;
  }

  @Test
  void movesNeverLoseTheWarmupBestAndEscapeExhaustedNeighbourhoods() {
    // one warm-up architecture, then moves: NB201 has 24 neighbours, so spending 100 needs wider mutations
    WarmupMove s = new WarmupMove(1, 50);
    SearchObjective<Nb201Architecture> o = search(s, 100, 3);
    assertEquals(100, o.scoredCount());
    WarmupMove w = new WarmupMove(40, 10);
    SearchObjective<Nb201Architecture> p = search(w, 120, 3);
    double warmBest = p.ranking().stream().filter(a -> p.scoredAt(a) <= 40).mapToDouble(p::value).max().orElseThrow();
    assertTrue(p.value(p.ranking().get(0)) >= warmBest);
    assertEquals(72, new WarmupMove(0, 50).initPool(120), "60% of the budget by default");
  }

  @Test
  void anInterruptedSearchResumesFromTheCache(@TempDir Path dir) {
    Path file = dir.resolve("scores.tsv");
    List<Nb201Architecture> first;
    try (ScoreCache cache = ScoreCache.open(file)) {
      first = search(new WarmupMove(20, 10), List.of(new SynFlow()), 40, 9, cache).ranking();
    }
    try (ScoreCache cache = ScoreCache.open(file)) {
      int cached = cache.size();
      assertEquals(40, cached);
      // the same search with a larger budget replays the first 40 from the cache and goes on
      List<Nb201Architecture> more = search(new WarmupMove(20, 10), List.of(new SynFlow()), 60, 9, cache).ranking();
      assertEquals(60, cache.size());
      assertTrue(more.containsAll(first));
    }
  }

  @Test
  void anEnsembleIsGuidedByMeanRank() throws Exception {
    List<ZeroCostProxy> proxies = Proxies.parseList("synflow,naswot", 0);
    proxies.get(1).setBatchSize(16);
    SearchObjective<Nb201Architecture> o = search(new RandomSearch(), proxies, 20, 1, ScoreCache.open(null));
    double sum = 0;
    for (Nb201Architecture a : o.ranking()) {
      double v = o.value(a);
      assertTrue(v >= 1 && v <= 20, "mean rank " + v);
      sum += v;
    }
    // mean ranks of n items average (n + 1) / 2 per proxy, so the ensemble values do too
    assertEquals(20 * 10.5, sum, 1e-9);
  }
}
