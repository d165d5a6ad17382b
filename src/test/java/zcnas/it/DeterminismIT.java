package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives the same scores bit for bit in every process: three JVMs score conv-heavy NB201 cells with
 * every proxy at the default thread count, and their caches (full-precision values) must be identical. Before DJL's
 * freed scalar operands were fixed, SynFlow differed by up to 40% between processes.
 */
class DeterminismIT {
  static final List<String> ARCHS = List.of(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
      "|nor_conv_1x1~0|+|avg_pool_3x3~0|skip_connect~1|+|skip_connect~0|none~1|nor_conv_3x3~2|",
      "|nor_conv_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_3x3~1|nor_conv_1x1~2|",
      "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");

  /** key -> value of every record of a cache file (the checksum column dropped). */
  static Map<String, String> records(Path cache) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(cache)) {
      String[] f = line.split("\t");
      out.put(f[0], f[1]);
    }
    return out;
  }

  @Test
  void threeProcessesGiveBitIdenticalScores(@TempDir Path dir) throws Exception {
    Path archs = Files.write(dir.resolve("archs.txt"), ARCHS);
    Map<String, String> first = null;
    for (int run = 0; run < 3; run++) {
      Path cache = dir.resolve("cache" + run + ".tsv");
      Processes.Result r = Processes.run(Map.of("ZCNAS_DATA", System.getProperty("zcnas.data")), 600, "bin/zcnas",
          "score", "-archs", archs.toString(), "-proxies", "gradnorm,snip,synflow,naswot,croze", "-P",
          "croze -variant paper", "-seed", "0", "-bench", "none", "-cache", cache.toString(), "-o",
          dir.resolve("out" + run + ".csv").toString());
      assertEquals(0, r.status(), r.output());
      Map<String, String> scores = records(cache);
      assertEquals(ARCHS.size() * 6, scores.size(), scores.toString());
      if (first == null) {
        first = scores;
      } else {
        assertEquals(first, scores, "process " + run + " differs from process 0");
      }
    }
    assertTrue(first.values().stream().allMatch(v -> !v.contains("NaN")), first.toString());
  }
}
