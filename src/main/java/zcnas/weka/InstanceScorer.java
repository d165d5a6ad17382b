package zcnas.weka;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.data.DataPaths;
import zcnas.network.Nb201Network;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.util.ZcnasException;

/**
 * What the Weka adapters share: the options naming the architecture attribute, the images, device and score cache,
 * and the scoring of a data set's architecture instances (each distinct architecture once, through the cache).
 */
public final class InstanceScorer implements OptionHandler, Serializable {
  private static final long serialVersionUID = 1L;

  private String architectureAttribute = "";
  private String dataset = CifarDataset.CIFAR10.id();
  private String imagesDir = "";
  private String device = "auto";
  private int threads;
  private String batches = "seeded";
  private String cache = "";
  private boolean skipBad;

  public String globalInfo() {
    return "Where and how the zero-cost proxies are computed: the attribute holding the NB201 architecture strings, "
        + "the images, the device and the persistent score cache.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = new Vector<>();
    o.add(new Option("\tName of the attribute holding the NB201 architecture strings\n\t(default: the first string "
        + "attribute, else the first nominal one).", "arch", 1, "-arch <name>"));
    o.add(new Option("\tImages the proxies see: cifar10 or cifar100 (default cifar10).", "dataset", 1,
        "-dataset <cifar10|cifar100>"));
    o.add(new Option("\tFolder with cifar-10-batches-bin/ and cifar-100-binary/ (default ../shared/data/images\n\t"
        + "or $ZCNAS_DATA/images).", "data", 1, "-data <dir>"));
    o.add(new Option("\tDevice: auto, cpu or gpu (default auto).", "device", 1, "-device <auto|cpu|gpu>"));
    o.add(new Option("\tPyTorch threads (default 0: one per core).", "threads", 1, "-threads <n>"));
    o.add(new Option("\tBatches: seeded or first (default seeded).", "batches", 1, "-batches <seeded|first>"));
    o.add(new Option("\tScore cache file, or none (default ~/.zcnas/scores.tsv).", "cache", 1, "-cache <file|none>"));
    o.add(new Option("\tSkip rows whose architecture is missing or malformed, with a warning\n\t(default: stop with "
        + "an error naming the row).", "skip-bad", 0, "-skip-bad"));
    return o.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    architectureAttribute = Utils.getOption("arch", options);
    String d = Utils.getOption("dataset", options);
    setDataset(d.isEmpty() ? CifarDataset.CIFAR10.id() : d);
    imagesDir = Utils.getOption("data", options);
    String dev = Utils.getOption("device", options);
    device = dev.isEmpty() ? "auto" : dev;
    String t = Utils.getOption("threads", options);
    threads = t.isEmpty() ? 0 : Integer.parseInt(t);
    String b = Utils.getOption("batches", options);
    setBatches(b.isEmpty() ? "seeded" : b);
    cache = Utils.getOption("cache", options);
    skipBad = Utils.getFlag("skip-bad", options);
  }

  @Override
  public String[] getOptions() {
    return optionList().toArray(new String[0]);
  }

  /** The options, to be appended to an adapter's own. */
  public List<String> optionList() {
    List<String> o = new ArrayList<>();
    if (!architectureAttribute.isEmpty()) {
      Collections.addAll(o, "-arch", architectureAttribute);
    }
    Collections.addAll(o, "-dataset", dataset);
    if (!imagesDir.isEmpty()) {
      Collections.addAll(o, "-data", imagesDir);
    }
    Collections.addAll(o, "-device", device, "-threads", Integer.toString(threads), "-batches", batches);
    if (!cache.isEmpty()) {
      Collections.addAll(o, "-cache", cache);
    }
    if (skipBad) {
      o.add("-skip-bad");
    }
    return o;
  }

  public String getArchitectureAttribute() {
    return architectureAttribute;
  }

  public void setArchitectureAttribute(String name) {
    architectureAttribute = name == null ? "" : name.trim();
  }
  public String architectureAttributeTipText() {
    return "Name of the string or nominal attribute holding the NB201 architecture strings (empty: the first string attribute, else the first nominal one).";
  }


  public String getDataset() {
    return dataset;
  }

  public void setDataset(String id) {
    dataset = CifarDataset.forId(id).id();
  }
  public String datasetTipText() {
    return "Images the proxies are computed on: cifar10 or cifar100.";
  }


  public String getImagesDir() {
    return imagesDir;
  }

  public void setImagesDir(String dir) {
    imagesDir = dir == null ? "" : dir.trim();
  }
  public String imagesDirTipText() {
    return "Folder holding cifar-10-batches-bin/ and cifar-100-binary/ (empty: ../shared/data/images, or $ZCNAS_DATA/images).";
  }


  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }
  public String deviceTipText() {
    return "Where PyTorch runs: auto (the GPU when there is one), cpu or gpu.";
  }


  public int getThreads() {
    return threads;
  }

  public void setThreads(int threads) {
    this.threads = threads;
  }
  public String threadsTipText() {
    return "PyTorch intra-op threads; 0 = one per core. Fixed when the engine first starts in this JVM.";
  }


  public String getBatches() {
    return batches;
  }

  public void setBatches(String b) {
    try {
      ScoringSession.BatchOrder.valueOf(b.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new ZcnasException("batches must be seeded or first, got '" + b + "'");
    }
    batches = b.trim().toLowerCase();
  }
  public String batchesTipText() {
    return "seeded: a batch drawn with the proxy seed; first: the first records of the image file (the reference code's batch).";
  }


  public String getCache() {
    return cache;
  }

  public void setCache(String cache) {
    this.cache = cache == null ? "" : cache.trim();
  }
  public String cacheTipText() {
    return "Persistent score cache file; empty = ~/.zcnas/scores.tsv, none = no cache.";
  }


  public boolean getSkipBad() {
    return skipBad;
  }

  public void setSkipBad(boolean skipBad) {
    this.skipBad = skipBad;
  }
  public String skipBadTipText() {
    return "Skip rows whose architecture is missing or malformed (with a warning) instead of stopping with an error.";
  }


  /** The architecture attribute: named, or the first string attribute, or the first nominal one; -1 if none. */
  public int findArchitectureAttribute(Instances data) {
    if (!architectureAttribute.isEmpty()) {
      Attribute a = data.attribute(architectureAttribute);
      if (a == null) {
        return -1;
      }
      return a.isString() || a.isNominal() ? a.index() : -1;
    }
    for (int i = 0; i < data.numAttributes(); i++) {
      if (data.attribute(i).isString()) {
        return i;
      }
    }
    for (int i = 0; i < data.numAttributes(); i++) {
      if (data.attribute(i).isNominal() && i != data.classIndex()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The architecture of each instance, null where it is missing or malformed and skipping is on; otherwise such a
   * row is an error naming the row (1-based, as the Viewer shows it), the attribute and the value.
   */
  public Nb201Architecture[] architectures(Instances data) {
    int attr = findArchitectureAttribute(data);
    Nb201Architecture[] archs = new Nb201Architecture[data.numInstances()];
    if (attr < 0) {
      String what = architectureAttribute.isEmpty() ? "no string or nominal attribute holds the NB201 architectures"
          : "no string or nominal attribute named '" + architectureAttribute + "'";
      if (skipBad) {
        System.err.println("warning: data set '" + data.relationName() + "': " + what + "; every row is skipped");
        return archs;
      }
      throw new ZcnasException("data set '" + data.relationName() + "': " + what + " (set the architecture attribute)");
    }
    String name = data.attribute(attr).name();
    int skipped = 0;
    for (int r = 0; r < data.numInstances(); r++) {
      Instance inst = data.instance(r);
      String problem;
      if (inst.isMissing(attr)) {
        problem = "row " + (r + 1) + ": attribute '" + name + "' is missing";
      } else {
        try {
          archs[r] = Nb201Architecture.parse(inst.stringValue(attr));
          continue;
        } catch (ZcnasException e) {
          problem = "row " + (r + 1) + ", attribute '" + name + "', value '" + inst.stringValue(attr) + "': "
              + e.getMessage();
        }
      }
      if (!skipBad) {
        throw new ZcnasException("data set '" + data.relationName() + "', " + problem);
      }
      if (skipped++ < 3) {
        System.err.println("warning: skipped " + problem);
      }
    }
    if (skipped > 3) {
      System.err.println("warning: skipped " + skipped + " rows in all");
    }
    return archs;
  }

  /**
   * Scores every instance with every proxy: result[instance][output column] (see {@link Scorer#columns}), NaN for
   * skipped rows. Each distinct architecture is scored once; the cache makes repeated runs free.
   */
  public double[][] score(Instances data, List<ZeroCostProxy> proxies) {
    Nb201Architecture[] archs = architectures(data);
    Map<Nb201Architecture, Integer> distinct = new LinkedHashMap<>();
    for (Nb201Architecture a : archs) {
      if (a != null) {
        distinct.putIfAbsent(a, distinct.size());
      }
    }
    int columns = Scorer.columns(proxies).size();
    double[][] result = new double[archs.length][columns];
    if (distinct.isEmpty()) {
      for (double[] row : result) {
        java.util.Arrays.fill(row, Double.NaN);
      }
      return result;
    }
    CifarDataset d = CifarDataset.forId(dataset);
    Path images = imagesDir.isEmpty() ? DataPaths.images() : Paths.get(imagesDir);
    Path cacheFile = cache.isEmpty() ? ScoreCache.defaultFile()
        : cache.equals("none") ? null : Paths.get(cache);
    double[][] scores;
    try (ScoringSession session = new ScoringSession(CifarImages.readTrain(d, images), device, threads,
        ScoringSession.BatchOrder.valueOf(batches.toUpperCase()));
         ScoreCache scoreCache = ScoreCache.open(cacheFile)) {
      Scorer<Nb201Architecture> scorer = new Scorer<>(session, scoreCache, "nb201",
          a -> new Nb201Network(a, d.classes(), 32), proxies.size());
      scores = scorer.score(new ArrayList<>(distinct.keySet()), proxies, System.err::println);
    }
    for (int r = 0; r < archs.length; r++) {
      if (archs[r] == null) {
        java.util.Arrays.fill(result[r], Double.NaN);
      } else {
        result[r] = scores[distinct.get(archs[r])].clone();
      }
    }
    return result;
  }
}
