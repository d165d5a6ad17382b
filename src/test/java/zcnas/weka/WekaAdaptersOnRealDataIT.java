package zcnas.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import weka.attributeSelection.AttributeSelection;
import weka.attributeSelection.Ranker;
import weka.attributeSelection.SynFlowAttributeEval;
import weka.attributeSelection.ZeroCostEnsembleAttributeEval;
import weka.classifiers.evaluation.AbstractEvaluationMetric;
import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.evaluation.KendallTau;
import weka.classifiers.evaluation.SpearmanRho;
import weka.classifiers.functions.ZeroCostProxyRegressor;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.PluginManager;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.ZeroCostProxyScores;
import zcnas.TestData;
import zcnas.data.CifarDataset;
import zcnas.proxy.Naswot;
import zcnas.proxy.Snip;
import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Space;
import zcnas.space.nb201.Nb201Targets;
import zcnas.stats.RankAggregation;
import zcnas.stats.RankCorrelation;
import zcnas.util.ZcnasException;

/** The Weka adapters on a small real benchmark data set: 40 seeded NB201 architectures and their accuracies. */
class WekaAdaptersOnRealDataIT {
  static Instances data;
  static Nb201Targets targets;
  /** One cache for the class: each (proxy, architecture) is computed once however many adapters ask for it. */
  static String cache;

  @BeforeAll
  static void benchmark(@TempDir Path dir) {
    cache = dir.resolve("scores.tsv").toString();
    targets = Nb201Targets.load(TestData.nb201());
    java.util.ArrayList<Attribute> atts = new java.util.ArrayList<>();
    atts.add(new Attribute("arch", (List<String>) null));
    for (String t : targets.names()) {
      atts.add(new Attribute(t));
    }
    data = new Instances("nb201-sample", atts, 40);
    for (Nb201Architecture a : Nb201Architecture.sample(40, 5)) {
      double[] v = new double[atts.size()];
      v[0] = data.attribute(0).addStringValue(a.toString());
      System.arraycopy(targets.values(a), 0, v, 1, targets.names().size());
      data.add(new DenseInstance(1, v));
    }
    data.setClassIndex(data.numAttributes() - 1);
  }

  static double[] column(int attribute) {
    return data.attributeToDoubleArray(attribute);
  }

  /** SynFlow's score of each instance on a data set's images (null: the class attribute's data set). */
  static double[] synflowScores(CifarDataset images) {
    InstanceScorer s = new InstanceScorer();
    s.setCache(cache);
    List<ZeroCostProxy> synflow = List.of(new SynFlow());
    double[][] all = images == null ? s.score(data, synflow) : s.score(data, synflow, images);
    double[] out = new double[all.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = all[i][0];
    }
    return out;
  }


  @Test
  void evaluatorRanksAccuraciesBySpearmanRho() throws Exception {
    SynFlowAttributeEval eval = new SynFlowAttributeEval();
    eval.getScoring().setCache(cache);
    AttributeSelection selection = new AttributeSelection();
    selection.setEvaluator(eval);
    selection.setSearch(new Ranker());
    selection.SelectAttributes(data);
    double[] scores = synflowScores(CifarDataset.CIFAR10);
    int acc = data.attribute("cifar10_test_acc").index();
    double rho = RankCorrelation.of(scores, column(acc)).rho();
    assertEquals(rho, eval.evaluateAttribute(acc), 1e-12);
    assertTrue(rho > 0.5, "synflow vs cifar10 test accuracy on 40 archs: " + rho);
    double[][] ranked = selection.rankedAttributes();
    for (int i = 1; i < ranked.length; i++) {
      assertTrue(ranked[i - 1][1] >= ranked[i][1]);
    }
    assertTrue(selection.toResultsString().contains("cifar10_test_acc"));
    // a CIFAR-100 accuracy is ranked by scores of 100-class networks on CIFAR-100 images
    double[] on100 = synflowScores(CifarDataset.CIFAR100);
    for (int i = 0; i < on100.length; i++) {
      assertTrue(on100[i] != scores[i], "row " + i + " scored the same on both data sets");
    }
    int acc100 = data.attribute("cifar100_test_acc").index();
    assertEquals(RankCorrelation.of(on100, column(acc100)).rho(), eval.evaluateAttribute(acc100), 1e-12);
  }

  @Test
  void ensembleIsTheMeanRankOfItsProxies() throws Exception {
    ZeroCostEnsembleAttributeEval eval = new ZeroCostEnsembleAttributeEval();
    eval.getScoring().setCache(cache);
    eval.buildEvaluator(data);
    double[] expected = RankAggregation.meanRank(snipAndNaswotScores());
    double[] actual = eval.scores(CifarDataset.CIFAR10);
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r], actual[r], 1e-12);
    }
  }

  /** Snip's and NASWOT's CIFAR-10 scores: [proxy][instance]. */
  static double[][] snipAndNaswotScores() {
    InstanceScorer s = new InstanceScorer();
    s.setCache(cache);
    double[][] both = s.score(data, List.<ZeroCostProxy>of(new Snip(), new Naswot()), CifarDataset.CIFAR10);
    double[][] perProxy = new double[2][data.numInstances()];
    for (int r = 0; r < data.numInstances(); r++) {
      perProxy[0][r] = both[r][0];
      perProxy[1][r] = both[r][1];
    }
    return perProxy;
  }

  @Test
  void regressorEnsemblePredictsTheAggregationOverItsBatch() throws Exception {
    Instances d = new Instances(data);
    d.setClass(d.attribute("cifar10_test_acc"));
    ZeroCostProxyRegressor r = new ZeroCostProxyRegressor();
    r.getProxySelection().setProxies(new Snip(), new Naswot());
    r.getProxySelection().setAggregation("vote");
    r.getScoring().setCache(cache);
    r.buildClassifier(d);
    double[][] predicted = r.distributionsForInstances(d);
    double[] expected = RankAggregation.vote(snipAndNaswotScores());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], predicted[i][0], 1e-12, "instance " + i);
    }
  }

  @Test
  void filterAppendsTheScores() throws Exception {
    ZeroCostProxyScores filter = new ZeroCostProxyScores();
    filter.getProxySelection().setProxies(new SynFlow());
    filter.getScoring().setCache(cache);
    filter.setInputFormat(data);
    Instances out = Filter.useFilter(data, filter);
    assertEquals(data.numAttributes() + 1, out.numAttributes());
    assertEquals("synflow", out.attribute(out.numAttributes() - 1).name());
    // the filter scores on the images of the class attribute's data set (here an ImageNet16-120 accuracy)
    double[] scores = synflowScores(null);
    for (int r = 0; r < out.numInstances(); r++) {
      assertEquals(data.instance(r).stringValue(0), out.instance(r).stringValue(0));
      assertEquals(scores[r], out.instance(r).value(out.numAttributes() - 1), 1e-9 * Math.abs(scores[r]));
    }
  }

  @Test
  void regressorAndRankMetricsInWekasEvaluation() throws Exception {
    PluginManager.addPlugin(AbstractEvaluationMetric.class.getName(), SpearmanRho.class.getName(),
        SpearmanRho.class.getName());
    PluginManager.addPlugin(AbstractEvaluationMetric.class.getName(), KendallTau.class.getName(),
        KendallTau.class.getName());
    Instances d = new Instances(data);
    d.setClass(d.attribute("cifar10_test_acc"));
    ZeroCostProxyRegressor r = new ZeroCostProxyRegressor();
    r.getProxySelection().setProxies(new SynFlow());
    r.getScoring().setCache(cache);
    r.buildClassifier(d);
    Evaluation eval = new Evaluation(d);
    eval.evaluateModel(r, d);
    RankCorrelation expected = RankCorrelation.of(synflowScores(CifarDataset.CIFAR10), column(d.classIndex()));
    assertEquals(expected.rho(), eval.getPluginMetric("Spearman rho").getStatistic("Spearman rho"), 1e-12);
    assertEquals(expected.tau(), eval.getPluginMetric("Kendall tau").getStatistic("Kendall tau"), 1e-12);
  }

  @Test
  void malformedRowIsNamedUnlessSkipping() {
    Instances bad = new Instances(data);
    bad.instance(6).setValue(0, bad.attribute(0).addStringValue("|nor_conv_3x3~0|+|conv~0|none~1|+|none~0|none~1|none~2|"));
    InstanceScorer s = new InstanceScorer();
    s.setCache(cache);
    ZcnasException e = assertThrows(ZcnasException.class, () -> s.architectures(bad, new Nb201Space()));
    assertTrue(e.getMessage().contains("row 7") && e.getMessage().contains("'arch'")
        && e.getMessage().contains("unknown op 'conv'"), e.getMessage());
    s.setSkipBad(true);
    assertEquals(null, s.architectures(bad, new Nb201Space()).get(6));
  }

  @Test
  void metricsAreNeverNaN() {
    SpearmanRho m = new SpearmanRho();
    assertEquals(0.0, m.getStatistic("Spearman rho"));
  }
}
