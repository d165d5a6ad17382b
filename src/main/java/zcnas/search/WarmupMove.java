package zcnas.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import zcnas.space.SearchSpace;

/**
 * The CRoZe authors' robust-NAS search (CRoZe, Section 4.3 / B.6): warm up by scoring a pool of random architectures and
 * start from the best; then move: score a pool of mutants of the current architecture and keep the best of the
 * current one and its mutants, until the budget is spent. The authors' settings are 3,000 / 50 of 5,000 on
 * CIFAR-10; by default the warm-up takes the same 60% of whatever budget is given.
 */
public final class WarmupMove extends SearchStrategy {
  private final int initPool;
  private final int samplePool;

  /** initPool &lt;= 0 means 60% of the budget. */
  public WarmupMove(int initPool, int samplePool) {
    this.initPool = initPool;
    this.samplePool = samplePool;
  }

  @Override
  public String name() {
    return "warmup-move";
  }

  public int initPool(int budget) {
    return initPool > 0 ? Math.min(initPool, budget) : Math.max(1, budget * 3 / 5);
  }

  @Override
  public <A> void run(SearchSpace<A> space, SearchObjective<A> objective, SplittableRandom random) {
    List<A> warm = freshSamples(space, objective, initPool(objective.budget()), random);
    objective.evaluate(warm);
    A current = objective.best(warm);
    while (current != null && !objective.exhausted()) {
      List<A> mutants = freshMutants(space, objective, current, Math.min(samplePool, objective.remaining()), random);
      if (objective.evaluate(mutants) == 0) {
        return;
      }
      List<A> candidates = new ArrayList<>(mutants);
      candidates.add(0, current);
      current = objective.best(candidates);
    }
  }
}
