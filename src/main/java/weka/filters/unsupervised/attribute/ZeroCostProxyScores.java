package weka.filters.unsupervised.attribute;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.filters.SimpleBatchFilter;
import zcnas.score.Scorer;
import zcnas.weka.InstanceScorer;
import zcnas.weka.ProxySelection;

/**
 * Appends one numeric attribute per proxy output (e.g. croze, or croze and its component sums) holding the
 * zero-cost score of each instance's architecture; every other attribute is kept. Rows whose architecture is
 * skipped get missing scores.
 */
public class ZeroCostProxyScores extends SimpleBatchFilter implements TechnicalInformationHandler {
  private static final long serialVersionUID = 2L;

  private ProxySelection proxySelection = new ProxySelection();
  private InstanceScorer scoring = new InstanceScorer();

  @Override
  public String globalInfo() {
    return "Appends the zero-cost proxy scores of each instance's architecture (an NB201 string or a DARTS genotype "
        + "in a string or nominal attribute) as numeric attributes, one per proxy output, keeping every other "
        + "attribute, so the scores can be saved, visualised and fed to any other Weka tool (e.g. a regressor "
        + "that predicts accuracies from them). The scores are computed on one batch of real images with PyTorch "
        + "(the class attribute's data set with dataset auto, else CIFAR-10) and kept in a persistent "
        + "cache.\n\nFor more information see:\n"
        + getTechnicalInformation();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return proxySelection.getTechnicalInformation();
  }

  /** The proxies (default CRoZe): {@code getProxySelection().setProxies(...)}. */
  public ProxySelection getProxySelection() {
    return proxySelection;
  }

  public void setProxySelection(ProxySelection proxySelection) {
    this.proxySelection = proxySelection;
  }

  public String proxySelectionTipText() {
    return "The proxies whose scores are appended, each with its settings: one attribute per proxy output.";
  }

  public InstanceScorer getScoring() {
    return scoring;
  }

  public void setScoring(InstanceScorer scoring) {
    this.scoring = scoring;
  }

  public String scoringTipText() {
    return "Architecture attribute and space, images, device and score cache of the appended scores.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = proxySelection.listOptions(scoring);
    o.addAll(Collections.list(super.listOptions()));
    return o.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    proxySelection.setOptions(options);
    scoring.setOptions(options);
    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> o = proxySelection.options(scoring);
    Collections.addAll(o, super.getOptions());
    return o.toArray(new String[0]);
  }

  @Override
  public Capabilities getCapabilities() {
    return InstanceScorer.capabilities(super.getCapabilities(), false);
  }

  @Override
  protected Instances determineOutputFormat(Instances input) {
    Instances out = new Instances(input, 0);
    for (String column : Scorer.columns(proxySelection.list())) {
      String name = column;
      while (out.attribute(name) != null) {
        name = name + "'";
      }
      out.insertAttributeAt(new Attribute(name), out.numAttributes());
    }
    return out;
  }

  @Override
  protected Instances process(Instances input) {
    Instances out = new Instances(getOutputFormat(), input.numInstances());
    double[][] scores = scoring.score(input, proxySelection.list());
    int extra = out.numAttributes() - input.numAttributes();
    for (int r = 0; r < input.numInstances(); r++) {
      Instance in = input.instance(r);
      double[] values = java.util.Arrays.copyOf(in.toDoubleArray(), out.numAttributes());
      for (int k = 0; k < extra; k++) {
        double s = scores[r][k];
        values[input.numAttributes() + k] = Double.isFinite(s) ? s : Utils.missingValue();
      }
      Instance row = new DenseInstance(in.weight(), values);
      // string and relational values live in the attributes: Weka copies them into the output format
      copyValues(row, false, input, out);
      out.add(row);
    }
    return out;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runFilter(new ZeroCostProxyScores(), args);
  }
}
