package zcnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.space.darts.DartsGenotype;

/** Bad input is a clear error naming the option or the place, found before any scoring starts. */
class BadInputTest {
  static final String A = "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";

  static String fails(String expected, String... args) {
    String text = Tools.run(1, args);
    assertTrue(text.contains(expected), "expected '" + expected + "' in: " + text);
    assertFalse(text.contains("\tat "), "no stack trace: " + text);
    return text;
  }

  @Test
  void aBenchmarkFolderThatIsMissingOrEmptyIsNamed(@TempDir Path dir) {
    String o = dir.resolve("o.csv").toString();
    fails("-bench " + dir.resolve("nowhere") + ": no such folder", "score", "-sample", "2", "-bench",
        dir.resolve("nowhere").toString(), "-o", o);
    fails("none of the NAS-Bench-201 tables", "score", "-sample", "2", "-bench", dir.toString(), "-o", o);
  }

  @Test
  void countsAndThreadsAreBounded(@TempDir Path dir) {
    String o = dir.resolve("o.csv").toString();
    fails("-sample must be between 1 and 15625", "score", "-sample", "0", "-o", o);
    fails("-sample must be between 1 and 15625", "score", "-sample", "4294967298", "-o", o);
    fails("-sample must be between 1 and", "score", "-space", "darts", "-sample", "-5", "-o", o);
    fails("-threads must be 0 (one per core) to", "score", "-sample", "2", "-threads", "100000", "-o", o);
    fails("-threads must be 0 (one per core) to", "score", "-sample", "2", "-threads", "-3", "-o", o);
    fails("empty proxy name", "score", "-sample", "2", "-proxies", ",", "-o", o);
    fails("-budget must be at least 1", "search", "-budget", "0", "-o", o);
  }

  @Test
  void fewShotLabelledCountsAreCheckedBeforeAnyScoring(@TempDir Path dir) {
    String out = dir.toString();
    fails("-labelled 10,5: counts must ascend, each between 2 and 57 (the pool -n 60 less 3 held out)",
        "experiment", "fewshot", "-quick", "-labelled", "10,5", "-out", out);
    fails("-labelled 10,58: counts must ascend", "experiment", "fewshot", "-quick", "-labelled", "10,58", "-out", out);
    fails("-labelled 10,x: 'x' is not a whole number", "experiment", "fewshot", "-labelled", "10,x", "-out", out);
    fails("-labelled applies to the fewshot experiment only", "experiment", "correlation", "-labelled", "10",
        "-out", out);
  }

  @Test
  void proxyOptionsNameTheProxyAndTheValue(@TempDir Path dir) {
    String o = dir.resolve("o.csv").toString();
    fails("proxy 'croze -beta abc': -beta needs a number, got 'abc'", "score", "-sample", "2", "-P", "croze -beta abc",
        "-o", o);
    fails("-beta must be a finite number", "score", "-sample", "2", "-P", "croze -beta NaN", "-o", o);
  }

  @Test
  void anOutputThatCannotBeWrittenIsFoundBeforeAnyScoring(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "");
    long t0 = System.nanoTime();
    fails("cannot write output " + file.resolve("o.csv"), "score", "-sample", "500", "-proxies", "croze", "-o",
        file.resolve("o.csv").toString(), "-cache", "none");
    assertTrue((System.nanoTime() - t0) / 1e9 < 20, "the check comes before scoring 500 architectures");
  }

  @Test
  void aByteOrderMarkIsIgnoredAndAnotherSpacesNotationIsNamed(@TempDir Path dir) throws Exception {
    Path archs = dir.resolve("archs.txt");
    Files.write(archs, ("\uFEFF" + A + "\n").getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve("o.csv");
    Tools.run(0, "score", "-archs", archs.toString(), "-proxies", "synflow", "-o", out.toString(), "-cache", "none");
    assertTrue(Files.readAllLines(out).get(1).contains(A));
    Files.writeString(archs, DartsGenotype.DARTS_V2 + "\n");
    fails("use -space darts", "score", "-archs", archs.toString(), "-o", out.toString(), "-cache", "none");
    Files.writeString(archs, A.replace("nor_conv_1x1", "nor_conv_1x1\u200B") + "\n");
    fails("\\u200B", "score", "-archs", archs.toString(), "-o", out.toString(), "-cache", "none");
  }

  @Test
  void outputFilesGetTheUmasksPermissions(@TempDir Path dir) throws Exception {
    Path archs = Files.writeString(dir.resolve("archs.txt"), A + "\n");
    Path out = dir.resolve("o.csv");
    Tools.run(0, "score", "-archs", archs.toString(), "-proxies", "synflow", "-o", out.toString(), "-cache", "none");
    String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("x"))));
    assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("o.arff"))));
  }

  @Test
  void helpGoesToStandardOutput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(0, Zcnas.run(new String[] {"-h"}, o, e));
    String tools = out.toString(StandardCharsets.UTF_8);
    for (String tool : List.of("score", "correlate", "benchmark", "arff", "experiment", "experimenter", "search")) {
      assertTrue(tools.contains("  " + tool + " "), tools);
    }
    assertTrue(tools.contains("proxy-guided architecture search"), tools);
    assertEquals(0, Zcnas.run(new String[] {"score", "-P", "naswot -h"}, o, e));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("-B <size>"), out.toString(StandardCharsets.UTF_8));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    String search = Tools.run(0, "search", "-h");
    assertEquals(search.indexOf("  -seed "), search.lastIndexOf("  -seed "), search);
    String arff = Tools.run(0, "arff", "-h");
    assertTrue(arff.contains("  -seed S") && arff.contains("  -o OUT.arff"), arff);
  }
}
