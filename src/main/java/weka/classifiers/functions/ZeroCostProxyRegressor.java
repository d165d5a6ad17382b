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
import zcnas.proxy.CRoZe;
import zcnas.proxy.ZeroCostProxy;
import zcnas.weka.InstanceScorer;
import zcnas.weka.ProxySpecs;

/**
 * A regression scheme whose prediction for an architecture is its zero-cost proxy score: nothing is learnt, so in
 * the Experimenter the rank metrics (Spearman rho, Kendall tau) between predictions and the class (an accuracy)
 * compare proxies as schemes, across data sets and repeated runs.
 */
public class ZeroCostProxyRegressor extends AbstractClassifier implements BatchPredictor, TechnicalInformationHandler {
  private static final long serialVersionUID = 1L;

  private ZeroCostProxy proxy = new CRoZe();
  private InstanceScorer scoring = new InstanceScorer();
  private transient Map<String, Double> memo;

  public String globalInfo() {
    return "Predicts the zero-cost proxy score of each instance's architecture (an NB201 string or a DARTS genotype; "
        + "computed on one batch of real images with PyTorch, of the class attribute's data set with dataset auto; "
        + "no training). Used in the Experimenter with the Spearman rho and Kendall tau "
        + "metrics, it compares proxies by how well their scores rank the class attribute (an accuracy). Each "
        + "distinct architecture is scored once.\n\nFor more information see:\n" + getTechnicalInformation();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return proxy.getTechnicalInformation();
  }

  public ZeroCostProxy getProxy() {
    return proxy;
  }

  public void setProxy(ZeroCostProxy proxy) {
    this.proxy = proxy;
  }

  public String proxyTipText() {
    return "The zero-cost proxy whose score is the prediction.";
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
    Vector<Option> o = ProxySpecs.listOptions("\tThe proxy with its options (default zcnas.proxy.CRoZe).", scoring);
    o.addAll(Collections.list(super.listOptions()));
    return o.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    String spec = Utils.getOption('P', options);
    setProxy(spec.isEmpty() ? new CRoZe() : ProxySpecs.parse(spec));
    scoring.setOptions(options);
    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> o = ProxySpecs.options(List.of(proxy), scoring);
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
    memo = new HashMap<>();
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

  /** Scores the instances' architectures, those not seen before in one scoring session. */
  private double[] predict(List<Instance> instances) throws Exception {
    if (memo == null) {
      memo = new HashMap<>();
    }
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
      double[][] s = scoring.score(unseen, List.of(proxy));
      for (int i = 0; i < unseen.numInstances(); i++) {
        memo.put(unseen.instance(i).stringValue(attr), s[i][0]);
      }
    }
    double[] out = new double[instances.size()];
    for (int i = 0; i < out.length; i++) {
      Instance inst = instances.get(i);
      Double v = attr < 0 || inst.isMissing(attr) ? null : memo.get(inst.stringValue(attr));
      // A prediction must be a number for Weka's evaluation: a skipped or non-finite score is missing.
      out[i] = v == null || !Double.isFinite(v) ? Utils.missingValue() : v;
    }
    return out;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClassifier(new ZeroCostProxyRegressor(), args);
  }
}
