package zcnas.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.SearchSpace;

/**
 * Scores each isomorphism class of a batch once, on the class's canonical member ({@link SearchSpace#canonical}),
 * and gives every member of the class that member's scores: NAS-Bench-201's 15,625 cells are 6,466 distinct
 * networks, and its tables give isomorphic cells the same accuracies. A member's row is then the canonical member's
 * own scores, bit for bit, whichever members the batch holds.
 */
public final class IsomorphSharing<A> implements BatchScorer<A> {
  private final BatchScorer<A> scorer;
  private final SearchSpace<A> space;

  public IsomorphSharing(BatchScorer<A> scorer, SearchSpace<A> space) {
    this.scorer = scorer;
    this.space = space;
  }

  /** The architecture whose network gave this one its scores. */
  public A scoredAs(A arch) {
    return space.canonical(arch);
  }

  @Override
  public double[][] score(List<A> archs, List<ZeroCostProxy> proxies, Consumer<String> progressSink) {
    Map<A, Integer> classRow = new LinkedHashMap<>();
    int[] rowOf = new int[archs.size()];
    for (int a = 0; a < archs.size(); a++) {
      A representative = scoredAs(archs.get(a));
      Integer row = classRow.get(representative);
      if (row == null) {
        row = classRow.size();
        classRow.put(representative, row);
      }
      rowOf[a] = row;
    }
    progressSink.accept(archs.size() + " architectures are " + classRow.size() + " isomorphism classes: scoring the "
        + "canonical member of each");
    double[][] classScores = scorer.score(new ArrayList<>(classRow.keySet()), proxies, progressSink);
    double[][] result = new double[archs.size()][];
    for (int a = 0; a < archs.size(); a++) {
      result[a] = classScores[rowOf[a]].clone();
    }
    return result;
  }

  @Override
  public void check(List<ZeroCostProxy> proxies) {
    scorer.check(proxies);
  }
}
