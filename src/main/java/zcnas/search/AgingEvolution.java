package zcnas.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import zcnas.space.SearchSpace;

/**
 * Regularised (aging) evolution (Real et al. 2019) as Abdelfattah et al. run it with proxies: a population of
 * random architectures; each step picks the best of a random tournament, scores one unscored mutant of it, adds
 * it to the population and removes the oldest member.
 */
public final class AgingEvolution extends SearchStrategy {
  private final int population;
  private final int tournament;

  public AgingEvolution(int population, int tournament) {
    this.population = population;
    this.tournament = tournament;
  }

  @Override
  public String name() {
    return "evolution";
  }

  @Override
  public <A> void run(SearchSpace<A> space, SearchObjective<A> objective, SplittableRandom random) {
    List<A> initial = freshSamples(space, objective, Math.min(population, objective.remaining()), random);
    objective.evaluate(initial);
    Deque<A> alive = new ArrayDeque<>(initial);
    while (!objective.exhausted() && !alive.isEmpty()) {
      List<A> members = new ArrayList<>(alive);
      List<A> contestants = new ArrayList<>();
      int k = Math.min(tournament, members.size());
      // k distinct members, drawn by a partial Fisher-Yates shuffle
      for (int i = 0; i < k; i++) {
        int j = i + random.nextInt(members.size() - i);
        A t = members.get(i);
        members.set(i, members.get(j));
        members.set(j, t);
        contestants.add(members.get(i));
      }
      A parent = objective.best(contestants);
      List<A> child = freshMutants(space, objective, parent, 1, random);
      if (objective.evaluate(child) == 0) {
        return;
      }
      alive.addLast(child.get(0));
      if (alive.size() > population) {
        alive.removeFirst();
      }
    }
  }
}
