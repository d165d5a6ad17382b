package weka.classifiers.evaluation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import weka.core.Instance;
import weka.core.Utils;
import zcnas.stats.RankCorrelation;

/**
 * A rank correlation between predictions and actual values of a numeric class, as a Weka plugin evaluation metric:
 * the Experimenter's split evaluators report it for every run. Never NaN: undefined correlations (fewer than two
 * pairs, a constant side) are 0, no ranking information. A metric is a plugin class of its own (Weka creates it by
 * name) that names its statistic.
 */
public abstract class RankMetric extends AbstractEvaluationMetric implements StandardEvaluationMetric {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final String description;
  private final Statistic statistic;
  private final List<double[]> pairs = new ArrayList<>();

  /** Which statistic of a rank correlation. */
  protected interface Statistic extends Serializable {
    double of(RankCorrelation r);
  }

  /**
   * @param name the metric's name, also its statistic's single name and the Experimenter's result column
   * @param description the metric's description
   * @param statistic which statistic of the rank correlation it reports
   */
  protected RankMetric(String name, String description, Statistic statistic) {
    this.name = name;
    this.description = description;
    this.statistic = statistic;
  }

  @Override
  public String getMetricName() {
    return name;
  }

  @Override
  public String getMetricDescription() {
    return description;
  }

  @Override
  public boolean appliesToNominalClass() {
    return false;
  }

  @Override
  public boolean appliesToNumericClass() {
    return true;
  }

  @Override
  public List<String> getStatisticNames() {
    return List.of(name);
  }

  @Override
  public double getStatistic(String statisticName) {
    if (!name.equals(statisticName)) {
      return Utils.missingValue();
    }
    double[] predicted = new double[pairs.size()];
    double[] actual = new double[pairs.size()];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = pairs.get(i)[0];
      actual[i] = pairs.get(i)[1];
    }
    double v = statistic.of(RankCorrelation.of(predicted, actual));
    return Double.isNaN(v) ? 0 : v;
  }

  @Override
  public void updateStatsForClassifier(double[] predictedDistribution, Instance instance) {
    // nominal classes: not applicable
  }

  @Override
  public void updateStatsForPredictor(double predictedValue, Instance instance) {
    if (!instance.classIsMissing() && !Utils.isMissingValue(predictedValue)) {
      pairs.add(new double[] {predictedValue, instance.classValue()});
    }
  }

  @Override
  public String toSummaryString() {
    return String.format("%-41s %.4f%n", name, getStatistic(name));
  }
}
