package weka.classifiers.functions;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import weka.classifiers.AbstractClassifier;
import weka.core.BatchPredictor;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import zcnas.util.ZcnasException;
import zcnas.weka.InstanceScorer;
import zcnas.weka.ProxyEnsemble;

/**
 * A regression scheme whose prediction for an architecture is its zero-cost proxy score: nothing is learnt, so in
 * the Experimenter the rank metrics (Spearman rho, Kendall tau) between predictions and the class (an accuracy)
 * compare proxies as schemes, across data sets and repeated runs. With several proxies the prediction is their rank
 * ensemble: ranks are relative, so it is computed over the instances predicted together (the test set, which Weka's
 * evaluation predicts in one batch), exactly as the ensemble of those architectures' scores.
 */
public class ZeroCostProxyRegressor extends AbstractClassifier implements BatchPredictor, TechnicalInformationHandler {
  private static final long serialVersionUID = 3L;

  private ProxyEnsemble proxySelection = new ProxyEnsemble();
  private String output = "";
  private InstanceScorer scoring = new InstanceScorer();
  /** Each architecture's value under every proxy, so a test set is scored once however it is predicted. */
  private transient Map<String, double[]> memo;

  public String globalInfo() {
    return "Predicts the zero-cost proxy score of each instance's architecture (an NB201 string or a DARTS genotype; "
        + "computed on one batch of real images with PyTorch, of the class attribute's data set with dataset auto; "
        + "no training). With several proxies the prediction is their rank ensemble over the instances predicted "
        + "together (see aggregation). Used in the Experimenter with the Spearman rho and Kendall tau "
        + "metrics, it compares proxies by how well their scores rank the class attribute (an accuracy). Each "
        + "distinct architecture is scored once.\n\nFor more information see:\n" + getTechnicalInformation();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return proxySelection.getTechnicalInformation();
  }

  /** The proxies (default CRoZe) and how several are combined: {@code getProxySelection().setProxies(...)}. */
  public ProxyEnsemble getProxySelection() {
    return proxySelection;
  }

  public void setProxySelection(ProxyEnsemble proxySelection) {
    this.proxySelection = proxySelection;
  }

  public String proxySelectionTipText() {
    return "The zero-cost proxies, each with its settings; several predict their rank ensemble over the instances "
        + "predicted together.";
  }

  public String getOutput() {
    return output;
  }

  public void setOutput(String output) {
    this.output = output == null ? "" : output.trim();
  }

  public String outputTipText() {
    return "Which output of a single proxy is predicted, e.g. croze_ZP of CRoZe with component sums (empty: its "
        + "first, the proxy's score); ensembles combine their proxies' first outputs.";
  }

  public InstanceScorer getScoring() {
    return scoring;
  }

  public void setScoring(InstanceScorer scoring) {
    this.scoring = scoring;
  }

  public String scoringTipText() {
    return "Architecture attribute and space, images, device and score cache of the predictions.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = proxySelection.listOptions(scoring);
    o.add(new Option("\t" + outputTipText(), "output", 1, "-output <name>"));
    o.addAll(Collections.list(super.listOptions()));
    return o.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    proxySelection.setOptions(options);
    setOutput(Utils.getOption("output", options));
    scoring.setOptions(options);
    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> o = proxySelection.options(scoring);
    // Only what applies, so the Experimenter's scheme options (its result set names) stay short.
    if (proxySelection.size() > 1) {
      o.addAll(proxySelection.aggregationOptions());
    }
    if (!output.isEmpty()) {
      Collections.addAll(o, "-output", output);
    }
    Collections.addAll(o, super.getOptions());
    return o.toArray(new String[0]);
  }

  @Override
  public Capabilities getCapabilities() {
    return InstanceScorer.capabilities(super.getCapabilities(), true);
  }

  @Override
  public void buildClassifier(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    columns();
    memo = new HashMap<>();
  }

  /** The score column each proxy contributes; fails naming a wrong output before any scoring. */
  private int[] columns() {
    if (proxySelection.size() > 1 && !output.isEmpty()) {
      throw new ZcnasException("output '" + output + "' applies to a single proxy, not to an ensemble of "
          + proxySelection.size());
    }
    return proxySelection.columns(output);
  }

  @Override
  public double classifyInstance(Instance instance) throws Exception {
    return predict(List.of(instance))[0];
  }

  @Override
  public double[][] distributionsForInstances(Instances insts) throws Exception {
    double[] p = predict(insts);
    double[][] out = new double[p.length][1];
    for (int i = 0; i < p.length; i++) {
      out[i][0] = p[i];
    }
    return out;
  }

  @Override
  public boolean implementsMoreEfficientBatchPrediction() {
    return true;
  }

  /** Scores the instances' architectures, those not seen before in one scoring session, and combines ensembles. */
  private double[] predict(List<Instance> instances) throws Exception {
    if (memo == null) {
      memo = new HashMap<>();
    }
    int[] columns = columns();
    Instances data = new Instances(instances.get(0).dataset(), instances.size());
    for (Instance inst : instances) {
      data.add(inst);
    }
    int attr = scoring.findArchitectureAttribute(data);
    Instances unseen = new Instances(data, 0);
    for (Instance inst : instances) {
      if (attr >= 0 && !inst.isMissing(attr) && !memo.containsKey(inst.stringValue(attr))) {
        unseen.add(inst);
      }
    }
    if (unseen.numInstances() > 0) {
      double[][] s = scoring.score(unseen, proxySelection.list());
      for (int i = 0; i < unseen.numInstances(); i++) {
        double[] v = new double[columns.length];
        for (int p = 0; p < columns.length; p++) {
          v[p] = s[i][columns[p]];
        }
        memo.put(unseen.instance(i).stringValue(attr), v);
      }
    }
    double[][] perProxy = new double[columns.length][instances.size()];
    for (int i = 0; i < instances.size(); i++) {
      Instance inst = instances.get(i);
      double[] v = attr < 0 || inst.isMissing(attr) ? null : memo.get(inst.stringValue(attr));
      for (int p = 0; p < columns.length; p++) {
        perProxy[p][i] = v == null ? Double.NaN : v[p];
      }
    }
    double[] out = proxySelection.combine(perProxy);
    for (int i = 0; i < out.length; i++) {
      // A prediction must be a number for Weka's evaluation: a skipped or non-finite score is missing.
      out[i] = Double.isFinite(out[i]) ? out[i] : Utils.missingValue();
    }
    return out;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 2 $");
  }

  public static void main(String[] args) {
    runClassifier(new ZeroCostProxyRegressor(), args);
  }
}
