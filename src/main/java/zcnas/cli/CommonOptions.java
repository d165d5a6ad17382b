package zcnas.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.data.DataPaths;
import zcnas.proxy.ScoringSession;
import zcnas.util.ZcnasException;

/** Options every scoring tool shares: data set and its location, device, threads, batch order. */
final class CommonOptions {
  CifarDataset dataset = CifarDataset.CIFAR10;
  Path imagesDir = DataPaths.images();
  Path benchDir = DataPaths.benchmarkTables();
  String device = "auto";
  int threads = 0;
  long seed = 0;
  ScoringSession.BatchOrder order = ScoringSession.BatchOrder.SEEDED;

  static final String USAGE =
      "  -dataset cifar10|cifar100   images the proxies see (default cifar10)\n"
      + "  -data DIR                   folder with cifar-10-batches-bin/ and cifar-100-binary/ (default "
      + "../shared/data/images, or $ZCNAS_DATA/images)\n"
      + "  -bench DIR|none             folder with the NAS-Bench-201 CSV tables (default ../shared/data/nb201)\n"
      + "  -seed S                     seed of the sample, the weights and the batches (default 0)\n"
      + "  -batches seeded|first       batch drawn with the seed, or the first records of the file (default seeded)\n"
      + "  -device auto|cpu|gpu        where PyTorch runs (default auto: the GPU when there is one)\n"
      + "  -threads N                  PyTorch intra-op threads (default 0: one per core)\n";

  void parse(String[] options) throws Exception {
    String d = Utils.getOption("dataset", options);
    if (!d.isEmpty()) {
      dataset = CifarDataset.forId(d);
    }
    String data = Utils.getOption("data", options);
    if (!data.isEmpty()) {
      imagesDir = Paths.get(data);
    }
    String bench = Utils.getOption("bench", options);
    if (!bench.isEmpty()) {
      benchDir = bench.equals("none") ? null : Paths.get(bench);
    }
    String dev = Utils.getOption("device", options);
    if (!dev.isEmpty()) {
      device = dev;
    }
    threads = intOption(options, "threads", 0);
    String s = Utils.getOption("seed", options);
    if (!s.isEmpty()) {
      seed = parseLong("seed", s);
    }
    String b = Utils.getOption("batches", options);
    if (!b.isEmpty()) {
      try {
        order = ScoringSession.BatchOrder.valueOf(b.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new ZcnasException("-batches must be seeded or first, got '" + b + "'");
      }
    }
  }

  CifarImages images() {
    return CifarImages.readTrain(dataset, imagesDir);
  }

  ScoringSession session() {
    return new ScoringSession(images(), device, threads, order);
  }

  static int intOption(String[] options, String name, int dflt) throws Exception {
    String v = Utils.getOption(name, options);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ZcnasException("-" + name + " needs an integer, got '" + v + "'");
    }
  }

  static long parseLong(String name, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ZcnasException("-" + name + " needs an integer, got '" + v + "'");
    }
  }
}
