package zcnas.experiment;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import zcnas.util.ZcnasException;

/**
 * PNG plots of an experiment: a heat map of Spearman rho (proxies x targets) on a diverging colour scale centred on
 * 0, and score-rank scatters; for the few-shot experiment, rho against the number of labelled architectures.
 */
public final class ExperimentPlots {
  private ExperimentPlots() {
  }

  /** Writes NAME-rho-heatmap.png and NAME-scatter-PROXY.png (first seed, first target); returns the files. */
  public static List<Path> write(ExperimentResult result, Path dir, String name) {
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      files.add(heatMap(result, dir.resolve(name + "-rho-heatmap.png")));
      String target = result.targetNames().get(0);
      for (Map.Entry<String, double[]> e : result.firstSeedScores().entrySet()) {
        files.add(scatter(e.getKey(), e.getValue(), target, result.targetValues()[0],
            dir.resolve(name + "-scatter-" + e.getKey().replace('+', '_') + ".png")));
      }
    } catch (IOException e) {
      throw new ZcnasException("cannot write plots in " + dir + ": " + e.getMessage(), e);
    }
    return files;
  }

  /** Writes NAME-rho-heatmap.png (rows: predictor at each labelled count) and NAME-rho-vs-n-TARGET.png. */
  public static List<Path> write(FewShotResult result, Path dir, String name) {
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    List<Path> files = new ArrayList<>();
    List<FewShotResult.Row> rows = result.rows();
    List<String> targets = rows.stream().map(FewShotResult.Row::target).distinct().toList();
    List<String> predictors = rows.stream().map(FewShotResult.Row::predictor).distinct().toList();
    List<Integer> ns = rows.stream().map(FewShotResult.Row::nLabelled).distinct().sorted().toList();
    List<String> cellRows = new ArrayList<>();
    double[][] values = new double[predictors.size() * ns.size()][targets.size()];
    for (int n : ns) {
      for (String p : predictors) {
        cellRows.add(p + " n=" + n);
      }
    }
    try {
      Files.createDirectories(dir);
      for (FewShotResult.Row r : rows) {
        values[cellRows.indexOf(r.predictor() + " n=" + r.nLabelled())][targets.indexOf(r.target())] = r.rhoMean();
      }
      files.add(heatMap("Spearman rho on held-out architectures (mean over seeds)", targets, cellRows, values,
          dir.resolve(name + "-rho-heatmap.png")));
      for (String t : targets) {
        XYChart chart = new XYChartBuilder().width(640).height(480).title(t + ": rho on held-out architectures")
            .xAxisTitle("labelled architectures n").yAxisTitle("Spearman rho (mean ± std over seeds)").build();
        for (String p : predictors) {
          List<FewShotResult.Row> line = rows.stream().filter(r -> r.target().equals(t) && r.predictor().equals(p))
              .sorted(Comparator.comparingInt(FewShotResult.Row::nLabelled)).toList();
          chart.addSeries(p, line.stream().map(FewShotResult.Row::nLabelled).toList(),
              line.stream().map(FewShotResult.Row::rhoMean).toList(),
              line.stream().map(FewShotResult.Row::rhoStd).toList());
        }
        Path file = dir.resolve(name + "-rho-vs-n-" + t + ".png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        files.add(file);
      }
    } catch (IOException e) {
      throw new ZcnasException("cannot write plots in " + dir + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static Path heatMap(ExperimentResult result, Path file) throws IOException {
    List<String> proxies = result.rows().stream().map(ExperimentResult.Row::proxy).distinct().toList();
    List<String> targets = result.rows().stream().map(ExperimentResult.Row::target).distinct().toList();
    double[][] values = new double[proxies.size()][targets.size()];
    for (double[] row : values) {
      Arrays.fill(row, Double.NaN);
    }
    for (ExperimentResult.Row r : result.rows()) {
      values[proxies.indexOf(r.proxy())][targets.indexOf(r.target())] = r.rhoMean();
    }
    return heatMap("Spearman rho (mean over seeds)", targets, proxies, values, file);
  }

  /** values[row][column] in [-1, 1], coloured by {@link #divergingColor}; a NaN cell is left out. */
  private static Path heatMap(String title, List<String> columns, List<String> rows, double[][] values, Path file)
      throws IOException {
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        if (!Double.isNaN(values[r][c])) {
          cells.add(new Number[] {c, r, Math.round(values[r][c] * 1000) / 1000.0});
        }
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(200 + 130 * columns.size()).height(150 + 32 * rows.size())
        .title(title).build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setMin(-1);
    chart.getStyler().setMax(1);
    // XChart interpolates evenly spaced colours linearly over [min, max]: a fine sampling reproduces the scale
    chart.getStyler().setRangeColors(rangeColors());
    chart.getStyler().setXAxisLabelRotation(30);
    chart.addSeries("rho", columns, rows, cells);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }

  /**
   * ColorBrewer's 9-class RdBu scheme (Brewer, colorbrewer2.org), blue for negative, red for positive, at rho = -1,
   * -0.75, ..., 1: a diverging scale centred on 0 (near white), where the lightness keeps falling up to |rho| = 1,
   * so 0.55 and 0.85 are told apart, and the text on the darkest cell is still legible.
   */
  private static final Color[] RD_BU = {new Color(0x2166ac), new Color(0x4393c3), new Color(0x92c5de),
      new Color(0xd1e5f0), new Color(0xf7f7f7), new Color(0xfddbc7), new Color(0xf4a582), new Color(0xd6604d),
      new Color(0xb2182b)};

  static final int RANGE_STEPS = 200;

  /** The heat map's colour of a rho in [-1, 1] (clamped), linear between the scheme's stops. */
  static Color divergingColor(double rho) {
    double x = (Math.max(-1, Math.min(1, rho)) + 1) / 2 * (RD_BU.length - 1);
    int i = Math.min((int) x, RD_BU.length - 2);
    double f = x - i;
    Color a = RD_BU[i];
    Color b = RD_BU[i + 1];
    return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }

  /** The scale sampled every 0.01 from -1 to 1, for XChart. */
  static Color[] rangeColors() {
    Color[] colors = new Color[RANGE_STEPS + 1];
    for (int i = 0; i <= RANGE_STEPS; i++) {
      colors[i] = divergingColor(-1 + 2.0 * i / RANGE_STEPS);
    }
    return colors;
  }

  private static Path scatter(String proxy, double[] scores, String target, double[] accuracy, Path file)
      throws IOException {
    double[] ranks = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE).rank(scores.clone());
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < ranks.length; i++) {
      if (!Double.isNaN(scores[i]) && !Double.isNaN(accuracy[i])) {
        x.add(ranks[i]);
        y.add(accuracy[i]);
      }
    }
    XYChart chart = new XYChartBuilder().width(640).height(480).title(proxy + " vs " + target)
        .xAxisTitle(proxy + " score rank (1 = lowest)").yAxisTitle(target + " (%)").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setMarkerSize(5);
    chart.addSeries(proxy, x, y).setMarker(SeriesMarkers.CIRCLE);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }
}
