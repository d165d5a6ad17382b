package zcnas.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCacheTest {
  static final String K1 = ScoreCache.key("snip -B 64", "cifar10", "nb201", "|a|");
  static final String K2 = ScoreCache.key("naswot -B 128", "cifar10", "nb201", "|a|");

  static void write(Path f, String key, double value) {
    try (ScoreCache c = ScoreCache.open(f)) {
      c.put(key, value);
    }
  }

  @Test
  void scoresSurviveReopening(@TempDir Path dir) {
    Path f = dir.resolve("sub/scores.tsv");
    write(f, K1, 6.000429508123);
    write(f, K2, Double.NEGATIVE_INFINITY);
    try (ScoreCache c = ScoreCache.open(f)) {
      assertEquals(2, c.size());
      assertEquals(6.000429508123, c.get(K1));
      assertEquals(Double.NEGATIVE_INFINITY, c.get(K2));
      assertNull(c.get(ScoreCache.key("snip -B 32", "cifar10", "nb201", "|a|")));
    }
  }

  @Test
  void aRecordCutInsideItsNumberIsNeverServed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("scores.tsv");
    write(f, K2, 1.5);
    write(f, K1, 6.000429508123);
    for (int cut = 1; cut <= 20; cut++) {
      Path copy = dir.resolve("cut" + cut + ".tsv");
      Files.copy(f, copy);
      try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
        ch.truncate(ch.size() - cut);
      }
      try (ScoreCache c = ScoreCache.open(copy)) {
        assertNull(c.get(K1), "cut by " + cut + " bytes");
        assertEquals(1.5, c.get(K2));
      }
    }
  }

  @Test
  void aTornLastRecordIsEndedBeforeTheNextOneIsAppended(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("scores.tsv");
    write(f, K2, 1.5);
    Files.writeString(f, "r3 torn rec", StandardOpenOption.APPEND);
    write(f, K1, 2.5);
    try (ScoreCache c = ScoreCache.open(f)) {
      assertEquals(2, c.size());
      assertEquals(2.5, c.get(K1));
    }
  }

  @Test
  void damagedLinesAreSkippedAndTheRestIsRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("scores.tsv");
    write(f, K1, 2.5);
    byte[] junk = {(byte) 0xff, (byte) 0xfe, 0, 7, '\t', (byte) 0xc3, '\n'};
    Files.write(f, junk, StandardOpenOption.APPEND);
    // a well-formed line whose value was altered after it was written: the checksum no longer matches
    String good = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).split("\n")[0];
    Files.writeString(f, good.replace("2.5", "9.5") + "\n", StandardOpenOption.APPEND);
    write(f, K2, -1.0);
    try (ScoreCache c = ScoreCache.open(f)) {
      assertEquals(2, c.size());
      assertEquals(2.5, c.get(K1));
      assertEquals(-1.0, c.get(K2));
    }
  }

  @Test
  void nanIsNotAScore(@TempDir Path dir) {
    Path f = dir.resolve("scores.tsv");
    write(f, K1, Double.NaN);
    try (ScoreCache c = ScoreCache.open(f)) {
      assertNull(c.get(K1));
      assertEquals(0, c.size());
    }
  }
}
