package zcnas.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCacheTest {
  @Test
  void scoresSurviveReopeningAndATornLastLineIsIgnored(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("sub/scores.tsv");
    String k1 = ScoreCache.key("snip -B 64", "cifar10", "nb201", "|a|");
    String k2 = ScoreCache.key("naswot -B 128", "cifar10", "nb201", "|a|");
    try (ScoreCache c = ScoreCache.open(f)) {
      c.put(k1, 1.25);
      c.put(k2, Double.NEGATIVE_INFINITY);
    }
    Files.writeString(f, "v1 torn line without a val", StandardOpenOption.APPEND);
    try (ScoreCache c = ScoreCache.open(f)) {
      assertEquals(2, c.size());
      assertEquals(1.25, c.get(k1));
      assertEquals(Double.NEGATIVE_INFINITY, c.get(k2));
      assertNull(c.get(ScoreCache.key("snip -B 32", "cifar10", "nb201", "|a|")));
    }
  }
}
