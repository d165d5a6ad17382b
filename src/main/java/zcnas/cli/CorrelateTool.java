package zcnas.cli;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.Utils;
import zcnas.proxy.Proxies;
import zcnas.score.ScoreTable;
import zcnas.stats.RankCorrelation;
import zcnas.util.ZcnasException;

/** {@code zcnas correlate}: Spearman rho and Kendall tau of score columns against accuracy columns of a score CSV. */
final class CorrelateTool implements Zcnas.Tool {

  @Override
  public String summary() {
    return "Spearman rho and Kendall tau of a score CSV's proxy columns against its accuracy columns";
  }

  @Override
  public String usage() {
    return "usage: zcnas correlate -i SCORES.csv [-scores a,b] [-targets x,y]\n"
        + "Prints Spearman rho and Kendall tau of each score column against each target column.\n"
        + "  -i FILE        a CSV as written by 'zcnas score'\n"
        + "  -scores LIST   score columns (default: the columns named like proxies or ensembles a+b)\n"
        + "  -targets LIST  target columns (default: every other numeric column except nb201_index\n"
        + "                 and scored_as)\n";
  }

  @Override
  public int run(String[] options) throws Exception {
    String in = CommonOptions.required(options, 'i', "SCORES.csv");
    String scoreList = Utils.getOption("scores", options);
    String targetList = Utils.getOption("targets", options);
    Utils.checkForRemainingOptions(options);
    ScoreTable table = ScoreTable.read(Paths.get(in));
    List<String> scores = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (String c : table.numericColumns()) {
      if (isScoreColumn(c)) {
        scores.add(c);
      } else if (!c.equals(ScoreTool.SCORED_AS)) {
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

  /** A proxy's column (croze, croze-paper, croze_ZP, ...) or an ensemble of proxies (snip+naswot). */
  static boolean isScoreColumn(String column) {
    for (String part : column.split("\\+")) {
      String base = (part.contains("_") ? part.substring(0, part.indexOf('_')) : part).replaceFirst("-paper$", "");
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
}
