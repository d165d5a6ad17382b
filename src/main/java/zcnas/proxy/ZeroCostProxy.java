package zcnas.proxy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import zcnas.network.Initializer;
import zcnas.util.ZcnasException;

/**
 * A zero-cost proxy: a score of an untrained network computed from one batch. Each proxy is a Weka
 * {@link OptionHandler}, so its settings are edited in the GenericObjectEditor and given on the command line.
 */
public abstract class ZeroCostProxy implements OptionHandler, TechnicalInformationHandler, Serializable {
  private static final long serialVersionUID = 1L;

  private int batchSize = defaultBatchSize();
  private long seed = 0;
  private Initializer init = Initializer.PYTORCH_DEFAULT;

  /** The name used in the score tool's {@code -proxies} list and as the output column. */
  public abstract String name();

  public abstract String globalInfo();

  protected abstract int defaultBatchSize();

  /**
   * Announces to the context the shared passes this proxy will read (default: none). Whoever scores several proxies
   * on one context plans every one of them first, so that a pass they share runs once with everything they need;
   * without a plan every score is still right, only computed apart.
   */
  public void plan(ArchitectureContext context) {
  }

  /** Scores the context's network. Must not close the context. */
  public abstract double score(ArchitectureContext context);

  /** Output columns: the score first, then any values the proxy computes on the way (default: the score alone). */
  public List<String> outputs() {
    return List.of(name());
  }

  /** One value per output, in the order of {@link #outputs()}. */
  public double[] scores(ArchitectureContext context) {
    return new double[] {score(context)};
  }

  /** Everything about this proxy that determines its score, for the score cache. */
  public String cacheKey() {
    return getClass().getName() + " " + Utils.joinOptions(getOptions());
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new ZcnasException(name() + ": batch size (-B) must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  public String batchSizeTipText() {
    return "Number of images in the batch the proxy is computed on.";
  }

  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }

  public String seedTipText() {
    return "Seed of the weight initialisation and of the batch drawn from the images.";
  }

  public String getInit() {
    return init.id();
  }

  public void setInit(String init) {
    this.init = Initializer.forId(init);
  }

  public String initTipText() {
    return "Weight initialisation: default (PyTorch's), kaiming (normal, fan-in) or xavier (uniform).";
  }

  protected Initializer initializer() {
    return init;
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<>();
    options.add(new Option("\tBatch size (default " + defaultBatchSize() + ").", "B", 1, "-B <size>"));
    options.add(new Option("\tSeed of initialisation and batch (default 0).", "S", 1, "-S <seed>"));
    options.add(new Option("\tWeight initialisation: default, kaiming or xavier (default: default).", "I", 1,
        "-I <init>"));
    options.addAll(Collections.list(extraOptions()));
    return options.elements();
  }

  /** Options a subclass adds to the common ones. */
  protected Enumeration<Option> extraOptions() {
    return Collections.emptyEnumeration();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    String b = Utils.getOption('B', options);
    setBatchSize(b.isEmpty() ? defaultBatchSize() : (int) integer("B", b, 1, Integer.MAX_VALUE));
    String s = Utils.getOption('S', options);
    setSeed(s.isEmpty() ? 0 : integer("S", s, Long.MIN_VALUE, Long.MAX_VALUE));
    String i = Utils.getOption('I', options);
    setInit(i.isEmpty() ? Initializer.PYTORCH_DEFAULT.id() : i);
    setExtraOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  /** Reads a subclass's own options (before the check for unknown ones). */
  protected void setExtraOptions(String[] options) throws Exception {
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>();
    options.add("-B");
    options.add(Integer.toString(batchSize));
    options.add("-S");
    options.add(Long.toString(seed));
    options.add("-I");
    options.add(init.id());
    addExtraOptions(options);
    return options.toArray(new String[0]);
  }

  protected void addExtraOptions(List<String> options) {
  }

  /** A finite number given to option -flag; the error names the option and the value. */
  protected static double finite(String flag, String value) {
    try {
      return requireFinite(flag, Double.parseDouble(value.trim()));
    } catch (NumberFormatException e) {
      throw new ZcnasException("-" + flag + " needs a number, got '" + value + "'");
    }
  }

  protected static double requireFinite(String flag, double value) {
    if (!Double.isFinite(value)) {
      throw new ZcnasException("-" + flag + " must be a finite number, got " + value);
    }
    return value;
  }

  /** An integer in [min, max] given to option -flag; the error names the option, the value and the range. */
  protected static long integer(String flag, String value, long min, long max) {
    long v;
    try {
      v = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new ZcnasException("-" + flag + " needs an integer, got '" + value + "'");
    }
    if (v < min || v > max) {
      throw new ZcnasException("-" + flag + " must be " + (max >= Integer.MAX_VALUE ? "at least " + min
          : "between " + min + " and " + max) + ", got " + v);
    }
    return v;
  }

  @Override
  public String toString() {
    return name() + " " + Utils.joinOptions(getOptions());
  }
}
