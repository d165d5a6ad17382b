package zcnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZcnasTest {
  static final String A = "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";
  static final String B = "|skip_connect~0|+|nor_conv_1x1~0|none~1|+|none~0|none~1|nor_conv_1x1~2|";

  @Test
  void badArchitectureLineIsNamedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path archs = dir.resolve("archs.txt");
    Files.writeString(archs, "# two archs\n" + A + "\n|nor_conv_3x3~0|+|nor_conv_5x5~0|none~1|+|none~0|none~1|none~2|\n");
    String err = Tools.run(1, "score", "-archs", archs.toString(), "-o", dir.resolve("o.csv").toString(), "-cache", "none");
    assertTrue(err.contains("archs.txt:3") && err.contains("unknown op 'nor_conv_5x5'"), err);
    assertTrue(!Files.exists(dir.resolve("o.csv")));
  }

  @Test
  void dartsGenotypesAreScoredAndBadLinesNamed(@TempDir Path dir) throws Exception {
    Path archs = dir.resolve("genotypes.txt");
    String v2 = zcnas.space.darts.DartsGenotype.DARTS_V2.toString();
    Files.writeString(archs, "# DARTS_V2 twice, differently spelled\n" + v2 + "\n" + v2.replace("[2, 3, 4, 5]", "range(2, 6)")
        + "\n");
    Path out = dir.resolve("d.csv");
    Tools.run(0, "score", "-space", "darts", "-channels", "8", "-cells", "5", "-archs", archs.toString(), "-proxies",
        "synflow", "-o", out.toString(), "-cache", "none");
    List<String> lines = Files.readAllLines(out);
    assertEquals("index,arch,synflow,params", lines.get(0));
    assertEquals(3, lines.size());
    assertEquals(lines.get(1).substring(lines.get(1).indexOf(',')), lines.get(2).substring(lines.get(2).indexOf(',')));
    Files.writeString(archs, v2 + "\n" + v2.replace("sep_conv_3x3", "sep_conv_9x9") + "\n");
    String err = Tools.run(1, "score", "-space", "darts", "-archs", archs.toString(), "-o", out.toString(), "-cache", "none");
    assertTrue(err.contains("genotypes.txt:2") && err.contains("unknown op 'sep_conv_9x9'"), err);
  }

  @Test
  void usageErrorsAreOneClearLine(@TempDir Path dir) {
    assertTrue(Tools.run(1, "score", "-sample", "3", "-all", "-o", "x.csv").contains("exactly one of"));
    assertTrue(Tools.run(1, "score", "-sample", "3", "-o", "x.csv", "-proxies", "zen").contains("unknown proxy 'zen'"));
    assertTrue(Tools.run(1, "score", "-sample", "3", "-o", "x.csv", "-device", "gpu", "-cache", "none",
        "-proxies", "synflow").contains("no CUDA GPU"));
    assertTrue(Tools.run(1, "score", "-sample", "2", "-o", "x.csv", "-data", dir.toString()).contains("CIFAR file not found"));
    assertTrue(Tools.run(2, "frobnicate").contains("unknown tool"));
  }

  @Test
  void benchmarkArffKeepsOneArchitecturePerIsomorphismClassAndDerivesHrs(@TempDir Path dir) throws Exception {
    Path arff = dir.resolve("unique.arff");
    Tools.run(0, "arff", "-unique", "-o", arff.toString());
    weka.core.Instances data = weka.core.converters.ConverterUtils.DataSource.read(arff.toString());
    assertEquals(6466, data.numInstances());
    java.util.Set<String> archs = new java.util.HashSet<>();
    for (int i = 0; i < data.numInstances(); i++) {
      archs.add(data.instance(i).stringValue(data.attribute("arch")));
      double clean = data.instance(i).value(data.attribute("cifar10_test_acc"));
      double fgsm = data.instance(i).value(data.attribute("cifar10_fgsm_eps8_acc"));
      double hrs = data.instance(i).value(data.attribute("cifar10_hrs_fgsm_eps8"));
      assertEquals(clean + fgsm == 0 ? 0 : 2 * clean * fgsm / (clean + fgsm), hrs, 1e-6);
    }
    assertEquals(6466, archs.size());
    Tools.run(0, "arff", "-sample", "50", "-seed", "3", "-connected", "-full", "-o", dir.resolve("s.arff").toString());
    weka.core.Instances s = weka.core.converters.ConverterUtils.DataSource.read(dir.resolve("s.arff").toString());
    assertEquals(50, s.numInstances());
    assertTrue(s.attribute("cifar10_advtrained_autoattack_acc") != null && s.attribute("cifar100_pgd_eps1_acc") != null);
    assertTrue(Tools.run(1, "arff", "-sample", "5", "-o", "x.arff", "-bench", dir.toString()).contains("no NAS-Bench-201 table"));
  }

  @Test
  void scoresWritesBothFilesAndResumesFromTheCache(@TempDir Path dir) throws Exception {
    Path archs = dir.resolve("archs.txt");
    Files.writeString(archs, A + "\n" + B + "\n");
    Path out = dir.resolve("scores.csv");
    Path cache = dir.resolve("cache.tsv");
    String[] args = {"score", "-archs", archs.toString(), "-proxies", "synflow,snip", "-P", "naswot -B 16",
        "-o", out.toString(), "-cache", cache.toString(), "-seed", "3"};
    Tools.run(0, args);
    List<String> lines = Files.readAllLines(out);
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("nb201_index,arch,synflow,snip,naswot,cifar10_test_acc"), lines.get(0));
    assertTrue(lines.get(1).contains(A));
    assertTrue(Files.exists(dir.resolve("scores.arff")));
    List<String> cached = Files.readAllLines(cache);
    assertEquals(6, cached.size());
    // A second run finds every score in the cache: nothing is computed or appended, and the output is identical.
    Tools.run(0, args);
    assertEquals(cached, Files.readAllLines(cache));
    assertEquals(lines, Files.readAllLines(out));
    String table = CorrelateTool.format(zcnas.score.ScoreTable.read(out), List.of("snip"), List.of("cifar10_test_acc"));
    assertTrue(table.contains("snip"), table);
  }

  @Test
  void sharedIsomorphsGetTheirCanonicalMembersScoresAndIndex(@TempDir Path dir) throws Exception {
    // the first two cells are isomorphic (node 1 receives nothing, so what leaves it is dead)
    String iso1 = "|none~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";
    String iso2 = "|none~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|";
    Path archs = dir.resolve("archs.txt");
    Files.writeString(archs, iso1 + "\n" + iso2 + "\n" + A + "\n");
    Path shared = dir.resolve("shared.csv");
    Tools.run(0, "score", "-archs", archs.toString(), "-proxies", "synflow", "-isomorphs", "share", "-o",
        shared.toString(), "-cache", "none");
    zcnas.score.ScoreTable t = zcnas.score.ScoreTable.read(shared);
    assertTrue(t.numericColumns().contains("scored_as"), t.numericColumns().toString());
    assertEquals(t.column("synflow")[0], t.column("synflow")[1]);
    assertEquals(t.column("scored_as")[0], t.column("scored_as")[1]);
    // the canonical member scored on its own gives the shared score, and its index is the label
    zcnas.space.nb201.Nb201Space space = new zcnas.space.nb201.Nb201Space();
    String canonical = space.canonical(space.parse(iso1)).toString();
    Path one = dir.resolve("canonical.txt");
    Files.writeString(one, canonical + "\n");
    Path own = dir.resolve("own.csv");
    Tools.run(0, "score", "-archs", one.toString(), "-proxies", "synflow", "-o", own.toString(), "-cache", "none");
    zcnas.score.ScoreTable o = zcnas.score.ScoreTable.read(own);
    assertEquals(o.column("synflow")[0], t.column("synflow")[0]);
    assertEquals(Double.parseDouble(Files.readAllLines(own).get(1).split(",")[0]), t.column("scored_as")[0]);
    assertFalse(CorrelateTool.format(t, List.of("synflow"), List.of("cifar10_test_acc")).isEmpty());
    assertTrue(Tools.run(1, "score", "-archs", archs.toString(), "-isomorphs", "some", "-o", shared.toString())
        .contains("-isomorphs takes each or share, got 'some'"));
    assertTrue(Tools.run(1, "score", "-archs", archs.toString(), "-isomorphs", "share", "-bench", "none", "-o",
        shared.toString()).contains("needs a space with benchmark tables"));
  }
}
