package zcnas.space.nb201;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import zcnas.data.CifarDataset;
import zcnas.network.Network;
import zcnas.space.Benchmark;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;

/** NAS-Bench-201: the 15,625 cells, as networks of the zero-cost reference variant. */
public final class Nb201Space implements SearchSpace<Nb201Architecture> {
  public static final String ID = "nb201";
  public static final Spaces.Factory FACTORY = new Spaces.Factory() {
    @Override
    public SearchSpace<?> create(String[] options) {
      return new Nb201Space();
    }

    @Override
    public String usage() {
      return "  nb201: NB201 strings |op~0|+|op~0|op~1|+|op~0|op~1|op~2|, 15,625 cells; no options\n";
    }
  };

  /** The lowest-coded member of each isomorphism class, by canonical form; built on first use. */
  private static Map<String, Nb201Architecture> representatives;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return ID;
  }

  @Override
  public Nb201Architecture parse(String text) {
    return Nb201Architecture.parse(text);
  }

  @Override
  public boolean looksLike(String text) {
    return text != null && text.trim().startsWith("|");
  }

  @Override
  public Nb201Architecture sample(SplittableRandom random) {
    return Nb201Architecture.fromCode(random.nextInt(Nb201Architecture.SPACE_SIZE));
  }

  /** n distinct cells in a seeded shuffle of the whole space. */
  @Override
  public List<Nb201Architecture> sample(int n, long seed) {
    return Nb201Architecture.sample(n, seed);
  }

  @Override
  public Nb201Architecture mutate(Nb201Architecture arch, SplittableRandom random) {
    return arch.mutate(random);
  }

  @Override
  public long size() {
    return Nb201Architecture.SPACE_SIZE;
  }

  @Override
  public List<Nb201Architecture> enumerate() {
    return Nb201Architecture.enumerate();
  }

  @Override
  public Nb201Architecture canonical(Nb201Architecture arch) {
    return representatives().get(arch.canonicalForm());
  }

  private static synchronized Map<String, Nb201Architecture> representatives() {
    if (representatives == null) {
      Map<String, Nb201Architecture> m = new HashMap<>();
      for (Nb201Architecture a : Nb201Architecture.enumerate()) {
        m.putIfAbsent(a.canonicalForm(), a);
      }
      representatives = m;
    }
    return representatives;
  }

  @Override
  public boolean hasBenchmark() {
    return true;
  }

  @Override
  public Benchmark<Nb201Architecture> benchmark(Path folder, Benchmark.TargetSet targets, boolean required) {
    List<Nb201Targets.Target> wanted = switch (targets) {
      case DEFAULT -> Nb201Targets.DEFAULT;
      case ALL -> Nb201Targets.ALL;
      case ADVERSARIALLY_TRAINED -> Nb201Targets.ADVERSARIALLY_TRAINED;
    };
    return required ? Nb201Targets.require(folder, wanted) : Nb201Targets.load(folder, wanted);
  }

  @Override
  public Network network(Nb201Architecture arch, CifarDataset images) {
    return new Nb201Network(arch, images.classes(), images.imageSize());
  }
}
