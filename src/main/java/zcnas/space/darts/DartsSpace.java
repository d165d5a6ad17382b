package zcnas.space.darts;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.network.Network;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.ZcnasException;

/**
 * The DARTS space: genotypes of four-node cells, scored as NetworkCIFAR with C initial channels and L cells.
 * Like the authors' sampler, draws larger than a parameter cap (6 M at C = 36, L = 20) are rejected and drawn again.
 */
public final class DartsSpace implements SearchSpace<DartsGenotype> {
  public static final String ID = "darts";
  public static final double DEFAULT_MAX_MILLIONS = 6;
  public static final Spaces.Factory FACTORY = new Spaces.Factory() {
    @Override
    public SearchSpace<?> create(String[] options) throws Exception {
      int channels = positive(options, "channels", DartsNetwork.DEFAULT_CHANNELS);
      int cells = positive(options, "cells", DartsNetwork.DEFAULT_CELLS);
      String m = Utils.getOption("max-params", options);
      double millions;
      try {
        millions = m.isEmpty() ? DEFAULT_MAX_MILLIONS : Double.parseDouble(m.trim());
      } catch (NumberFormatException e) {
        throw new ZcnasException("-max-params needs a number of millions, got '" + m + "'");
      }
      if (!(millions > 0) || Double.isInfinite(millions)) {
        throw new ZcnasException("-max-params must be a positive number of millions, got '" + m + "'");
      }
      return new DartsSpace(channels, cells, Math.round(millions * 1e6));
    }

    @Override
    public String usage() {
      return "  darts: genotypes in the DARTS notation Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=...,\n"
          + "         reduce=[...], reduce_concat=...); networks are NetworkCIFAR:\n"
          + "    -channels C                initial channels (default " + DartsNetwork.DEFAULT_CHANNELS + ")\n"
          + "    -cells L                   cells (default " + DartsNetwork.DEFAULT_CELLS + ")\n"
          + "    -max-params M              draws and mutants above M million parameters are drawn again (default "
          + (int) DEFAULT_MAX_MILLIONS + ")\n";
    }
  };
  private static final int MAX_DRAWS = 1000;
  private final int channels;
  private final int cells;
  private final long maxParameters;

  public DartsSpace(int channels, int cells, long maxParameters) {
    this.channels = channels;
    this.cells = cells;
    this.maxParameters = maxParameters;
  }

  private static int positive(String[] options, String name, int dflt) throws Exception {
    String v = Utils.getOption(name, options);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1 && n <= 4096) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ZcnasException("-" + name + " must be an integer between 1 and 4096, got '" + v + "'");
  }

  @Override
  public String id() {
    return ID;
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
  public boolean looksLike(String text) {
    return text != null && text.trim().startsWith("Genotype");
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

  @Override
  public long size() {
    return Long.MAX_VALUE;
  }

  @Override
  public Network network(DartsGenotype arch, CifarDataset images) {
    return new DartsNetwork(arch, images.classes(), images.imageSize(), channels, cells);
  }
}
