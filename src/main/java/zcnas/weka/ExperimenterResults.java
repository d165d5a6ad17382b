package zcnas.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Range;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.PairedStats;

/**
 * Per-seed correlations of a prepared experiment as a Weka Experimenter result set (one instance per target,
 * seed and proxy, in the columns the Experimenter writes: Key_Dataset = the accuracy, Key_Run = the seed,
 * Key_Scheme = the proxy), analysed with the Experimenter's paired corrected t-tester. The file opens in the
 * Experimenter's Analyse panel. Where no training set is resampled between runs (every run scores the same
 * architectures with another batch and initialisation) the Nadeau-Bengio correction term n_test/n_train is zero
 * and the tester computes the paired t-test over seeds; where each run draws its own training set (a few-shot
 * predictor), the training and test set sizes go in the Experimenter's columns and the tester applies the correction.
 */
public final class ExperimenterResults {
  public static final String RHO = "Spearman_rho";
  public static final String TAU = "Kendall_tau";
  private final Instances data;
  private final PairedCorrectedTTester tester = new PairedCorrectedTTester();

  /** rho and tau: [label][target][seed]. */
  public ExperimenterResults(String relation, List<String> labels, List<String> targets, Map<String, double[][]> rho,
      Map<String, double[][]> tau, long firstSeed) throws Exception {
    this(relation, labels, targets, rho, tau, firstSeed, null, null);
  }

  /** As above, each target's runs trained on nTrain[target] and tested on nTest[target] resampled instances. */
  public ExperimenterResults(String relation, List<String> labels, List<String> targets, Map<String, double[][]> rho,
      Map<String, double[][]> tau, long firstSeed, int[] nTrain, int[] nTest) throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("Key_Dataset", new ArrayList<>(targets)));
    attributes.add(new Attribute("Key_Run"));
    attributes.add(new Attribute("Key_Scheme", new ArrayList<>(labels)));
    attributes.add(new Attribute("Key_Scheme_options", List.of("")));
    attributes.add(new Attribute("Key_Scheme_version_ID", List.of("0")));
    attributes.add(new Attribute(RHO));
    attributes.add(new Attribute(TAU));
    if (nTrain != null) {
      attributes.add(new Attribute("Number_of_training_instances"));
      attributes.add(new Attribute("Number_of_testing_instances"));
    }
    data = new Instances(relation, attributes, 0);
    for (int t = 0; t < targets.size(); t++) {
      int seeds = rho.get(labels.get(0))[t].length;
      for (int s = 0; s < seeds; s++) {
        for (int l = 0; l < labels.size(); l++) {
          Instance row = new DenseInstance(attributes.size());
          row.setDataset(data);
          row.setValue(0, t);
          row.setValue(1, firstSeed + s);
          row.setValue(2, l);
          row.setValue(3, 0);
          row.setValue(4, 0);
          row.setValue(5, rho.get(labels.get(l))[t][s]);
          row.setValue(6, tau.get(labels.get(l))[t][s]);
          if (nTrain != null) {
            row.setValue(7, nTrain[t]);
            row.setValue(8, nTest[t]);
          }
          data.add(row);
        }
      }
    }
    tester.setInstances(data);
    tester.setRunColumn(1);
    tester.setFoldColumn(-1);
    tester.setDatasetKeyColumns(new Range("1"));
    tester.setResultsetKeyColumns(new Range("3,4,5"));
    tester.setSignificanceLevel(0.05);
  }

  public Instances instances() {
    return data;
  }

  /**
   * Two-sided p-value of the corrected paired t-test of the proxies' Spearman rho on a target: label index
   * {@code other} against {@code base}, over the seeds.
   */
  public double pValue(int target, int base, int other) throws Exception {
    Instance dataset = null;
    for (int i = 0; i < data.numInstances(); i++) {
      if ((int) data.instance(i).value(0) == target) {
        dataset = data.instance(i);
        break;
      }
    }
    PairedStats stats = tester.calculateStatistics(dataset, resultset(base), resultset(other), 5);
    return stats.differencesProbability;
  }

  /** The tester orders result sets as they first appear; labels appear in label order. */
  private int resultset(int label) throws Exception {
    for (int r = 0; r < tester.getNumResultsets(); r++) {
      if (tester.getResultsetName(r).startsWith(data.attribute(2).value(label) + " ")
          || tester.getResultsetName(r).equals(data.attribute(2).value(label))) {
        return r;
      }
    }
    throw new IllegalStateException("no result set for " + data.attribute(2).value(label));
  }
}
