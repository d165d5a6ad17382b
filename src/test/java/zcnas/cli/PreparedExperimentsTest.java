package zcnas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.functions.ZeroCostProxyRegressor;
import weka.core.Utils;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import zcnas.experiment.ExperimentSpec;
import zcnas.experiment.SavedExperiments;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.util.ZcnasException;

/** The committed experiments/NAME.xml are what the generator writes, and hold the prepared experiments' schemes. */
class PreparedExperimentsTest {
  static final Path COMMITTED = Paths.get(SavedExperiments.FOLDER);

  @Test
  void committedFilesAreWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
    ExperimenterTool.writePrepared("all", dir);
    List<String> written = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> written.add(f.getFileName().toString()));
    }
    written.sort(null);
    List<String> expected = new ArrayList<>();
    for (String n : ExperimentSpec.COMPARISONS) {
      expected.add(n + ".xml");
    }
    expected.sort(null);
    assertEquals(expected, written);
    for (String f : written) {
      assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(COMMITTED.resolve(f)),
          "experiments/" + f + " is stale: run 'bin/zcnas experimenter -prepared all' and commit it");
    }
  }

  @Test
  void savedSchemesAreTheExperimentsEntriesAndEnsembles() throws Exception {
    for (String name : ExperimentSpec.COMPARISONS) {
      ExperimentSpec spec = ExperimentSpec.named(name);
      Experiment exp = Experiment.read(COMMITTED.resolve(name + ".xml").toString());
      Object[] saved = (Object[]) exp.getPropertyArray();
      assertEquals(spec.entries().size() + spec.ensembles().size(), saved.length, name);
      int i = 0;
      for (ExperimentSpec.Entry e : spec.entries()) {
        ZeroCostProxyRegressor r = (ZeroCostProxyRegressor) saved[i++];
        ZeroCostProxy[] proxies = r.getProxySelection().getProxies();
        assertEquals(1, proxies.length, e.label());
        // The same proxy with the same options as 'zcnas experiment NAME' computes for this entry.
        assertEquals(Proxies.parse(e.spec()).cacheKey(), proxies[0].cacheKey(), e.label());
        String predicted = r.getOutput().isEmpty() ? proxies[0].outputs().get(0) : r.getOutput();
        assertEquals(e.output(), predicted, e.label());
      }
      for (ExperimentSpec.Ensemble ens : spec.ensembles()) {
        ZeroCostProxyRegressor r = (ZeroCostProxyRegressor) saved[i++];
        assertEquals(ens.method().id(), r.getProxySelection().getAggregation(), ens.label());
        ZeroCostProxy[] proxies = r.getProxySelection().getProxies();
        assertEquals(ens.members().size(), proxies.length, ens.label());
        for (int m = 0; m < ens.members().size(); m++) {
          String member = ens.members().get(m);
          String memberSpec = spec.entries().stream().filter(e -> e.label().equals(member)).findFirst()
              .orElseThrow().spec();
          assertEquals(Proxies.parse(memberSpec).cacheKey(), proxies[m].cacheKey(), ens.label());
        }
      }
      // Portable: the data sets and the results file are relative to the working directory, the scoring
      // settings name no machine's folders (images and cache are the defaults).
      List<String> datasets = new ArrayList<>();
      for (int d = 0; d < exp.getDatasets().size(); d++) {
        File f = (File) exp.getDatasets().get(d);
        assertTrue(!f.isAbsolute(), f.toString());
        datasets.add(f.getPath());
      }
      assertEquals(SavedExperiments.classes(spec).stream().map(c -> "experiments/nb201-" + c + ".arff").toList(),
          datasets);
      File results = ((InstancesResultListener) exp.getResultListener()).getOutputFile();
      assertEquals("experiments/" + name + "-results.arff", results.getPath());
      for (Object s : saved) {
        String options = Utils.joinOptions(((ZeroCostProxyRegressor) s).getOptions());
        assertTrue(!options.contains("-data ") && !options.contains("-cache "), options);
      }
      assertEquals(SavedExperiments.PREPARED_RUNS, exp.getRunUpper());
    }
  }

  @Test
  void ablationPredictsEachComponentSubsetAndEnsemblesTheirAggregation() throws Exception {
    Map<String, ZeroCostProxyRegressor> ablation = SavedExperiments.schemes(ExperimentSpec.named("ablation"));
    assertEquals("croze_ZP", ablation.get("croze_ZP").getOutput());
    assertEquals("croze-paper_G", ablation.get("croze-paper_G").getOutput());
    Map<String, ZeroCostProxyRegressor> ensemble = SavedExperiments.schemes(ExperimentSpec.named("ensemble"));
    String options = Utils.joinOptions(ensemble.get("vote(croze+snip+naswot)").getOptions());
    assertTrue(options.contains("-A vote") && options.contains("zcnas.proxy.CRoZe")
        && options.contains("zcnas.proxy.Snip") && options.contains("zcnas.proxy.Naswot"), options);
    assertTrue(!Utils.joinOptions(ensemble.get("snip").getOptions()).contains("-A "), "a single proxy has no -A");
  }

  @Test
  void runningWithoutTheDataNamesTheMissingFileAndTheCommandWritingIt(@TempDir Path dir) throws Exception {
    javax.swing.DefaultListModel<File> datasets = new javax.swing.DefaultListModel<>();
    datasets.addElement(new File("experiments/nb201-nothing.arff"));
    Path xml = dir.resolve("missing.xml");
    Experiment.write(xml.toString(), SavedExperiments.experiment(datasets,
        List.of(new ZeroCostProxyRegressor()), 1, dir.resolve("results.arff").toFile()));
    ZcnasException e = assertThrows(ZcnasException.class, () -> ExperimenterTool.runSaved(xml.toString()));
    assertTrue(e.getMessage().startsWith("data set experiments/nb201-nothing.arff not found")
        && e.getMessage().contains("bin/zcnas arff -full -sample 150"), e.getMessage());
  }
}
