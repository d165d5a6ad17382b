package zcnas.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.swing.DefaultListModel;
import weka.classifiers.functions.ZeroCostProxyRegressor;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Range;
import weka.core.Utils;
import weka.core.converters.ArffSaver;
import weka.core.converters.ConverterUtils.DataSource;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.ResultMatrixPlainText;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;
import zcnas.data.DataPaths;
import zcnas.experiment.ExperimentSpec;
import zcnas.experiment.SavedExperiments;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.util.ZcnasException;
import zcnas.weka.ProxySelection;

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
        + "       zcnas experimenter -prepared NAME|all [-o DIR]\n"
        + "       zcnas experimenter -l EXPERIMENT.xml\n"
        + "Writes a Weka Experimenter experiment comparing ZeroCostProxyRegressor schemes (one per -P; default\n"
        + "synflow and croze) on benchmark ARFFs (from 'zcnas arff'), each reduced to arch + the class attribute\n"
        + "(default cifar10_test_acc) beside EXPERIMENT.xml, with N runs (default 3) of a 50% random split (the\n"
        + "proxies learn nothing; each run scores a different half). -run runs it and prints mean and standard\n"
        + "deviation of Spearman rho per scheme with the paired corrected t-test (5%) against the first.\n"
        + "-prepared writes DIR/NAME.xml (default DIR: experiments) for a prepared experiment of 'zcnas experiment'\n"
        + "(" + String.join(", ", ExperimentSpec.COMPARISONS) + ", or all): its entries and listed ensembles as "
        + "schemes, "
        + SavedExperiments.PREPARED_RUNS + " runs,\n"
        + "over experiments/nb201-<accuracy>.arff relative to the working directory, which this writes:\n  "
        + SavedExperiments.arffCommand() + "\n"
        + "-l runs a saved experiment (as Weka's 'Experiment -l FILE -r' does; here also through weka.Run) and prints\n"
        + "the paired corrected t-test of Spearman rho and of Kendall tau.\n";
  }

  @Override
  public int run(String[] options) throws Exception {
    String inputs = Utils.getOption('i', options);
    String out = Utils.getOption('o', options);
    String prepared = Utils.getOption("prepared", options);
    String load = Utils.getOption('l', options);
    if (!load.isEmpty()) {
      Utils.checkForRemainingOptions(options);
      runSaved(load);
      return 0;
    }
    if (!prepared.isEmpty()) {
      if (!inputs.isEmpty()) {
        throw new ZcnasException("-prepared reads its own data sets: no -i");
      }
      Utils.checkForRemainingOptions(options);
      writePrepared(prepared, Paths.get(out.isEmpty() ? SavedExperiments.FOLDER : out));
      return 0;
    }
    if (inputs.isEmpty() || out.isEmpty()) {
      throw new ZcnasException("-i BENCH.arff and -o EXPERIMENT.xml are required");
    }
    String cls = Utils.getOption("class", options);
    String className = cls.isEmpty() ? "cifar10_test_acc" : cls;
    List<ZeroCostProxy> proxies = ProxySelection.parseAll('P', options);
    if (proxies.isEmpty()) {
      proxies.add(Proxies.parse("synflow"));
      proxies.add(Proxies.parse("croze"));
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
    List<ZeroCostProxyRegressor> schemes = new ArrayList<>();
    for (ZeroCostProxy p : proxies) {
      ZeroCostProxyRegressor r = new ZeroCostProxyRegressor();
      r.getProxySelection().setProxies(p);
      // An absolute image folder, so the saved experiment runs from any working directory.
      r.getScoring().setImagesDir(DataPaths.images().toString());
      schemes.add(r);
    }
    Experiment exp = SavedExperiments.experiment(datasets, schemes, runs, results.toFile());
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

  /** The prepared experiments' saved files, DIR/NAME.xml, deterministic so that the committed ones can be checked. */
  static void writePrepared(String name, Path dir) throws Exception {
    List<String> names = name.equals("all") ? ExperimentSpec.COMPARISONS : List.of(ExperimentSpec.named(name).name());
    if (!ExperimentSpec.COMPARISONS.containsAll(names)) {
      throw new ZcnasException("-prepared " + name + ": only the proxy comparisons have saved Experimenter "
          + "experiments (" + String.join(", ", ExperimentSpec.COMPARISONS) + ", or all)");
    }
    Files.createDirectories(dir);
    for (String n : names) {
      ExperimentSpec spec = ExperimentSpec.named(n);
      Path xml = dir.resolve(n + ".xml");
      Experiment.write(xml.toString(), SavedExperiments.prepared(spec));
      System.err.println("wrote " + xml + ": " + SavedExperiments.schemes(spec).size() + " schemes on "
          + SavedExperiments.classes(spec));
    }
    System.err.println("their data sets, from the checkout root: " + SavedExperiments.arffCommand());
  }

  /** Runs a saved experiment and prints its analysis by both rank metrics. */
  static void runSaved(String xml) throws Exception {
    // Split evaluators size their results for the metrics registered when they are made: before reading.
    SavedExperiments.registerMetrics();
    Experiment exp = Experiment.read(xml);
    if (!(exp.getResultListener() instanceof InstancesResultListener)) {
      throw new ZcnasException(xml + ": the experiment's results do not go to an ARFF file, which -l analyses");
    }
    for (int d = 0; d < exp.getDatasets().size(); d++) {
      File f = (File) exp.getDatasets().get(d);
      if (!f.isFile()) {
        throw new ZcnasException("data set " + f + " not found (a relative path is read from the working directory "
            + Paths.get("").toAbsolutePath() + "); the prepared experiments' data: " + SavedExperiments.arffCommand());
      }
    }
    exp.initialize();
    exp.runExperiment();
    exp.postProcess();
    Instances results = DataSource.read(((InstancesResultListener) exp.getResultListener()).getOutputFile().getPath());
    System.out.print(compare(results, "Spearman rho"));
    System.out.print(compare(results, "Kendall tau"));
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
