package zcnas.space;

import java.util.List;
import zcnas.data.CifarDataset;

/**
 * Measured accuracies of a space's architectures (a tabular benchmark such as NAS-Bench-201's): the columns a score
 * file carries beside the proxies, each with the data set whose images its proxies are scored on.
 */
public interface Benchmark<A> {
  /** Which of a benchmark's accuracies a tool wants. */
  enum TargetSet {
    /** The CRoZe paper's targets. */
    DEFAULT,
    /** Every accuracy the tables hold. */
    ALL,
    /** The adversarially trained networks' accuracies. */
    ADVERSARIALLY_TRAINED
  }

  /** Name of the benchmark's index column, e.g. nb201_index. */
  String indexColumn();

  /** The target columns found, in order. */
  List<String> names();

  /** The data set whose images a target's proxies are scored on. */
  CifarDataset dataset(String target);

  /** The architecture's value of each target, NaN where the tables lack it. */
  double[] values(A arch);

  /** The architecture's benchmark index, -1 when it has none. */
  int index(A arch);

  /** The architecture with a benchmark index; the error names the index. */
  A architecture(int index);

  /** A benchmark without tables: no targets, no indices. */
  static <A> Benchmark<A> none() {
    return new Benchmark<>() {
      @Override
      public String indexColumn() {
        return "index";
      }

      @Override
      public List<String> names() {
        return List.of();
      }

      @Override
      public CifarDataset dataset(String target) {
        throw new IllegalArgumentException("no target " + target);
      }

      @Override
      public double[] values(A arch) {
        return new double[0];
      }

      @Override
      public int index(A arch) {
        return -1;
      }

      @Override
      public A architecture(int index) {
        throw new zcnas.util.ZcnasException("this space has no benchmark tables, so no indices");
      }
    };
  }
}
