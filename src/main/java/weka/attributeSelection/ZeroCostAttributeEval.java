package weka.attributeSelection;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import zcnas.proxy.ZeroCostProxy;
import zcnas.stats.RankAggregation;
import zcnas.stats.RankCorrelation;
import zcnas.weka.InstanceScorer;
import zcnas.weka.ProxySpecs;

/**
 * Ranks the numeric attributes of a data set of architectures (e.g. accuracies under attacks and corruptions) by how
 * well a zero-cost proxy predicts them: buildEvaluator scores every architecture instance, evaluateAttribute(i) is
 * the Spearman rho between the scores and attribute i. With several proxies the score is their ensemble by rank
 * aggregation.
 */
public abstract class ZeroCostAttributeEval extends ASEvaluation
    implements AttributeEvaluator, OptionHandler, TechnicalInformationHandler {
  private static final long serialVersionUID = 1L;

  private ZeroCostProxy[] proxies = defaultProxies();
  private InstanceScorer scoring = new InstanceScorer();
  private double[] merits;
  private double[] scores;
  private String summary = "";

  /** The proxies a new evaluator starts with. */
  protected abstract ZeroCostProxy[] defaultProxies();

  public String globalInfo() {
    StringBuilder sb = new StringBuilder("Scores every architecture instance (an NB201 string attribute) with ");
    sb.append(proxies.length == 1 ? "the " + proxies[0].name() + " zero-cost proxy"
        : "an ensemble of zero-cost proxies (mean rank)");
    sb.append(", computed on one batch of real images with PyTorch, and rates each numeric attribute (an accuracy) "
        + "by the Spearman rank correlation between the scores and its values. With Ranker, the output lists "
        + "which accuracies the proxy predicts, and how well.\n\n");
    sb.append(proxies[0].globalInfo());
    return sb.toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return proxies[0].getTechnicalInformation();
  }

  public ZeroCostProxy[] getProxies() {
    return proxies.clone();
  }

  public void setProxies(ZeroCostProxy[] proxies) {
    if (proxies == null || proxies.length == 0) {
      throw new IllegalArgumentException("at least one proxy is needed");
    }
    this.proxies = proxies.clone();
  }

  public String proxiesTipText() {
    return "The zero-cost proxies, each with its settings; several are combined by mean rank.";
  }

  public InstanceScorer getScoring() {
    return scoring;
  }

  public void setScoring(InstanceScorer scoring) {
    this.scoring = scoring;
  }

  public String scoringTipText() {
    return "Architecture attribute, images, device and score cache.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = ProxySpecs.listOptions("\tA proxy with its options, e.g. \"zcnas.proxy.CRoZe -B 8\" or "
        + "\"croze -B 8\"\n\t(repeatable: an ensemble; default: " + ProxySpecs.toSpec(defaultProxies()[0]) + ").", scoring);
    for (ZeroCostProxy p : defaultProxies()) {
      o.add(new Option("", "", 0, "\nOptions specific to proxy " + p.getClass().getName() + ":"));
      o.addAll(Collections.list(p.listOptions()));
    }
    return o.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    List<ZeroCostProxy> given = ProxySpecs.parseAll('P', options);
    setProxies(given.isEmpty() ? defaultProxies() : given.toArray(new ZeroCostProxy[0]));
    scoring.setOptions(options);
    weka.core.Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return ProxySpecs.options(List.of(proxies), scoring).toArray(new String[0]);
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities c = super.getCapabilities();
    c.disableAll();
    c.enable(Capability.NOMINAL_ATTRIBUTES);
    c.enable(Capability.NUMERIC_ATTRIBUTES);
    c.enable(Capability.STRING_ATTRIBUTES);
    c.enable(Capability.DATE_ATTRIBUTES);
    c.enable(Capability.MISSING_VALUES);
    c.enable(Capability.NOMINAL_CLASS);
    c.enable(Capability.NUMERIC_CLASS);
    c.enable(Capability.DATE_CLASS);
    c.enable(Capability.STRING_CLASS);
    c.enable(Capability.MISSING_CLASS_VALUES);
    c.enable(Capability.NO_CLASS);
    c.setMinimumNumberInstances(0);
    return c;
  }

  @Override
  public void buildEvaluator(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    List<ZeroCostProxy> list = List.of(proxies);
    double[][] perProxy = new double[proxies.length][data.numInstances()];
    double[][] all = scoring.score(data, list);
    int column = 0;
    for (int p = 0; p < proxies.length; p++) {
      for (int r = 0; r < data.numInstances(); r++) {
        perProxy[p][r] = all[r][column];
      }
      column += proxies[p].outputs().size();
    }
    scores = proxies.length == 1 ? perProxy[0] : RankAggregation.meanRank(perProxy);
    int archAttr = scoring.findArchitectureAttribute(data);
    merits = new double[data.numAttributes()];
    StringBuilder sb = new StringBuilder();
    int scored = 0;
    for (double s : scores) {
      scored += Double.isNaN(s) ? 0 : 1;
    }
    sb.append("\tZero-cost proxy attribute evaluator\n\n\tProxies: ");
    for (ZeroCostProxy p : proxies) {
      sb.append(p).append("; ");
    }
    sb.append("\n\tArchitectures scored: ").append(scored).append(" of ").append(data.numInstances())
        .append(" instances\n\tMerit of an attribute: Spearman rho between the proxy scores and its values\n");
    for (int i = 0; i < data.numAttributes(); i++) {
      if (i != archAttr && data.attribute(i).isNumeric()) {
        RankCorrelation r = RankCorrelation.of(scores, data.attributeToDoubleArray(i));
        // An undefined correlation (constant column, too few rows) carries no ranking information: 0.
        merits[i] = Double.isNaN(r.rho()) ? 0 : r.rho();
      }
    }
    summary = sb.toString();
  }

  /** The proxy score of each instance of the last data set (NaN for skipped rows). */
  public double[] scores() {
    return scores == null ? new double[0] : scores.clone();
  }

  @Override
  public double evaluateAttribute(int attribute) throws Exception {
    if (merits == null) {
      throw new IllegalStateException("buildEvaluator has not been called");
    }
    return merits[attribute];
  }

  @Override
  public String toString() {
    return merits == null ? "Zero-cost proxy attribute evaluator: not built yet" : summary;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
