package zcnas.cli;

import java.beans.PropertyDescriptor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.swing.DefaultListModel;
import weka.classifiers.Classifier;
import weka.classifiers.evaluation.AbstractEvaluationMetric;
import weka.classifiers.evaluation.KendallTau;
import weka.classifiers.evaluation.SpearmanRho;
import weka.classifiers.functions.ZeroCostProxyRegressor;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.PluginManager;
import weka.core.Range;
import weka.core.Utils;
import weka.core.converters.ArffSaver;
import weka.core.converters.ConverterUtils.DataSource;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.PropertyNode;
import weka.experiment.RandomSplitResultProducer;
import weka.experiment.RegressionSplitEvaluator;
import weka.experiment.ResultMatrixPlainText;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;
import zcnas.data.DataPaths;
import zcnas.proxy.ZeroCostProxy;
import zcnas.util.ZcnasException;
import zcnas.weka.ProxySpecs;

/**
 * {@code zcnas experimenter}: a Weka Experimenter comparison of proxies as regression schemes by Spearman rho: writes
 * a saved experiment (open it in the Experimenter GUI or run it with weka.experiment.Experiment -l FILE -r), and with
 * -run runs it and prints the paired corrected t-test.
 */
final class ExperimenterTool implements Zcnas.Tool {

  @Override
  public String summary() {
    return "a saved Weka Experimenter experiment comparing proxies by Spearman rho; -run runs and analyses it";
  }

  @Override
  public String usage() {
    return "usage: zcnas experimenter -i BENCH.arff[,MORE.arff] [-class NAME] [-P \"proxy opts\"]... [-runs N]\n"
        + "                          -o EXPERIMENT.xml [-results RESULTS.arff] [-run]\n"
        + "Writes a Weka Experimenter experiment comparing ZeroCostProxyRegressor schemes (one per -P; default\n"
        + "synflow and croze) on benchmark ARFFs (from 'zcnas arff'), each reduced to arch + the class attribute\n"
        + "(default cifar10_test_acc) beside EXPERIMENT.xml, with N runs (default 3) of a 50% random split (the\n"
        + "proxies learn nothing; each run scores a different half). -run runs it and prints mean and standard\n"
        + "deviation of Spearman rho per scheme with the paired corrected t-test (5%) against the first.\n";
  }

  @Override
  public int run(String[] options) throws Exception {
    String inputs = Utils.getOption('i', options);
    String out = Utils.getOption('o', options);
    if (inputs.isEmpty() || out.isEmpty()) {
      throw new ZcnasException("-i BENCH.arff and -o EXPERIMENT.xml are required");
    }
    String cls = Utils.getOption("class", options);
    String className = cls.isEmpty() ? "cifar10_test_acc" : cls;
    List<ZeroCostProxy> proxies = ProxySpecs.parseAll('P', options);
    if (proxies.isEmpty()) {
      proxies.add(ProxySpecs.parse("synflow"));
      proxies.add(ProxySpecs.parse("croze"));
    }
    int runs = CommonOptions.intOption(options, "runs", 3, 1, 1000);
    String resultsOption = Utils.getOption("results", options);
    boolean run = Utils.getFlag("run", options);
    Utils.checkForRemainingOptions(options);

    Path xml = Paths.get(out).toAbsolutePath();
    Path results = resultsOption.isEmpty() ? xml.resolveSibling(baseName(xml) + "-results.arff")
        : Paths.get(resultsOption).toAbsolutePath();
    Files.createDirectories(xml.getParent());
    DefaultListModel<File> datasets = new DefaultListModel<>();
    for (String in : inputs.split(",")) {
      datasets.addElement(reduce(Paths.get(in), className, xml.getParent()).toFile());
    }
    // Split evaluators size their results for the metrics registered when they are made: register first.
    registerMetrics();
    Experiment exp = experiment(datasets, proxies, runs, results.toFile());
    Experiment.write(xml.toString(), exp);
    System.err.println("wrote experiment " + xml + " (" + proxies.size() + " schemes, " + datasets.size()
        + " data sets, " + runs + " runs)");
    if (run) {
      exp.initialize();
      exp.runExperiment();
      exp.postProcess();
      System.out.print(compare(DataSource.read(results.toString()), "Spearman rho"));
    }
    return 0;
  }

  private static String baseName(Path p) {
    String n = p.getFileName().toString();
    return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
  }

  /** A copy of the data set with only the architecture string and the class, which goes last. */
  static Path reduce(Path arff, String className, Path dir) throws Exception {
    Instances data = DataSource.read(arff.toString());
    Attribute cls = data.attribute(className);
    if (cls == null || !cls.isNumeric()) {
      throw new ZcnasException(arff + ": no numeric attribute '" + className + "' to use as the class");
    }
    int arch = -1;
    for (int i = 0; i < data.numAttributes() && arch < 0; i++) {
      arch = data.attribute(i).isString() ? i : -1;
    }
    if (arch < 0) {
      throw new ZcnasException(arff + ": no string attribute holding the architectures");
    }
    Remove keep = new Remove();
    keep.setAttributeIndicesArray(new int[] {arch, cls.index()});
    keep.setInvertSelection(true);
    keep.setInputFormat(data);
    Instances reduced = Filter.useFilter(data, keep);
    reduced.setRelationName(baseName(arff) + "-" + className);
    Path target = dir.resolve(baseName(arff) + "-" + className + ".arff");
    ArffSaver saver = new ArffSaver();
    saver.setInstances(reduced);
    saver.setFile(target.toFile());
    saver.writeBatch();
    return target;
  }

  static Experiment experiment(DefaultListModel<File> datasets, List<ZeroCostProxy> proxies, int runs, File results)
      throws Exception {
    Experiment exp = new Experiment();
    exp.setRunLower(1);
    exp.setRunUpper(runs);
    RegressionSplitEvaluator evaluator = new RegressionSplitEvaluator();
    RandomSplitResultProducer producer = new RandomSplitResultProducer();
    producer.setTrainPercent(50);
    producer.setRandomizeData(true);
    producer.setSplitEvaluator(evaluator);
    Classifier[] schemes = new Classifier[proxies.size()];
    for (int i = 0; i < schemes.length; i++) {
      ZeroCostProxyRegressor r = new ZeroCostProxyRegressor();
      r.setProxy(proxies.get(i));
      // An absolute image folder, so the saved experiment runs from any working directory.
      r.getScoring().setImagesDir(DataPaths.images().toString());
      schemes[i] = r;
    }
    evaluator.setClassifier(schemes[0]);
    exp.setResultProducer(producer);
    exp.setPropertyPath(new PropertyNode[] {
        new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator", RandomSplitResultProducer.class),
            RandomSplitResultProducer.class),
        new PropertyNode(schemes[0], new PropertyDescriptor("classifier", RegressionSplitEvaluator.class),
            RegressionSplitEvaluator.class)});
    exp.setUsePropertyIterator(true);
    exp.setPropertyArray(schemes);
    exp.setDatasets(datasets);
    InstancesResultListener listener = new InstancesResultListener();
    listener.setOutputFile(results);
    exp.setResultListener(listener);
    return exp;
  }

  /** The plugin metrics, for runs where Weka's package manager has not registered them (a checkout). */
  static void registerMetrics() throws Exception {
    String type = AbstractEvaluationMetric.class.getName();
    for (Class<?> c : new Class<?>[] {SpearmanRho.class, KendallTau.class}) {
      if (!PluginManager.getPluginNamesOfTypeList(type).contains(c.getName())) {
        PluginManager.addPlugin(type, c.getName(), c.getName());
      }
    }
  }

  /** The Experimenter's analysis: mean (std) of a result column per scheme, paired corrected t-test vs the first. */
  static String compare(Instances results, String column) throws Exception {
    Attribute metric = results.attribute(column);
    if (metric == null) {
      throw new ZcnasException("the results have no column '" + column + "': were the plugin metrics registered?");
    }
    PairedCorrectedTTester tester = new PairedCorrectedTTester();
    tester.setInstances(results);
    tester.setSortColumn(-1);
    tester.setRunColumn(results.attribute("Key_Run").index());
    tester.setFoldColumn(-1);
    tester.setDatasetKeyColumns(new Range("" + (results.attribute("Key_Dataset").index() + 1)));
    tester.setResultsetKeyColumns(new Range((results.attribute("Key_Scheme").index() + 1) + ","
        + (results.attribute("Key_Scheme_options").index() + 1) + ","
        + (results.attribute("Key_Scheme_version_ID").index() + 1)));
    ResultMatrixPlainText matrix = new ResultMatrixPlainText();
    matrix.setShowStdDev(true);
    matrix.setMeanPrec(3);
    matrix.setStdDevPrec(3);
    tester.setResultMatrix(matrix);
    tester.setSignificanceLevel(0.05);
    tester.setShowStdDevs(true);
    return "Tester:     weka.experiment.PairedCorrectedTTester\nAnalysing:  " + column + "\n"
        + tester.multiResultsetFull(0, metric.index());
  }
}
