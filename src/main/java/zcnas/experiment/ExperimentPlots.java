package zcnas.experiment;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * 0, and score-rank scatters.
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

  private static Path heatMap(ExperimentResult result, Path file) throws IOException {
    List<String> proxies = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (ExperimentResult.Row r : result.rows()) {
      if (!proxies.contains(r.proxy())) {
        proxies.add(r.proxy());
      }
      if (!targets.contains(r.target())) {
        targets.add(r.target());
      }
    }
    List<Number[]> cells = new ArrayList<>();
    for (ExperimentResult.Row r : result.rows()) {
      cells.add(new Number[] {targets.indexOf(r.target()), proxies.indexOf(r.proxy()),
          Math.round(r.rhoMean() * 1000) / 1000.0});
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(200 + 130 * targets.size()).height(150 + 32 * proxies.size())
        .title("Spearman rho (mean over seeds)").build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setMin(-1);
    chart.getStyler().setMax(1);
    // XChart interpolates evenly spaced colours linearly over [min, max]: a fine sampling reproduces the scale
    chart.getStyler().setRangeColors(rangeColors());
    chart.getStyler().setXAxisLabelRotation(30);
    chart.addSeries("rho", targets, proxies, cells);
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
