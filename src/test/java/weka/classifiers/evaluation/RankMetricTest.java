package weka.classifiers.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializedObject;
import zcnas.stats.RankCorrelation;

/** The two plugin metrics: their names, their statistic on predictions, and a copy through serialisation. */
class RankMetricTest {
  static final double[] PREDICTED = {1, 3, 2, 5, 4, 6};
  static final double[] ACTUAL = {10, 20, 30, 40, 50, 45};

  static RankMetric fed(RankMetric m) {
    ArrayList<Attribute> attrs = new ArrayList<>(List.of(new Attribute("acc")));
    Instances data = new Instances("d", attrs, ACTUAL.length);
    data.setClassIndex(0);
    for (int i = 0; i < ACTUAL.length; i++) {
      data.add(new DenseInstance(1, new double[] {ACTUAL[i]}));
      m.updateStatsForPredictor(PREDICTED[i], data.instance(i));
    }
    return m;
  }

  @Test
  void spearmanAndKendallReportTheirStatisticUnderTheirName() throws Exception {
    RankCorrelation r = RankCorrelation.of(PREDICTED, ACTUAL);
    for (RankMetric m : new RankMetric[] {new SpearmanRho(), new KendallTau()}) {
      double expected = m instanceof SpearmanRho ? r.rho() : r.tau();
      fed(m);
      assertEquals(List.of(m.getMetricName()), m.getStatisticNames());
      assertEquals(expected, m.getStatistic(m.getMetricName()), 1e-12);
      RankMetric copy = (RankMetric) new SerializedObject(m).getObject();
      assertEquals(expected, copy.getStatistic(m.getMetricName()), 1e-12);
      assertEquals(m.getMetricDescription(), copy.getMetricDescription());
    }
    assertEquals("Spearman rho", new SpearmanRho().getMetricName());
    assertEquals("Kendall tau", new KendallTau().getMetricName());
  }
}
