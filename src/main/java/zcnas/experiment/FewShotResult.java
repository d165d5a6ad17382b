package zcnas.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcnas.util.AtomicFiles;

/** The rows of the few-shot experiment: one per (predictor, labelled count, target), aggregated over the seeds. */
public final class FewShotResult {
  /** rho and tau on the held-out architectures, means and sample standard deviations over the seeds. */
  public record Row(String predictor, int nLabelled, String target, double rhoMean, double rhoStd, double tauMean,
      double tauStd, int nHeldOut, double pVsBestProxy) {
  }

  private static final List<String> HEADER = List.of("predictor", "n_labelled", "target", "rho_mean", "rho_std",
      "tau_mean", "tau_std", "n_heldout", "n_archs", "n_seeds", "p_vs_best_proxy");

  private final ExperimentSpec spec;
  private final String settings;
  private final int nArchs;
  private final int nSeeds;
  private final List<Row> rows = new ArrayList<>();
  /** The baselines' choices by "target@n", one per seed: "proxy / ensemble". */
  private final Map<String, List<String>> choices = new LinkedHashMap<>();
  private weka.core.Instances runs;

  FewShotResult(ExperimentSpec spec, String settings, int nArchs, int nSeeds) {
    this.spec = spec;
    this.settings = settings;
    this.nArchs = nArchs;
    this.nSeeds = nSeeds;
  }

  void add(Row row) {
    rows.add(row);
  }

  void setRuns(weka.core.Instances runs) {
    this.runs = runs;
  }

  void chose(String target, int n, String proxy, String ensemble) {
    choices.computeIfAbsent(target + "@" + n, k -> new ArrayList<>()).add(proxy + " / " + ensemble);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public void writeCsv(Path file) {
    AtomicFiles.write(file, out -> {
      try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
        p.printRecord(HEADER);
        for (Row r : rows) {
          p.printRecord(r.predictor(), r.nLabelled(), r.target(), num(r.rhoMean()), num(r.rhoStd()),
              num(r.tauMean()), num(r.tauStd()), r.nHeldOut(), nArchs, nSeeds,
              Double.isNaN(r.pVsBestProxy()) ? "" : num(r.pVsBestProxy()));
        }
      }
    });
  }

  public void writeArff(Path file) {
    AtomicFiles.write(file, out -> {
      out.write("@relation 'experiment-" + spec.name() + "'\n\n@attribute predictor string\n"
          + "@attribute n_labelled numeric\n@attribute target string\n");
      for (String h : HEADER.subList(3, HEADER.size())) {
        out.write("@attribute " + h + " numeric\n");
      }
      out.write("\n@data\n");
      for (Row r : rows) {
        out.write(String.format(Locale.ROOT, "'%s',%d,'%s',%s,%s,%s,%s,%d,%d,%d,%s%n", r.predictor(), r.nLabelled(),
            r.target(), num(r.rhoMean()), num(r.rhoStd()), num(r.tauMean()), num(r.tauStd()), r.nHeldOut(), nArchs,
            nSeeds, Double.isNaN(r.pVsBestProxy()) ? "?" : num(r.pVsBestProxy())));
      }
    });
  }

  /** The per-seed result set (Key_Dataset = target@n), which the Experimenter's Analyse panel opens. */
  public void writeRunsArff(Path file) {
    AtomicFiles.write(file, out -> out.write(runs.toString() + "\n"));
  }

  /** One table per target: a row per predictor, a column per labelled count, cells "rho ± std". */
  public void writeMarkdown(Path file) {
    AtomicFiles.write(file, out -> {
      out.write("# Experiment `" + spec.name() + "`: " + spec.description() + "\n\n" + settings + "\n\n");
      out.write("Spearman rho on the held-out architectures, mean ± std over seeds (* = differs from "
          + FewShotRunner.BEST_PROXY + " at p < 0.05, Weka's paired corrected resampled t-test over seeds). "
          + FewShotRunner.BEST_PROXY + " and " + FewShotRunner.BEST_ENSEMBLE + " are the single proxy and the rank "
          + "ensemble (any subset of the proxies, any aggregation) with the highest rho on the labelled "
          + "architectures; predictors:");
      for (FewShotRunner.Learner l : FewShotRunner.LEARNERS) {
        out.write(" `" + l.label() + "` " + l.description() + ";");
      }
      out.write(" features: each proxy's score (log10 where it spans orders of magnitude) and the cell's op on each "
          + "edge, one-hot.\n");
      for (String target : distinct(rows.stream().map(Row::target).toList())) {
        List<Integer> ns = distinct(rows.stream().filter(r -> r.target().equals(target)).map(Row::nLabelled).toList());
        out.write("\n`" + target + "` (held out: " + nArchs + " - n architectures):\n\n| predictor |");
        for (int n : ns) {
          out.write(" n = " + n + " |");
        }
        out.write("\n|---|" + "---|".repeat(ns.size()) + "\n");
        for (String p : distinct(rows.stream().map(Row::predictor).toList())) {
          out.write("| " + p + " |");
          for (int n : ns) {
            out.write(cell(p, n, target));
          }
          out.write("\n");
        }
        int largest = ns.get(ns.size() - 1);
        out.write("\nChosen on the labelled architectures at n = " + largest + " (proxy / ensemble, per seed): "
            + String.join("; ", choices.getOrDefault(target + "@" + largest, List.of())) + ".\n");
      }
    });
  }

  private String cell(String predictor, int n, String target) {
    for (Row r : rows) {
      if (r.predictor().equals(predictor) && r.nLabelled() == n && r.target().equals(target)) {
        return String.format(Locale.ROOT, " %.3f ± %.3f%s |", r.rhoMean(), r.rhoStd(),
            !Double.isNaN(r.pVsBestProxy()) && r.pVsBestProxy() < 0.05 ? "*" : "");
      }
    }
    return " |";
  }

  private static <T> List<T> distinct(List<T> values) {
    return values.stream().distinct().toList();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
