package zcnas.search;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import zcnas.network.DartsNetwork;
import zcnas.network.Network;
import zcnas.space.darts.DartsGenotype;
import zcnas.util.ZcnasException;

/**
 * The DARTS space: genotypes of four-node cells, scored as NetworkCIFAR with C initial channels and L cells.
 * Like the seed's sampler, draws larger than a parameter cap (6 M at C = 36, L = 20) are rejected and drawn again.
 */
public final class DartsSpace implements SearchSpace<DartsGenotype> {
  private static final int MAX_DRAWS = 1000;
  private final int channels;
  private final int cells;
  private final long maxParameters;

  public DartsSpace(int channels, int cells, long maxParameters) {
    this.channels = channels;
    this.cells = cells;
    this.maxParameters = maxParameters;
  }

  @Override
  public String name() {
    // the network's size is part of what a score means
    return "darts C=" + channels + " L=" + cells;
  }

  @Override
  public DartsGenotype parse(String text) {
    return DartsGenotype.parse(text);
  }

  @Override
  public DartsGenotype sample(SplittableRandom random) {
    return withinCap(() -> DartsGenotype.sample(random));
  }

  @Override
  public DartsGenotype mutate(DartsGenotype arch, SplittableRandom random) {
    return withinCap(() -> arch.mutate(random));
  }

  private DartsGenotype withinCap(Supplier<DartsGenotype> draw) {
    for (int i = 0; i < MAX_DRAWS; i++) {
      DartsGenotype g = draw.get();
      if (parameters(g) <= maxParameters) {
        return g;
      }
    }
    throw new ZcnasException("no DARTS genotype within " + maxParameters + " parameters in " + MAX_DRAWS
        + " draws at C=" + channels + " L=" + cells + ": raise -max-params");
  }

  /** Parameters of the genotype's network as PyTorch counts them (10 classes). */
  public long parameters(DartsGenotype g) {
    return new DartsNetwork(g, 10, 32, channels, cells).parameterCount();
  }

  @Override
  public Network network(DartsGenotype arch, int classes) {
    return new DartsNetwork(arch, classes, 32, channels, cells);
  }

  @Override
  public long size() {
    return Long.MAX_VALUE;
  }
}
