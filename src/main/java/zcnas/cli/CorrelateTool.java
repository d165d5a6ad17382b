package zcnas.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import weka.core.Utils;
import zcnas.proxy.Proxies;
import zcnas.score.ScoreTable;
import zcnas.stats.RankCorrelation;
import zcnas.util.ZcnasException;

/** {@code zcnas correlate}: Spearman rho and Kendall tau of score columns against accuracy columns of a score CSV. */
final class CorrelateTool implements Zcnas.Tool {

  @Override
  public String usage() {
    return "usage: zcnas correlate -i SCORES.csv [-scores a,b] [-targets x,y]\n"
        + "Prints Spearman rho and Kendall tau of each score column against each target column.\n"
        + "  -i FILE        a CSV as written by 'zcnas score'\n"
        + "  -scores LIST   score columns (default: the columns named like proxies or ensembles a+b)\n"
        + "  -targets LIST  target columns (default: every other numeric column except nb201_index)\n";
  }

  @Override
  public int run(String[] options) throws Exception {
    String in = Utils.getOption('i', options);
    if (in.isEmpty()) {
      throw new ZcnasException("-i SCORES.csv is required");
    }
    String scoreList = Utils.getOption("scores", options);
    String targetList = Utils.getOption("targets", options);
    Utils.checkForRemainingOptions(options);
    ScoreTable table = read(Paths.get(in));
    List<String> scores = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (String c : table.numericColumns()) {
      if (isScoreColumn(c)) {
        scores.add(c);
      } else {
        targets.add(c);
      }
    }
    if (!scoreList.isEmpty()) {
      scores = Arrays.asList(scoreList.split(","));
    }
    if (!targetList.isEmpty()) {
      targets = Arrays.asList(targetList.split(","));
    }
    if (scores.isEmpty() || targets.isEmpty()) {
      throw new ZcnasException(in + ": need at least one score and one target column (scores " + scores + ", targets "
          + targets + ")");
    }
    System.out.print(format(table, scores, targets));
    return 0;
  }

  /** A proxy's column (croze, croze_ZP, ...) or an ensemble of proxies (snip+naswot). */
  static boolean isScoreColumn(String column) {
    for (String part : column.split("\\+")) {
      String base = part.contains("_") ? part.substring(0, part.indexOf('_')) : part;
      if (!Proxies.names().contains(base)) {
        return false;
      }
    }
    return true;
  }

  /** A table: one row per score column, for each target "rho / tau", with the number of pairs. */
  static String format(ScoreTable table, List<String> scores, List<String> targets) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-22s", "Spearman rho / Kendall tau"));
    for (String t : targets) {
      sb.append(String.format(" %24s", t));
    }
    sb.append(String.format(" %6s%n", "n"));
    for (String s : scores) {
      sb.append(String.format("%-22s", s));
      int n = 0;
      for (String t : targets) {
        RankCorrelation r = RankCorrelation.of(table.column(s), table.column(t));
        sb.append(String.format(" %11.3f / %10.3f", r.rho(), r.tau()));
        n = Math.max(n, r.n());
      }
      sb.append(String.format(" %6d%n", n));
    }
    return sb.toString();
  }

  static ScoreTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ZcnasException("score file not found: " + file);
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("arch")) {
        throw new ZcnasException(file + ": no 'arch' column in header " + header);
      }
      String index = header.get(0).equals("arch") ? null : header.get(0);
      List<String> numeric = new ArrayList<>();
      for (String h : header) {
        if (!h.equals("arch") && !h.equals(index)) {
          numeric.add(h);
        }
      }
      ScoreTable table = new ScoreTable(index == null ? "index" : index, numeric);
      for (CSVRecord r : parser) {
        long line = r.getRecordNumber() + 1;
        double[] row = new double[numeric.size()];
        for (int c = 0; c < row.length; c++) {
          String v = r.get(numeric.get(c)).trim();
          try {
            row[c] = v.isEmpty() || v.equals("?") ? Double.NaN : Double.parseDouble(v);
          } catch (NumberFormatException e) {
            throw new ZcnasException(file + ":" + line + ": column '" + numeric.get(c) + "' is not a number: '" + v + "'");
          }
        }
        int idx = index == null ? -1 : (int) Double.parseDouble(r.get(index));
        table.add(idx, r.get("arch"), row);
      }
      return table;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new ZcnasException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
