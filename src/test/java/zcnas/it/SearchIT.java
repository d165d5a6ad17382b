package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's command-line contract through bin/zcnas, and what the search finds on NAS-Bench-201: CRoZe (the
 * official variant) guiding warmup + move over 1,000 architectures (seed 1) must find an architecture with CIFAR-10 clean
 * accuracy >= 93.0 and FGSM eps 8 accuracy above the median of all 15,625 (20.5).
 */
class SearchIT {
  static List<CSVRecord> read(Path csv) throws Exception {
    try (Reader r = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
    }
  }

  static Processes.Result search(Path dir, Path out, String... proxy) throws Exception {
    String[] base = {"bin/zcnas", "search", "-space", "nb201", "-strategy", "warmup-move"};
    String[] tail = {"-budget", "1000", "-seed", "1", "-o", out.toString(), "-cache", dir.resolve("cache.tsv").toString()};
    String[] cmd = new String[base.length + proxy.length + tail.length];
    System.arraycopy(base, 0, cmd, 0, base.length);
    System.arraycopy(proxy, 0, cmd, base.length, proxy.length);
    System.arraycopy(tail, 0, cmd, base.length + proxy.length, tail.length);
    return Processes.run(Map.of("ZCNAS_DATA", System.getProperty("zcnas.data")), 1500, cmd);
  }

  /** One search (8 minutes here): the contract's output, what it found, and the same file again from the cache. */
  @Test
  void contractCommandFindsAnAccurateAndRobustArchitecture(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.csv");
    Processes.Result r = search(dir, out, "-proxy", "croze");
    assertEquals(0, r.status(), r.output());
    List<CSVRecord> rows = read(out);
    assertEquals(1000, rows.size());
    assertTrue(Files.readAllLines(out).get(0).startsWith("rank,arch,croze,"));
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(i + 1, Integer.parseInt(rows.get(i).get("rank")));
      if (i > 0) {
        assertTrue(Double.parseDouble(rows.get(i - 1).get("croze")) >= Double.parseDouble(rows.get(i).get("croze")));
      }
    }
    CSVRecord top = rows.get(0);
    double clean = Double.parseDouble(top.get("cifar10_test_acc"));
    double fgsm = Double.parseDouble(top.get("cifar10_fgsm_eps8_acc"));
    System.out.printf("CRoZe search, seed 1: top-1 %s clean %.2f FGSM-8 %.2f%n", top.get("arch"), clean, fgsm);
    assertTrue(clean >= 93.0, "clean " + clean + "\n" + r.output());
    assertTrue(fgsm > 20.5, "FGSM-8 " + fgsm + "\n" + r.output());
    // run again, naming the variant: the official variant is croze, so every score comes from the cache
    Path again = dir.resolve("again.csv");
    long cached = Files.size(dir.resolve("cache.tsv"));
    Processes.Result second = search(dir, again, "-P", "croze -variant official");
    assertEquals(0, second.status(), second.output());
    assertEquals(cached, Files.size(dir.resolve("cache.tsv")), "the second search computed scores");
    assertEquals(Files.readString(out), Files.readString(again));
  }
}
