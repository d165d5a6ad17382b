package zcnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -master's and -workers' option handling, shared by score, search and experiment; the space's own options kept for
 * executors.
 */
class ScorersTest {
  @Test
  void masterIsReadOnceAndAnEmptyOneIsNamed(@TempDir Path dir) throws Exception {
    String[] options = {"-master", "local[2]", "-o", "x.csv"};
    assertEquals(new Scorers.Placement("local[2]", 1), Scorers.placement(options, new CommonOptions()));
    assertEquals("", options[0]);
    assertNull(Scorers.placement(new String[] {"-o", "x.csv"}, new CommonOptions()).master());
    String o = dir.resolve("x.csv").toString();
    for (String tool : List.of("score", "search")) {
      assertTrue(Tools.run(1, tool, "-master", "", "-o", o).contains("-master needs a Spark master URL"));
    }
    assertTrue(Tools.run(1, "experiment", "correlation", "-master", " ", "-out", dir.toString())
        .contains("-master needs a Spark master URL"));
  }

  @Test
  void workersTakeOneThreadEachUnlessThreadsAreGivenAndAreNotForSpark(@TempDir Path dir) throws Exception {
    CommonOptions common = new CommonOptions();
    common.parse(new String[0]);
    assertEquals(new Scorers.Placement(null, 2), Scorers.placement(new String[] {"-workers", "2"}, common));
    assertEquals(1, common.threads);
    CommonOptions two = new CommonOptions();
    two.parse(new String[] {"-threads", "2"});
    Scorers.placement(new String[] {"-workers", "2"}, two);
    assertEquals(2, two.threads);
    CommonOptions one = new CommonOptions();
    one.parse(new String[0]);
    assertEquals(new Scorers.Placement(null, 1), Scorers.placement(new String[0], one));
    assertEquals(0, one.threads, "one worker keeps the engine's default threads");
    String o = dir.resolve("x.csv").toString();
    assertTrue(Tools.run(1, "score", "-workers", "0", "-sample", "1", "-o", o).contains("-workers must be between 1 "));
    assertTrue(Tools.run(1, "score", "-workers", "2", "-master", "local[2]", "-sample", "1", "-o", o)
        .contains("-workers is for scoring in this process"));
  }

  @Test
  void theSpaceKeepsTheOptionsItsFactoryRead() throws Exception {
    String[] options = {"-o", "x.csv", "-space", "darts", "-channels", "8", "-seed", "3", "-cells", "5"};
    CommonOptions common = new CommonOptions();
    assertEquals("darts C=8 L=5", common.space(options).name());
    assertEquals(List.of("-channels", "8", "-cells", "5"), common.spaceOptions);
    CommonOptions nb201 = new CommonOptions();
    nb201.space(new String[] {"-o", "x.csv"});
    assertTrue(nb201.spaceOptions.isEmpty());
  }

  @Test
  void withMasterThreadsAreThoseOfEachTaskAndNotBoundByThisMachine() throws Exception {
    CommonOptions common = new CommonOptions();
    common.parse(new String[] {"-threads", "64", "-master", "spark://head:7077"});
    assertEquals(64, common.threads);
    assertTrue(Tools.run(1, "score", "-threads", "64", "-sample", "1", "-o", "x.csv").contains("-threads must be 0 "));
  }
}
