package zcnas.experiment;

import java.beans.PropertyDescriptor;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.DefaultListModel;
import weka.classifiers.Classifier;
import weka.classifiers.evaluation.AbstractEvaluationMetric;
import weka.classifiers.evaluation.KendallTau;
import weka.classifiers.evaluation.SpearmanRho;
import weka.classifiers.functions.ZeroCostProxyRegressor;
import weka.core.PluginManager;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import weka.experiment.PropertyNode;
import weka.experiment.RandomSplitResultProducer;
import weka.experiment.RegressionSplitEvaluator;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.nb201.Nb201Targets;
import zcnas.util.ZcnasException;

/**
 * Weka Experimenter experiments of {@link ZeroCostProxyRegressor} schemes (Spearman rho and Kendall tau are among
 * the Experimenter's metrics once registered), and the prepared experiments of {@link ExperimentSpec} as such: one
 * scheme per entry and listed ensemble, with the same proxy options as {@code zcnas experiment NAME}, over benchmark
 * ARFFs named by relative paths, so a saved file works from the folder it was made for (Weka opens a relative data
 * set path against its working directory).
 */
public final class SavedExperiments {
  /** Where the prepared experiments and their data sets live, relative to the checkout root. */
  public static final String FOLDER = "experiments";
  /** Repetitions of the 50% split: enough for the corrected paired t-test to separate proxies. */
  public static final int PREPARED_RUNS = 10;
  /**
   * The accuracies a prepared experiment's data sets have as class: CIFAR-10 clean, FGSM (eps 8/255) and corruption
   * accuracy, the ingredients of the CRoZe paper's HRS (Ha et al., NeurIPS 2023); for advtrained, NAS-RobBench-201's
   * adversarially trained networks' clean, PGD (eps 8/255) and AutoAttack accuracy (Wu et al., ICLR 2024). All on
   * CIFAR-10 images, so each architecture is scored once per proxy configuration.
   */
  private static final List<String> CLASSES = List.of("cifar10_test_acc", "cifar10_fgsm_eps8_acc",
      "cifar10_corruption_acc", "cifar10_advtrained_clean_acc", "cifar10_advtrained_pgd_eps8_acc",
      "cifar10_advtrained_autoattack_acc");

  private SavedExperiments() {
  }

  /** The class accuracies of a prepared experiment's data sets (the benchmark ARFFs it reads). */
  public static List<String> classes(ExperimentSpec spec) {
    List<String> out = new ArrayList<>();
    for (Nb201Targets.Target t : spec.targets()) {
      if (CLASSES.contains(t.name())) {
        out.add(t.name());
      }
    }
    return out;
  }

  /**
   * The command writing every prepared experiment's data sets from a checkout root: 150 seeded architectures,
   * enough for rank correlations to separate the proxies and few enough to score in minutes on two cores.
   */
  public static String arffCommand() {
    return "bin/zcnas arff -full -sample 150 -seed 0 -class " + String.join(",", CLASSES) + " -o " + FOLDER
        + "/nb201.arff";
  }

  /** The benchmark ARFF with this accuracy as class, as {@code zcnas arff -class NAME -o FOLDER/nb201.arff} writes it. */
  public static File dataset(String className) {
    return new File(FOLDER + "/nb201-" + className + ".arff");
  }

  /**
   * One scheme per entry (a proxy with its options; an entry of a multi-output proxy predicts that output) and per
   * listed ensemble (its members' proxies and aggregation), by label. The ensemble found by searching every subset
   * depends on the scores, so it is no fixed scheme and is left to {@code zcnas experiment}.
   */
  public static Map<String, ZeroCostProxyRegressor> schemes(ExperimentSpec spec) {
    Map<String, ZeroCostProxyRegressor> schemes = new LinkedHashMap<>();
    Map<String, ExperimentSpec.Entry> entries = new LinkedHashMap<>();
    for (ExperimentSpec.Entry e : spec.entries()) {
      entries.put(e.label(), e);
      ZeroCostProxy p = Proxies.parse(e.spec());
      ZeroCostProxyRegressor r = regressor(p);
      if (!p.outputs().get(0).equals(e.output())) {
        r.setOutput(e.output());
      }
      schemes.put(e.label(), r);
    }
    for (ExperimentSpec.Ensemble ens : spec.ensembles()) {
      ZeroCostProxy[] members = new ZeroCostProxy[ens.members().size()];
      for (int i = 0; i < members.length; i++) {
        ExperimentSpec.Entry e = entries.get(ens.members().get(i));
        if (e == null) {
          throw new ZcnasException("ensemble " + ens.label() + ": member '" + ens.members().get(i) + "' is no entry");
        }
        members[i] = Proxies.parse(e.spec());
        if (!members[i].outputs().get(0).equals(e.output())) {
          throw new ZcnasException("ensemble " + ens.label() + ": member " + e.label() + " is not its proxy's score");
        }
      }
      ZeroCostProxyRegressor r = regressor(members);
      r.getProxySelection().setAggregation(ens.method().id());
      schemes.put(ens.label(), r);
    }
    return schemes;
  }

  private static ZeroCostProxyRegressor regressor(ZeroCostProxy... proxies) {
    ZeroCostProxyRegressor r = new ZeroCostProxyRegressor();
    r.getProxySelection().setProxies(proxies);
    return r;
  }

  /** A prepared experiment as the Experimenter saves it; results go to FOLDER/NAME-results.arff. */
  public static Experiment prepared(ExperimentSpec spec) throws Exception {
    DefaultListModel<File> datasets = new DefaultListModel<>();
    for (String c : classes(spec)) {
      datasets.addElement(dataset(c));
    }
    Experiment exp = experiment(datasets, new ArrayList<>(schemes(spec).values()), PREPARED_RUNS,
        new File(FOLDER + "/" + spec.name() + "-results.arff"));
    exp.setNotes(spec.name() + ": " + spec.description() + ".\nSchemes, in order: "
        + String.join(", ", schemes(spec).keySet()) + ".\nData: run 'bin/zcnas arff' as experiments/README.md says, "
        + "and start Weka in the checkout root (the data set paths are relative to the working directory).");
    return exp;
  }

  /**
   * N runs of a 50% random split of each data set (the schemes learn nothing; each run scores a different half) with
   * the schemes as the iterated classifier of a regression split evaluator, results to an ARFF file.
   */
  public static Experiment experiment(DefaultListModel<File> datasets, List<? extends Classifier> schemes, int runs,
      File results) throws Exception {
    // Split evaluators size their results for the metrics registered when they are made: register first.
    registerMetrics();
    Experiment exp = new Experiment();
    exp.setRunLower(1);
    exp.setRunUpper(runs);
    RegressionSplitEvaluator evaluator = new RegressionSplitEvaluator();
    RandomSplitResultProducer producer = new RandomSplitResultProducer();
    producer.setTrainPercent(50);
    producer.setRandomizeData(true);
    producer.setSplitEvaluator(evaluator);
    evaluator.setClassifier(schemes.get(0));
    exp.setResultProducer(producer);
    exp.setPropertyPath(new PropertyNode[] {
        new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator", RandomSplitResultProducer.class),
            RandomSplitResultProducer.class),
        new PropertyNode(schemes.get(0), new PropertyDescriptor("classifier", RegressionSplitEvaluator.class),
            RegressionSplitEvaluator.class)});
    exp.setUsePropertyIterator(true);
    exp.setPropertyArray(schemes.toArray(new Classifier[0]));
    exp.setDatasets(datasets);
    InstancesResultListener listener = new InstancesResultListener();
    listener.setOutputFile(results);
    exp.setResultListener(listener);
    return exp;
  }

  /** The plugin metrics, for runs where Weka's package manager has not registered them (a checkout). */
  public static void registerMetrics() {
    String type = AbstractEvaluationMetric.class.getName();
    for (Class<?> c : new Class<?>[] {SpearmanRho.class, KendallTau.class}) {
      if (!PluginManager.getPluginNamesOfTypeList(type).contains(c.getName())) {
        PluginManager.addPlugin(type, c.getName(), c.getName());
      }
    }
  }
}
