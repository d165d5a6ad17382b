package zcnas.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import zcnas.space.SearchSpace;
import zcnas.util.ZcnasException;

/** How a search spends its budget. Strategies are deterministic given the random source and the scores. */
public abstract class SearchStrategy {
  /** Mutation radius beyond which a search gives up on neighbours and draws at random. */
  private static final int MAX_RADIUS = 8;
  private static final int TRIES_PER_WANTED = 20;

  public abstract String name();

  /** Spends the objective's budget (or stops early when the space is exhausted). */
  public abstract <A> void run(SearchSpace<A> space, SearchObjective<A> objective, SplittableRandom random);

  /** Up to n distinct architectures drawn at random that are not scored yet. */
  protected static <A> List<A> freshSamples(SearchSpace<A> space, SearchObjective<A> objective, int n,
      SplittableRandom random) {
    Set<A> out = new LinkedHashSet<>();
    long unscored = space.size() - objective.scoredCount();
    int wanted = (int) Math.min(n, unscored);
    long tries = 0;
    // enough draws to find the last unscored architectures of a small space (coupon collector: about N ln N)
    long maxTries = 1000L + 100L * wanted + (space.size() < Long.MAX_VALUE ? 20L * space.size() : 0);
    while (out.size() < wanted && tries++ < maxTries) {
      A a = space.sample(random);
      if (!objective.isScored(a)) {
        out.add(a);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Up to n distinct unscored neighbours of a parent: one mutation away, or when all of those are scored (a local
   * optimum of a small space such as NB201, 24 neighbours) two, three, ... mutations away; random fresh draws
   * when even those run out.
   */
  protected static <A> List<A> freshMutants(SearchSpace<A> space, SearchObjective<A> objective, A parent, int n,
      SplittableRandom random) {
    for (int radius = 1; radius <= MAX_RADIUS; radius++) {
      Set<A> out = new LinkedHashSet<>();
      for (int t = 0; t < TRIES_PER_WANTED * n && out.size() < n; t++) {
        A a = parent;
        for (int r = 0; r < radius; r++) {
          a = space.mutate(a, random);
        }
        if (!objective.isScored(a) && !a.equals(parent)) {
          out.add(a);
        }
      }
      if (!out.isEmpty()) {
        return new ArrayList<>(out);
      }
    }
    return freshSamples(space, objective, n, random);
  }

  /** The strategy for a command-line name. */
  public static SearchStrategy forName(String name, int initPool, int samplePool, int population, int tournament) {
    switch (name) {
      case "random":
        return new RandomSearch();
      case "warmup-move":
        return new WarmupMove(initPool, samplePool);
      case "evolution":
      case "aging-evolution":
        return new AgingEvolution(population, tournament);
      default:
        throw new ZcnasException("unknown search strategy '" + name + "' (use random, warmup-move or evolution)");
    }
  }
}
