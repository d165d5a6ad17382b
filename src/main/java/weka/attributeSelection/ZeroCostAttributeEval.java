package weka.attributeSelection;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Vector;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.proxy.ZeroCostProxy;
import zcnas.stats.RankCorrelation;
import zcnas.weka.InstanceScorer;
import zcnas.weka.ProxyEnsemble;

/**
 * Ranks the numeric attributes of a data set of architectures (accuracies under attacks and corruptions) by how
 * well a zero-cost proxy predicts them: buildEvaluator scores every architecture instance, evaluateAttribute(i) is
 * the Spearman rho between the scores and attribute i, each accuracy scored on its own data set's images. With
 * several proxies the score is their ensemble by rank aggregation. Identifier attributes (an index, a rank) are not
 * accuracies: they get -Infinity, so Ranker puts them last and does not select them. Unsupervised in Weka's sense:
 * no attribute is the class, so every accuracy is ranked (Weka leaves a supervised evaluator's class out).
 */
public abstract class ZeroCostAttributeEval extends UnsupervisedAttributeEvaluator
    implements OptionHandler, TechnicalInformationHandler {
  private static final long serialVersionUID = 3L;

  private ProxyEnsemble proxySelection = new ProxyEnsemble(defaultProxies());
  private InstanceScorer scoring = new InstanceScorer();
  private double[] merits;
  private final Map<CifarDataset, double[]> scores = new EnumMap<>(CifarDataset.class);
  private String summary = "";

  /** The proxies a new evaluator starts with. */
  protected abstract ZeroCostProxy[] defaultProxies();

  public String globalInfo() {
    List<ZeroCostProxy> proxies = proxySelection.list();
    return "Scores every architecture instance (NB201 strings or DARTS genotypes) with "
        + (proxies.size() == 1 ? "the " + proxies.get(0).name() + " zero-cost proxy"
            : "an ensemble of zero-cost proxies (rank aggregation)")
        + ", computed on one batch of real images with PyTorch, and rates each numeric attribute (an accuracy) by "
        + "the Spearman rank correlation between the scores and its values, the scores of each accuracy computed "
        + "on the images of its own data set (named by its prefix). With Ranker, the output lists which "
        + "accuracies the proxy predicts, and how well; identifiers (index, rank) are left out.\n\n"
        + proxies.get(0).globalInfo();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return proxySelection.getTechnicalInformation();
  }

  /** The proxies and, for several, their rank aggregation: {@code getProxySelection().setProxies(...)}. */
  public ProxyEnsemble getProxySelection() {
    return proxySelection;
  }

  public void setProxySelection(ProxyEnsemble proxySelection) {
    this.proxySelection = proxySelection;
  }

  public String proxySelectionTipText() {
    return "The zero-cost proxies, each with its settings; several form an ensemble by rank aggregation.";
  }

  public InstanceScorer getScoring() {
    return scoring;
  }

  public void setScoring(InstanceScorer scoring) {
    this.scoring = scoring;
  }

  public String scoringTipText() {
    return "Architecture attribute and space, images, device and score cache.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = proxySelection.listOptions(scoring);
    for (ZeroCostProxy p : defaultProxies()) {
      o.add(new Option("", "", 0, "\nOptions specific to proxy " + p.getClass().getName() + ":"));
      o.addAll(Collections.list(p.listOptions()));
    }
    return o.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    proxySelection.setOptions(options);
    scoring.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> o = proxySelection.options(scoring);
    o.addAll(proxySelection.aggregationOptions());
    return o.toArray(new String[0]);
  }

  @Override
  public Capabilities getCapabilities() {
    return InstanceScorer.capabilities(super.getCapabilities(), false);
  }

  /** An identifier rather than an accuracy: an index, a rank, an isomorphism class, a scoring position. */
  static boolean isIdentifier(Attribute a) {
    String n = a.name().toLowerCase(Locale.ROOT);
    return n.equals("index") || n.endsWith("_index") || n.equals("rank") || n.equals("uid_noniso")
        || n.equals("scored_at");
  }

  @Override
  public void buildEvaluator(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    int archAttr = scoring.findArchitectureAttribute(data);
    merits = new double[data.numAttributes()];
    scores.clear();
    int found = 0;
    for (int i = 0; i < data.numAttributes(); i++) {
      Attribute a = data.attribute(i);
      if (i == archAttr || !a.isNumeric() || isIdentifier(a)) {
        merits[i] = Double.NEGATIVE_INFINITY;
        continue;
      }
      CifarDataset images = scoring.datasetFor(a.name());
      if (!scores.containsKey(images)) {
        scores.put(images, ensemble(data, images));
        found += scoring.foundInCache();
      }
      double[] s = scores.get(images);
      RankCorrelation r = RankCorrelation.of(s, data.attributeToDoubleArray(i));
      // An undefined correlation (constant column, too few rows) carries no ranking information: 0.
      merits[i] = Double.isNaN(r.rho()) ? 0 : r.rho();
    }
    if (scores.isEmpty()) {
      scores.put(scoring.datasetFor(null), ensemble(data, scoring.datasetFor(null)));
      found += scoring.foundInCache();
    }
    StringBuilder sb = new StringBuilder("\tZero-cost proxy attribute evaluator\n\n\tProxies: ");
    for (ZeroCostProxy p : proxySelection.list()) {
      sb.append(p).append("; ");
    }
    if (proxySelection.size() > 1) {
      sb.append("\n\tEnsemble: ").append(proxySelection.getAggregation());
    }
    double[] any = scores.values().iterator().next();
    long scored = java.util.Arrays.stream(any).filter(v -> !Double.isNaN(v)).count();
    sb.append("\n\tArchitectures scored: ").append(scored).append(" of ").append(data.numInstances())
        .append(" instances");
    if (found > 0) {
      sb.append(" (").append(found).append(scores.size() > 1 ? " architecture x image set pairs" : "")
          .append(" found in the score cache)");
    }
    sb.append("\n\tImages: ");
    for (CifarDataset d : scores.keySet()) {
      sb.append(d.id()).append(" accuracies on ").append(d.description()).append("; ");
    }
    sb.append("\n\tMerit of an attribute: Spearman rho between the proxy scores and its values\n");
    summary = sb.toString();
  }

  /** The proxies' scores of every instance on a data set's images, aggregated when there are several. */
  private double[] ensemble(Instances data, CifarDataset images) {
    double[][] all = scoring.score(data, proxySelection.list(), images);
    int[] columns = proxySelection.columns("");
    double[][] perProxy = new double[columns.length][data.numInstances()];
    for (int p = 0; p < columns.length; p++) {
      for (int r = 0; r < data.numInstances(); r++) {
        perProxy[p][r] = all[r][columns[p]];
      }
    }
    return proxySelection.combine(perProxy);
  }

  /**
   * The (ensemble) score of each instance of the last data set (NaN for skipped rows) on the given images.
   *
   * @throws IllegalStateException where no attribute of that data set was scored on those images
   */
  public double[] scores(CifarDataset images) {
    double[] s = scores.get(images);
    if (s == null) {
      throw new IllegalStateException("no attribute was scored on " + images.id() + " images; scored: "
          + scores.keySet());
    }
    return s.clone();
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
    return RevisionUtils.extract("$Revision: 2 $");
  }
}
