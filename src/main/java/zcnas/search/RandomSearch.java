package zcnas.search;

import java.util.List;
import java.util.SplittableRandom;
import zcnas.space.SearchSpace;

/** Scores distinct architectures drawn at random until the budget is spent: the baseline of every search. */
public final class RandomSearch extends SearchStrategy {
  private static final int CHUNK = 50;

  @Override
  public String name() {
    return "random";
  }

  @Override
  public <A> void run(SearchSpace<A> space, SearchObjective<A> objective, SplittableRandom random) {
    while (!objective.exhausted()) {
      List<A> batch = freshSamples(space, objective, Math.min(CHUNK, objective.remaining()), random);
      if (objective.evaluate(batch) == 0) {
        return;
      }
    }
  }
}
