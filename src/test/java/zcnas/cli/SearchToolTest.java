package zcnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.space.darts.DartsGenotype;
import zcnas.space.nb201.Nb201Architecture;

class SearchToolTest {
  static List<CSVRecord> read(Path csv) throws Exception {
    try (Reader r = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
    }
  }

  @Test
  void nb201SearchWritesTheScoredArchitecturesBestFirst(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.csv");
    Tools.run(0, "search", "-space", "nb201", "-strategy", "warmup-move", "-proxy", "synflow", "-budget", "30", "-seed",
        "1", "-o", out.toString(), "-cache", "none");
    List<CSVRecord> rows = read(out);
    assertEquals(30, rows.size());
    String header = Files.readAllLines(out).get(0);
    assertTrue(header.startsWith("rank,arch,synflow,scored_at,params,nb201_index,cifar10_test_acc"), header);
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(i + 1, Integer.parseInt(rows.get(i).get("rank")));
      Nb201Architecture.parse(rows.get(i).get("arch"));
      if (i > 0) {
        assertTrue(Double.parseDouble(rows.get(i - 1).get("synflow")) >= Double.parseDouble(rows.get(i).get("synflow")));
      }
    }
    assertTrue(Files.exists(dir.resolve("out.arff")));
  }

  @Test
  void dartsSearchRunsEndToEndOnASmallNetwork(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("darts.csv");
    Tools.run(0, "search", "-space", "darts", "-channels", "8", "-cells", "5", "-strategy", "evolution", "-population",
        "3", "-tournament", "2", "-proxy", "synflow", "-budget", "5", "-o", out.toString(), "-cache", "none");
    List<CSVRecord> rows = read(out);
    assertEquals(5, rows.size());
    for (CSVRecord row : rows) {
      DartsGenotype.parse(row.get("arch"));
      assertTrue(Double.parseDouble(row.get("params")) > 0);
    }
  }

  @Test
  void badOptionsAreNamed(@TempDir Path dir) {
    String o = dir.resolve("x.csv").toString();
    assertTrue(Tools.run(1, "search", "-strategy", "annealing", "-o", o).contains("unknown search strategy 'annealing'"));
    assertTrue(Tools.run(1, "search", "-space", "nb301", "-o", o).contains("unknown space 'nb301'"));
    assertTrue(Tools.run(1, "search", "-budget", "20000", "-o", o).contains("exceeds the 15625 nb201 architectures"));
    assertTrue(Tools.run(1, "search", "-budget", "0", "-o", o).contains("-budget must be at least 1"));
    assertTrue(Tools.run(1, "search", "-proxy", "zen", "-o", o).contains("unknown proxy 'zen'"));
  }
}
