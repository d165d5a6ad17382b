package zcnas.experiment;

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

/** PNG plots of an experiment: a heat map of Spearman rho (proxies x targets), and score-rank scatters. */
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
    chart.getStyler().setXAxisLabelRotation(30);
    chart.addSeries("rho", targets, proxies, cells);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
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
