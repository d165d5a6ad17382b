package zcnas.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

class ScoreTableTest {
  @Test
  void csvAndArffRoundTripThroughWeka(@TempDir Path dir) throws Exception {
    ScoreTable t = new ScoreTable("nb201_index", List.of("snip", "naswot", "cifar10_test_acc"));
    t.add(3, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", new double[] {0.5, Double.NEGATIVE_INFINITY, 10});
    t.add(7, "|skip_connect~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|", new double[] {1.5e30, 12.25, 80.5});
    Path csv = dir.resolve("s.csv");
    Path arff = dir.resolve("s.arff");
    t.writeCsv(csv);
    t.writeArff(arff, "scores");
    List<String> lines = Files.readAllLines(csv);
    assertEquals("nb201_index,arch,snip,naswot,cifar10_test_acc", lines.get(0));
    assertTrue(lines.get(1).contains("-Infinity"), lines.get(1));
    Instances data = DataSource.read(arff.toString());
    assertEquals(2, data.numInstances());
    assertEquals(5, data.numAttributes());
    assertTrue(data.attribute("arch").isString());
    assertEquals("|skip_connect~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|", data.instance(1).stringValue(1));
    assertEquals(1.5e30, data.instance(1).value(2), 1e21);
    assertTrue(data.instance(0).isMissing(3));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file may be left behind");
    }
  }
}
