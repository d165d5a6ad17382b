package weka.classifiers.evaluation;

import java.util.ArrayList;
import java.util.List;
import weka.core.Instance;
import weka.core.Utils;
import zcnas.stats.RankCorrelation;

/**
 * A rank correlation between predictions and actual values of a numeric class, as a Weka plugin evaluation metric:
 * the Experimenter's split evaluators report it for every run. Never NaN: undefined correlations (fewer than two
 * pairs, a constant side) are 0, no ranking information.
 */
public abstract class RankMetric extends AbstractEvaluationMetric implements StandardEvaluationMetric {
  private static final long serialVersionUID = 1L;
  private final List<double[]> pairs = new ArrayList<>();

  /** The statistic's single name, also the Experimenter's result column. */
  protected abstract String statisticName();

  protected abstract double statistic(RankCorrelation r);

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
    return List.of(statisticName());
  }

  @Override
  public double getStatistic(String name) {
    if (!statisticName().equals(name)) {
      return Utils.missingValue();
    }
    double[] predicted = new double[pairs.size()];
    double[] actual = new double[pairs.size()];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = pairs.get(i)[0];
      actual[i] = pairs.get(i)[1];
    }
    double v = statistic(RankCorrelation.of(predicted, actual));
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
    return String.format("%-41s %.4f%n", statisticName(), getStatistic(statisticName()));
  }
}
