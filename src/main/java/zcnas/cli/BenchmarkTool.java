package zcnas.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.Utils;
import zcnas.network.Nb201Network;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.engine.TorchEngine;
import zcnas.util.Memory;

/**
 * {@code zcnas benchmark}: architectures per second and peak resident memory of each proxy alone and of all of
 * them together on a fixed seeded sample, without the score cache.
 */
final class BenchmarkTool implements Zcnas.Tool {

  @Override
  public String usage() {
    return "usage: zcnas benchmark [-n N] [-proxies a,b] [options]\n"
        + "Times each proxy alone, then all together, on N seeded NB201 architectures (default 30; 3 more warm up).\n"
        + "Network construction is included. Peak memory is the process's resident set (Java heap and native).\n"
        + "  -n N                        architectures timed (default 30)\n"
        + "  -proxies a,b,...            (default " + ScoreTool.DEFAULT_PROXIES + "); -P \"name [options]\" as in score\n"
        + CommonOptions.USAGE;
  }

  @Override
  public int run(String[] options) throws Exception {
    CommonOptions common = new CommonOptions();
    common.parse(options);
    int n = CommonOptions.intOption(options, "n", 30);
    List<ZeroCostProxy> proxies = ScoreTool.proxies(options, common.seed);
    Utils.checkForRemainingOptions(options);
    List<Nb201Architecture> archs = Nb201Architecture.sample(n + 3, common.seed + 1);
    try (ScoringSession session = common.session()) {
      System.out.printf("benchmark: %d NB201 architectures (seed %d), dataset %s, device %s, PyTorch threads %s, "
          + "%d cores%n", n, common.seed + 1, common.dataset.id(), session.device(),
          TorchEngine.startedThreads() == 0 ? "default" : Integer.toString(TorchEngine.startedThreads()),
          Runtime.getRuntime().availableProcessors());
      System.out.printf("%-28s %6s %10s %12s %12s %14s%n", "proxy", "batch", "archs/s", "mean s/arch",
          "median s", "peak RSS MiB");
      for (ZeroCostProxy p : proxies) {
        measure(session, archs, List.of(p), p.name(), p.getBatchSize());
      }
      if (proxies.size() > 1) {
        measure(session, archs, proxies, String.join("+", ScoreTool.names(proxies)) + " (together)", -1);
      }
    }
    return 0;
  }

  private static void measure(ScoringSession session, List<Nb201Architecture> archs, List<ZeroCostProxy> proxies,
      String label, int batch) {
    Memory.resetPeak();
    double[] seconds = new double[archs.size() - 3];
    for (int a = 0; a < archs.size(); a++) {
      long t0 = System.nanoTime();
      try (ArchitectureContext context = session.open(new Nb201Network(archs.get(a), session.dataset().classes(), 32))) {
        for (ZeroCostProxy p : proxies) {
          p.score(context);
        }
      }
      if (a >= 3) {
        seconds[a - 3] = (System.nanoTime() - t0) / 1e9;
      }
    }
    double total = Arrays.stream(seconds).sum();
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    System.out.printf("%-28s %6s %10.2f %12.3f %12.3f %14s%n", label, batch < 0 ? "-" : Integer.toString(batch),
        seconds.length / total, total / seconds.length, sorted[sorted.length / 2], Memory.peakMiB());
  }
}
