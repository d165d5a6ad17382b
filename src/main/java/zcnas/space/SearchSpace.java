package zcnas.space;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import zcnas.data.CifarDataset;
import zcnas.network.Network;
import zcnas.util.ZcnasException;

/**
 * A space of architectures, as every tool, the search and the Weka classes see it: the notation (parse and print),
 * random draws and neighbours, enumeration where the space is finite, a canonical form for isomorphism, and the
 * network the proxies score. Architectures must have value equality and print in the notation {@link #parse} reads.
 */
public interface SearchSpace<A> {
  /** The space's identifier on the command line: nb201, darts. */
  String id();

  /** Identifies the space with every setting that changes the network (for the score cache), e.g. "darts C=36 L=20". */
  String name();

  /** Reads an architecture in the space's notation; errors name what is wrong. */
  A parse(String text);

  /** Whether text is written in this space's notation (well-formed or not): used to name the right space in errors. */
  boolean looksLike(String text);

  /** One architecture drawn at random (draws may repeat). */
  A sample(SplittableRandom random);

  /** n architectures drawn with the seed, the same list for the same seed (distinct ones in a finite space). */
  default List<A> sample(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<A> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(sample(random));
    }
    return out;
  }

  /** A neighbour: the architecture with one small change (one op or one input). */
  A mutate(A arch, SplittableRandom random);

  /** Number of architectures, or {@link Long#MAX_VALUE} when it cannot be exhausted. */
  long size();

  /** Every architecture, in the space's own order; only for a finite space. */
  default List<A> enumerate() {
    throw new ZcnasException("the " + id() + " space cannot be enumerated");
  }

  /**
   * A representative of the architecture's isomorphism class: two architectures that compute the same function
   * (up to the weights) have the same canonical form. The default treats every architecture as its own class.
   */
  default A canonical(A arch) {
    return arch;
  }

  /** Whether the space has benchmark tables ({@link #benchmark}). */
  default boolean hasBenchmark() {
    return false;
  }

  /**
   * The space's benchmark tables in a folder (null: none), with the wanted targets; when required, a folder without
   * them is an error naming it. Spaces without a tabular benchmark have none.
   */
  default Benchmark<A> benchmark(Path folder, Benchmark.TargetSet targets, boolean required) {
    if (required) {
      throw new ZcnasException("the " + id() + " space has no benchmark tables (drop -bench)");
    }
    return Benchmark.none();
  }

  /** The network the proxies score, for the data set's classes and image size. */
  Network network(A arch, CifarDataset images);

  /** Parameters of the architecture's network as PyTorch counts them (10 classes, 32 x 32 images). */
  default long parameters(A arch) {
    return network(arch, CifarDataset.CIFAR10).parameterCount();
  }
}
