package zcnas.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Vector;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.data.CifarImages;
import zcnas.data.DataPaths;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.ScoreCache;
import zcnas.score.Scorer;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.ZcnasException;

/**
 * What the Weka adapters share: the settings naming the architecture attribute, its space, the images, device and
 * score cache, and the scoring of a data set's architecture instances (each distinct architecture once, through the
 * cache), with progress shown to the user and a stop between architectures.
 */
public final class InstanceScorer implements OptionHandler, Serializable {
  private static final long serialVersionUID = 2L;
  /** Recognise the space (or the data set) from the data. */
  public static final String AUTO = "auto";

  private String architectureAttribute = "";
  private String space = AUTO;
  private String dataset = AUTO;
  private String imagesDir = "";
  private String device = "auto";
  private int threads;
  private int workers = 1;
  private int interop = 1;
  private String batches = "seeded";
  private String cache = "";
  private boolean skipBad;
  private transient int foundInCache;

  public String globalInfo() {
    return "Where and how the zero-cost proxies are computed: the attribute holding the architectures and their "
        + "space (NB201 strings or DARTS genotypes), the images, the device and the persistent score cache.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = new Vector<>();
    o.add(new Option("\t" + architectureAttributeTipText() + "\n\t(default: the first string attribute, else the "
        + "first nominal one).", "arch", 1, "-arch <name>"));
    o.add(new Option("\t" + spaceTipText() + " (default auto).", "space", 1, "-space <auto|nb201|darts [opts]>"));
    o.add(new Option("\t" + datasetTipText() + " (default auto).", "dataset", 1,
        "-dataset <auto|cifar10|cifar100|ImageNet16-120>"));
    o.add(new Option("\t" + imagesDirTipText(), "data", 1, "-data <dir>"));
    o.add(new Option("\t" + deviceTipText() + " (default auto).", "device", 1, "-device <auto|cpu|gpu>"));
    o.add(new Option("\t" + threadsTipText() + " (default 0).", "threads", 1, "-threads <n>"));
    o.add(new Option("\t" + workersTipText() + " (default 1).", "workers", 1, "-workers <n>"));
    o.add(new Option("\t" + interopTipText() + " (default 1).", "interop", 1, "-interop <n>"));
    o.add(new Option("\t" + batchesTipText() + " (default seeded).", "batches", 1, "-batches <seeded|first>"));
    o.add(new Option("\t" + cacheTipText(), "cache", 1, "-cache <file|none>"));
    o.add(new Option("\t" + skipBadTipText(), "skip-bad", 0, "-skip-bad"));
    return o.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setArchitectureAttribute(Utils.getOption("arch", options));
    String sp = Utils.getOption("space", options);
    setSpace(sp.isEmpty() ? AUTO : sp);
    String d = Utils.getOption("dataset", options);
    setDataset(d.isEmpty() ? AUTO : d);
    setImagesDir(Utils.getOption("data", options));
    String dev = Utils.getOption("device", options);
    setDevice(dev.isEmpty() ? "auto" : dev);
    setThreads(intOption(options, "threads", 0));
    setWorkers(intOption(options, "workers", 1));
    setInterop(intOption(options, "interop", 1));
    String b = Utils.getOption("batches", options);
    setBatches(b.isEmpty() ? "seeded" : b);
    setCache(Utils.getOption("cache", options));
    setSkipBad(Utils.getFlag("skip-bad", options));
  }

  /** The integer value of option -name, dflt where it is absent; the error names the option and the value. */
  private static int intOption(String[] options, String name, int dflt) throws Exception {
    String v = Utils.getOption(name, options);
    try {
      return v.isEmpty() ? dflt : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ZcnasException("-" + name + " needs an integer, got '" + v + "'");
    }
  }

  /** A thread count from min (named as lowest) to 4 x the cores; the error names the setting. */
  private static int threadCount(String name, String lowest, int min, int n) {
    int max = 4 * Runtime.getRuntime().availableProcessors();
    if (n < min || n > max) {
      throw new ZcnasException(name + " must be between " + lowest + " and " + max + ", got " + n);
    }
    return n;
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
    Collections.addAll(o, "-space", space, "-dataset", dataset);
    if (!imagesDir.isEmpty()) {
      Collections.addAll(o, "-data", imagesDir);
    }
    Collections.addAll(o, "-device", device, "-threads", Integer.toString(threads));
    // printed only when set: the prepared Experimenter files, written before it, name every option printed
    if (workers > 1) {
      Collections.addAll(o, "-workers", Integer.toString(workers));
    }
    if (interop > 1) {
      Collections.addAll(o, "-interop", Integer.toString(interop));
    }
    Collections.addAll(o, "-batches", batches);
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
    return "Name of the string or nominal attribute holding the architectures (empty: the first string attribute, "
        + "else the first nominal one).";
  }

  public String getSpace() {
    return space;
  }

  /** auto, or a space with its options, e.g. "darts -channels 16 -cells 8"; checked now. */
  public void setSpace(String spec) {
    String s = spec == null || spec.isBlank() ? AUTO : spec.trim();
    if (!s.equals(AUTO)) {
      spaceOf(s);
    }
    space = s;
  }

  public String spaceTipText() {
    return "The architectures' space: auto (recognised from the values: NB201 strings |op~0|+..., DARTS "
        + "Genotype(...)), nb201, or darts with its network size, e.g. 'darts -channels 36 -cells 20'";
  }

  private static SearchSpace<?> spaceOf(String spec) {
    try {
      String[] parts = Utils.splitOptions(spec);
      String id = parts[0];
      parts[0] = "";
      SearchSpace<?> s = Spaces.create(id, parts);
      Utils.checkForRemainingOptions(parts);
      return s;
    } catch (ZcnasException e) {
      throw e;
    } catch (Exception e) {
      throw new ZcnasException("space '" + spec + "': " + e.getMessage(), e);
    }
  }

  public String getDataset() {
    return dataset;
  }

  public void setDataset(String id) {
    dataset = id == null || id.isBlank() || id.trim().equalsIgnoreCase(AUTO) ? AUTO : CifarDataset.forId(id).id();
  }

  public String datasetTipText() {
    return "Images the proxies are computed on: auto (each accuracy attribute on its own data set, named by its "
        + "prefix: cifar10_, cifar100_, ImageNet16-120_; CIFAR-10 otherwise), cifar10, cifar100 or ImageNet16-120 "
        + "(CIFAR-100 images averaged down to 16x16, 120-class networks)";
  }

  /** The data set an attribute's scores come from: the option, or with auto the data set its name names. */
  public CifarDataset datasetFor(String attributeName) {
    if (!dataset.equals(AUTO)) {
      return CifarDataset.forId(dataset);
    }
    CifarDataset d = attributeName == null ? null : CifarDataset.ofColumn(attributeName);
    return d == null ? CifarDataset.CIFAR10 : d;
  }

  public String getImagesDir() {
    return imagesDir;
  }

  public void setImagesDir(String dir) {
    imagesDir = dir == null ? "" : dir.trim();
  }

  public String imagesDirTipText() {
    return "Folder holding cifar-10-batches-bin/ and cifar-100-binary/ (empty: ../shared/data/images, or "
        + "$ZCNAS_DATA/images).";
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
  }

  public String deviceTipText() {
    return "Where PyTorch runs: auto (the GPU when there is one), cpu or gpu";
  }

  public int getThreads() {
    return threads;
  }

  public void setThreads(int threads) {
    this.threads = threadCount("threads", "0 (one per core)", 0, threads);
  }

  public String threadsTipText() {
    return "PyTorch intra-op threads; 0 = one per core. Fixed when the engine first starts in this JVM";
  }

  public int getWorkers() {
    return workers;
  }

  public void setWorkers(int workers) {
    this.workers = threadCount("workers", "1", 1, workers);
  }

  public int getInterop() {
    return interop;
  }

  public void setInterop(int interop) {
    this.interop = threadCount("interop", "1", 1, interop);
  }

  public String interopTipText() {
    return "Threads that compute the independent parts of one architecture at once; threads 0 then means 1. The "
        + "official CRoZe splits a DARTS batch in two halves: 2 computes them on two cores, with the same scores";
  }

  /** An object serialized before the workers or interop option reads it as 0, which means one. */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    workers = Math.max(workers, 1);
    interop = Math.max(interop, 1);
  }

  public String workersTipText() {
    return "Architectures scored at once, each on a thread of its own; threads 0 then means 1, so N workers give "
        + "the scores of one thread. On NB201's small networks faster than N threads per architecture, at N times "
        + "the memory";
  }

  public String getBatches() {
    return batches;
  }

  public void setBatches(String b) {
    try {
      ScoringSession.BatchOrder.valueOf(b.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ZcnasException("batches must be seeded or first, got '" + b + "'");
    }
    batches = b.trim().toLowerCase(Locale.ROOT);
  }

  public String batchesTipText() {
    return "seeded: a batch drawn with the proxy seed; first: the first records of the image file (the reference "
        + "code's batch)";
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
    return "Skip rows whose architecture is missing or malformed (with a warning) instead of stopping with an error "
        + "naming the row.";
  }

  /** What the adapters can take: any attributes (the architectures as strings or nominal values), any class. */
  public static Capabilities capabilities(Capabilities c, boolean numericClassOnly) {
    c.disableAll();
    c.enableAllAttributes();
    c.enable(Capability.MISSING_VALUES);
    if (numericClassOnly) {
      c.enable(Capability.NUMERIC_CLASS);
      c.enable(Capability.DATE_CLASS);
    } else {
      c.enableAllClasses();
      c.enable(Capability.NO_CLASS);
    }
    c.enable(Capability.MISSING_CLASS_VALUES);
    c.setMinimumNumberInstances(0);
    return c;
  }

  /** The architecture attribute: named, or the first string attribute, or the first nominal one; -1 if none. */
  public int findArchitectureAttribute(Instances data) {
    return column().find(data);
  }

  /** The space of the data: the option, or (auto) the one whose notation the first architecture value is in. */
  public SearchSpace<?> space(Instances data) {
    return space.equals(AUTO) ? column().space(data) : spaceOf(space);
  }

  /** See {@link ArchitectureColumn#read}. */
  public <A> List<A> architectures(Instances data, SearchSpace<A> space) {
    return column().read(data, space);
  }

  private ArchitectureColumn column() {
    return new ArchitectureColumn(architectureAttribute, skipBad);
  }

  /** How many distinct architectures the last {@link #score} call found in the score cache (a resumed run's). */
  public int foundInCache() {
    return foundInCache;
  }

  /** {@link #score(Instances, List, CifarDataset)} on the images of {@link #datasetFor} the class attribute. */
  public double[][] score(Instances data, List<ZeroCostProxy> proxies) {
    return score(data, proxies, datasetFor(data.classIndex() < 0 ? null : data.classAttribute().name()));
  }

  /**
   * Scores every instance with every proxy on a data set's images: result[instance][output column] (see
   * {@link Scorer#columns}), NaN for skipped rows. Each distinct architecture is scored once; the cache makes repeated
   * runs free; with several workers, that many at once. Progress goes to the user ({@link ScoringProgress}); a stopped
   * thread ends the scoring between architectures.
   */
  public double[][] score(Instances data, List<ZeroCostProxy> proxies, CifarDataset images) {
    return score(data, proxies, images, space(data));
  }

  private <A> double[][] score(Instances data, List<ZeroCostProxy> proxies, CifarDataset images, SearchSpace<A> sp) {
    List<A> archs = architectures(data, sp);
    Map<A, Integer> distinct = new LinkedHashMap<>();
    for (A a : archs) {
      if (a != null) {
        distinct.putIfAbsent(a, distinct.size());
      }
    }
    double[][] result = new double[archs.size()][Scorer.columns(proxies).size()];
    for (double[] row : result) {
      Arrays.fill(row, Double.NaN);
    }
    if (distinct.isEmpty()) {
      return result;
    }
    Path dir = imagesDir.isEmpty() ? DataPaths.images() : Paths.get(imagesDir);
    Path cacheFile = cache.isEmpty() ? ScoreCache.defaultFile() : cache.equals("none") ? null : Paths.get(cache);
    double[][] scores;
    try (ScoringProgress progress = ScoringProgress.open(proxies, sp, images, distinct.size());
         ScoringSession session = new ScoringSession(CifarImages.readTrain(images, dir), device,
             Scorer.intraOpThreads(threads, workers * interop), interop,
             ScoringSession.BatchOrder.valueOf(batches.toUpperCase(Locale.ROOT)));
         ScoreCache scoreCache = ScoreCache.open(cacheFile)) {
      Scorer<A> scorer = new Scorer<>(session, scoreCache, sp, workers);
      scores = scorer.score(new ArrayList<>(distinct.keySet()), proxies, progress);
      foundInCache = scorer.foundInCache();
    }
    for (int r = 0; r < archs.size(); r++) {
      if (archs.get(r) != null) {
        result[r] = scores[distinct.get(archs.get(r))].clone();
      }
    }
    return result;
  }
}
