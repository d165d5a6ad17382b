package zcnas.search;

import java.util.SplittableRandom;
import zcnas.network.Nb201Network;
import zcnas.network.Network;
import zcnas.space.nb201.Nb201Architecture;

/** NAS-Bench-201: the 15,625 cells, networks of the zero-cost reference variant on 32 x 32 images. */
public final class Nb201Space implements SearchSpace<Nb201Architecture> {
  @Override
  public String name() {
    return "nb201";
  }

  @Override
  public Nb201Architecture parse(String text) {
    return Nb201Architecture.parse(text);
  }

  @Override
  public Nb201Architecture sample(SplittableRandom random) {
    return Nb201Architecture.fromCode(random.nextInt(Nb201Architecture.SPACE_SIZE));
  }

  @Override
  public Nb201Architecture mutate(Nb201Architecture arch, SplittableRandom random) {
    return arch.mutate(random);
  }

  @Override
  public Network network(Nb201Architecture arch, int classes) {
    return new Nb201Network(arch, classes, 32);
  }

  @Override
  public long size() {
    return Nb201Architecture.SPACE_SIZE;
  }
}
