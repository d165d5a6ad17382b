package zcnas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import zcnas.data.DataPaths;
import zcnas.space.nb201.Nb201Space;
import zcnas.proxy.CRoZe;
import zcnas.proxy.GradNorm;
import zcnas.proxy.Naswot;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.Snip;
import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.stats.RankCorrelation;
import zcnas.TestData;

/**
 * Architecture by architecture against the authors' own code (data/reference): same settings (first 64 records,
 * batch 64 for the baselines, the first 8 for CRoZe's official variant), other random weights; the rankings must
 * agree.
 */
class ReferenceAgreementIT {
  @Test
  void ranksTheReferenceArchitecturesLikeTheReferenceCode() throws Exception {
    Path ref = DataPaths.root().resolve("reference/official-code-nb201-cifar10-200.csv");
    List<Nb201Architecture> archs = new ArrayList<>();
    List<CSVRecord> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(ref);
         CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      for (CSVRecord r : p) {
        rows.add(r);
        archs.add(Nb201Architecture.parse(r.get("arch")));
      }
    }
    assertEquals(200, archs.size());
    Naswot naswot = new Naswot();
    naswot.setBatchSize(64);
    List<ZeroCostProxy> proxies = List.of(new GradNorm(), new Snip(), new SynFlow(), naswot, new CRoZe());
    String[] columns = {"grad_norm", "snip", "synflow", "naswot", "croze"};
    double[][] scores;
    try (ScoringSession s = new ScoringSession(TestData.cifar10Train(), "cpu", 0, ScoringSession.BatchOrder.FIRST);
         ScoreCache cache = ScoreCache.open(null)) {
      scores = new Scorer<>(s, cache, new Nb201Space()).score(archs, proxies, System.err::println);
    }
    for (int p = 0; p < columns.length; p++) {
      double[] ours = new double[archs.size()];
      double[] theirs = new double[archs.size()];
      for (int a = 0; a < archs.size(); a++) {
        ours[a] = scores[a][p];
        theirs[a] = zcnas.util.Numbers.parse(rows.get(a).get(columns[p]));
      }
      double rho = RankCorrelation.of(ours, theirs).rho();
      System.out.printf("%s: Spearman rho against the reference code's scores = %.4f%n", columns[p], rho);
      assertTrue(rho > 0.95, columns[p] + " agrees with the reference code only at rho " + rho);
    }
  }
}
