package zcnas.search;

import java.util.SplittableRandom;
import zcnas.network.Network;

/** A space of architectures as the search strategies see it. Architectures must have value equality. */
public interface SearchSpace<A> {
  /** The space's name in the score cache and on the command line. */
  String name();

  /** Reads an architecture in the space's own notation (its toString); errors name what is wrong. */
  A parse(String text);

  /** One architecture drawn at random (draws may repeat). */
  A sample(SplittableRandom random);

  /** A neighbour: the architecture with one small change (one op or one input). */
  A mutate(A arch, SplittableRandom random);

  /** The network the proxies score. */
  Network network(A arch, int classes);

  /** Number of architectures, or {@link Long#MAX_VALUE} when it cannot be exhausted. */
  long size();
}
