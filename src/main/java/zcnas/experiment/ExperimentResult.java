package zcnas.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import zcnas.data.CifarDataset;
import zcnas.space.nb201.Nb201Targets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcnas.util.AtomicFiles;

/** The rows of an experiment: one per (proxy, target), with rank correlations aggregated over seeds. */
public final class ExperimentResult {
  /** rho and tau are means over the seeds, std their sample standard deviations; p from the Experimenter's paired corrected t-test. */
  public record Row(String proxy, String target, double rhoMean, double rhoStd, double tauMean, double tauStd,
      int nArchs, int nSeeds, double pVsFirst) {
  }

  private final ExperimentSpec spec;
  private final List<Row> rows = new ArrayList<>();
  private final String settings;
  private final Map<String, double[]> firstSeedScores;
  private final List<Nb201Targets.Target> targets;
  private final double[][] targetValues;

  /**
   * firstSeedScores: each proxy's scores of the architectures under the first seed, on the first target's images,
   * for the scatter plots.
   */
  public ExperimentResult(ExperimentSpec spec, String settings, Map<String, double[]> firstSeedScores,
      List<Nb201Targets.Target> targets, double[][] targetValues) {
    this.spec = spec;
    this.settings = settings;
    this.firstSeedScores = firstSeedScores;
    this.targets = List.copyOf(targets);
    this.targetValues = targetValues;
  }

  public Map<String, double[]> firstSeedScores() {
    return firstSeedScores;
  }

  public List<String> targetNames() {
    return targets.stream().map(Nb201Targets.Target::name).toList();
  }

  public double[][] targetValues() {
    return targetValues;
  }

  /** The per-seed correlations as a Weka Experimenter result set (see {@link zcnas.weka.ExperimenterResults}). */
  public void setRuns(weka.core.Instances runs) {
    this.runs = runs;
  }

  /** Writes the per-seed result set, which the Experimenter's Analyse panel opens. */
  public void writeRunsArff(Path file) {
    AtomicFiles.write(file, out -> out.write(runs.toString() + "\n"));
  }

  public void add(Row row) {
    rows.add(row);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  private weka.core.Instances runs;

  private static final List<String> HEADER = List.of("proxy", "target", "rho_mean", "rho_std", "tau_mean", "tau_std",
      "n_archs", "n_seeds", "p_vs_first");

  public void writeCsv(Path file) {
    AtomicFiles.write(file, out -> {
      try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
        p.printRecord(HEADER);
        for (Row r : rows) {
          p.printRecord(r.proxy(), r.target(), num(r.rhoMean()), num(r.rhoStd()), num(r.tauMean()), num(r.tauStd()),
              r.nArchs(), r.nSeeds(), Double.isNaN(r.pVsFirst()) ? "" : num(r.pVsFirst()));
        }
      }
    });
  }

  public void writeArff(Path file) {
    AtomicFiles.write(file, out -> {
      out.write("@relation 'experiment-" + spec.name() + "'\n\n@attribute proxy string\n@attribute target string\n");
      for (String h : HEADER.subList(2, HEADER.size())) {
        out.write("@attribute " + h + " numeric\n");
      }
      out.write("\n@data\n");
      for (Row r : rows) {
        out.write(String.format(Locale.ROOT, "'%s','%s',%s,%s,%s,%s,%d,%d,%s%n", r.proxy(), r.target(),
            num(r.rhoMean()), num(r.rhoStd()), num(r.tauMean()), num(r.tauStd()), r.nArchs(), r.nSeeds(),
            Double.isNaN(r.pVsFirst()) ? "?" : num(r.pVsFirst())));
      }
    });
  }

  /**
   * One table per data set: a row per proxy, a column per target, cells "rho ± std" with the published value where
   * known; each table names the images its scores were computed on.
   */
  public void writeMarkdown(Path file) {
    AtomicFiles.write(file, out -> {
      out.write("# Experiment `" + spec.name() + "`: " + spec.description() + "\n\n" + settings + "\n\n");
      out.write("Spearman rho, mean ± std over seeds (published value in brackets where the paper gives one; "
          + "* = differs from the first row at p < 0.05, Weka's paired corrected t-test over seeds).\n");
      List<String> proxies = new ArrayList<>();
      for (Row r : rows) {
        if (!proxies.contains(r.proxy())) {
          proxies.add(r.proxy());
        }
      }
      List<CifarDataset> datasets = targets.stream().map(Nb201Targets.Target::dataset).distinct().toList();
      for (CifarDataset d : datasets) {
        List<String> columns = targets.stream().filter(t -> t.dataset() == d).map(Nb201Targets.Target::name).toList();
        out.write("\n" + d.id() + " accuracies; every proxy scored on " + d.description() + " with "
            + d.classes() + "-class networks:\n\n| proxy |");
        for (String t : columns) {
          out.write(" " + t + " |");
        }
        out.write("\n|---|" + "---|".repeat(columns.size()) + "\n");
        for (String p : proxies) {
          out.write("| " + p + " |");
          for (String t : columns) {
            out.write(cell(p, t));
          }
          out.write("\n");
        }
      }
    });
  }

  private String cell(String proxy, String target) {
    for (Row r : rows) {
      if (r.proxy().equals(proxy) && r.target().equals(target)) {
        String published = Published.value(proxy, target);
        return String.format(Locale.ROOT, " %.3f ± %.3f%s%s |", r.rhoMean(), r.rhoStd(),
            !Double.isNaN(r.pVsFirst()) && r.pVsFirst() < 0.05 ? "*" : "",
            published == null ? "" : " (" + published + ")");
      }
    }
    return " |";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
