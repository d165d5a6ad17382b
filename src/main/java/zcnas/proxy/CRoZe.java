package zcnas.proxy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Vector;
import java.util.function.BiConsumer;
import java.util.function.Function;
import weka.core.Option;
import weka.core.TechnicalInformation;
import weka.core.Utils;
import zcnas.network.BnMode;
import zcnas.util.ZcnasException;

/**
 * CRoZe (Ha, Kim, Hwang, NeurIPS 2023): the consistency of features (Z), parameters (P) and gradients (G) between
 * the network on clean inputs and a surrogate robust copy on perturbed inputs, summed over the convolution and
 * linear layers: sum_m Z_m P_m G_m. The default variant is what the authors' public code computes
 * ({@link CRoZeOfficial}), which produced every published CRoZe number; the paper's Algorithm 1 as printed
 * ({@link CRoZePaper}) stays available as {@code -variant paper} (doc/croze.md explains why it degenerates on BN
 * networks). This class holds the options: each is written once in {@link #SETTINGS}, with the variants that use it,
 * so only those enter a variant's printed options and its cache key.
 */
public class CRoZe extends ZeroCostProxy {
  private static final long serialVersionUID = 2L;
  static final String ALL_COMPONENTS = "ZPG";
  /** The component subsets of the paper's Table 7a ablation, written by -component-sums. */
  public static final List<String> SUBSETS = List.of("Z", "P", "G", "ZP", "ZG", "PG", "ZPG");

  /** Which algorithm is computed. */
  public enum Variant {
    /** Algorithm 1 as printed in the paper. */
    PAPER,
    /** What the authors' public code computes. */
    OFFICIAL;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How the robust network's input is perturbed. */
  public enum Perturbation {
    FGSM, GAUSSIAN
  }

  /** How a cosine similarity is computed. */
  public enum Cosine {
    /**
     * x.y / sqrt(max(|x|^2 |y|^2, eps^2)), PyTorch 1.10's CosineSimilarity, which the authors' code pins: the product
     * of the squared norms overflows float64 when |x| |y| passes about 1.3e154, and the cosine then reads 0.
     */
    PYTORCH_1_10("pytorch1.10"),
    /** The same cosine, eps rule included, with each vector divided by its largest |entry| first: no overflow. */
    SCALED("scaled");

    private final String id;

    Cosine(String id) {
      this.id = id;
    }

    String id() {
      return id;
    }
  }

  /**
   * One option: flag, default, help, the variants that use it, how it is set and printed, and whether it is printed
   * (and so keyed) at its default: an option added later is printed only when set, so earlier keys stay valid.
   */
  private record Setting(String flag, String dflt, String help, Set<Variant> usedBy,
      BiConsumer<CRoZe, String> set, Function<CRoZe, String> get, boolean printedAtDefault) {
    Setting(String flag, String dflt, String help, Set<Variant> usedBy, BiConsumer<CRoZe, String> set,
        Function<CRoZe, String> get) {
      this(flag, dflt, help, usedBy, set, get, true);
    }
  }

  private static final Set<Variant> BOTH = EnumSet.allOf(Variant.class);
  private static final Set<Variant> PAPER_ONLY = EnumSet.of(Variant.PAPER);

  /** Every option but the variant, in printed order. The default is the value a new CRoZe has. */
  private static final List<Setting> SETTINGS = List.of(
      new Setting("beta", "2.0", "Size of the robust surrogate's weight step, in units of each layer's weight norm "
          + "(2.0 in the authors' code).", BOTH, (c, v) -> c.setBeta(finite("beta", v)), c -> Double.toString(c.beta)),
      new Setting("eps", "8/255", "Perturbation size in image units (pixels scaled to [0, 1]), 8/255 in the paper; "
          + "'4/255' is accepted. Divided by each channel's normalisation std. Paper variant only (the authors' "
          + "code steps 0.01 in normalised units).", PAPER_ONLY,
          (c, v) -> c.setEpsilon(fraction("eps", v)), c -> Double.toString(c.epsilon)),
      new Setting("gamma", "0.01", "Step size of the single gradient step on both networks before P is compared. "
          + "Paper variant only (the authors' code compares the weights without a step).", PAPER_ONLY,
          (c, v) -> c.setGamma(finite("gamma", v)), c -> Double.toString(c.gamma)),
      new Setting("perturbation", "fgsm", "fgsm: one signed-gradient step against the robust network; gaussian: "
          + "N(0, 1) noise of the same scale instead (paper Table 10).", BOTH,
          CRoZe::setPerturbation, CRoZe::getPerturbation),
      new Setting("components", ALL_COMPONENTS, "Which consistencies enter the per-layer product: a non-empty "
          + "subset of Z (features), P (parameters), G (gradients), as in the paper's Table 7.", BOTH,
          CRoZe::setComponents, CRoZe::getComponents),
      new Setting("bn", "all", "Paper variant: which BN layers the networks keep: all (the network as it is), or "
          + "only those of the reduction blocks (the BN-free copy the authors' code scores). BN makes the loss "
          + "scale-invariant in the weights of the layer before it, which forces G towards 0 for beta = 2 (see "
          + "doc/croze.md).", PAPER_ONLY, CRoZe::setBn, CRoZe::getBn),
      new Setting("cosine", Cosine.PYTORCH_1_10.id(), "pytorch1.10: x.y / sqrt(|x|^2 |y|^2), as PyTorch 1.10, which "
          + "the authors' code pins, computes it; on deep networks without BN (DARTS, 20 cells) the gradients grow so "
          + "large that the product overflows double precision and G reads 0, often for every layer. scaled: the "
          + "same cosine with each vector divided by its largest entry first, which never overflows (see "
          + "doc/croze.md).", BOTH, CRoZe::setCosine, CRoZe::getCosine, false),
      new Setting("precision", "single", "Official variant: single runs the three network passes in float32 at a "
          + "running power-of-two exponent, which keeps their growing activations in range exactly, and the rest in "
          + "float64 (ranks as double: see doc/croze.md); double runs every step in float64, as the authors' code. "
          + "Where a single-precision result is not finite, that architecture is scored again in double.",
          EnumSet.of(Variant.OFFICIAL), CRoZe::setPrecision, CRoZe::getPrecision, false));

  private Variant variant = Variant.OFFICIAL;
  private double beta;
  private double epsilon;
  private double gamma;
  private Perturbation perturbation;
  private String components;
  private BnMode bn;
  private Cosine cosine;
  private boolean single;
  private boolean componentSums;

  public CRoZe() {
    for (Setting s : SETTINGS) {
      s.set().accept(this, s.dflt());
    }
  }

  @Override
  public String name() {
    return "croze";
  }

  @Override
  public String globalInfo() {
    return "CRoZe robust zero-cost proxy: builds a surrogate robust network (weights moved by beta times their norm "
        + "along the normalised clean gradient), perturbs the batch against it, and sums over the convolution and "
        + "linear layers the product of the feature consistency Z, the parameter consistency P and the gradient "
        + "consistency G between the network on clean images and the surrogate on perturbed ones. The default "
        + "'official' variant computes what the authors' public code does (absolute weights, no BN in the cells, a "
        + "0.01 signed-gradient step, cosines along dimension 0, stage features; their double precision with "
        + "-precision double, the same ranks faster by default): it produced every published CRoZe number. "
        + "'paper' computes Algorithm 1 as printed (see doc/croze.md).\n\n"
        + "For more information see:\n" + getTechnicalInformation();
  }

  @Override
  protected int defaultBatchSize() {
    return 8;
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.croze();
  }

  /**
   * croze, or croze-paper for Algorithm 1, with -scaled appended for the scaled cosine (so the variants can be scored
   * side by side), then the component sums.
   */
  @Override
  public List<String> outputs() {
    String column = (variant == Variant.PAPER ? name() + "-paper" : name())
        + (cosine == Cosine.SCALED ? "-scaled" : "");
    List<String> out = new ArrayList<>();
    out.add(column);
    if (componentSums) {
      for (String s : SUBSETS) {
        out.add(column + "_" + s);
      }
    }
    return out;
  }

  @Override
  public double score(ArchitectureContext context) {
    return scores(context)[0];
  }

  @Override
  public double[] scores(ArchitectureContext context) {
    double[][] zpg = variant == Variant.PAPER ? CRoZePaper.components(this, context)
        : CRoZeOfficial.components(this, context);
    double[] out = new double[outputs().size()];
    out[0] = Consistency.sum(zpg, components);
    for (int i = 0; componentSums && i < SUBSETS.size(); i++) {
      out[1 + i] = Consistency.sum(zpg, SUBSETS.get(i));
    }
    return out;
  }

  /** The component sums are extra outputs of the same computation, so they do not enter the key. */
  @Override
  public String cacheKey() {
    return super.cacheKey().replace(" -component-sums", "");
  }

  // ---- options ----

  public String getVariant() {
    return variant.id();
  }

  public void setVariant(String v) {
    try {
      variant = Variant.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ZcnasException("unknown CRoZe variant '" + v + "' (use official or paper)");
    }
  }

  public String variantTipText() {
    return "official (default): what the authors' public code computes, which produced the published numbers; "
        + "paper: Algorithm 1 as printed in the paper.";
  }

  Variant variant() {
    return variant;
  }

  public String getBn() {
    return bn == BnMode.ALL ? "all" : "reduction";
  }

  public void setBn(String mode) {
    switch (mode.trim().toLowerCase(Locale.ROOT)) {
      case "all":
        bn = BnMode.ALL;
        break;
      case "reduction":
        bn = BnMode.REDUCTION_ONLY;
        break;
      default:
        throw new ZcnasException("-bn must be all or reduction, got '" + mode + "'");
    }
  }

  public String bnTipText() {
    return help("bn");
  }

  BnMode bnMode() {
    return bn;
  }

  public double getBeta() {
    return beta;
  }

  public void setBeta(double beta) {
    this.beta = requireFinite("beta", beta);
  }

  public String betaTipText() {
    return help("beta");
  }

  public double getEpsilon() {
    return epsilon;
  }

  public void setEpsilon(double epsilon) {
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new ZcnasException("-eps must be a finite number >= 0, got " + epsilon);
    }
    this.epsilon = epsilon;
  }

  public String epsilonTipText() {
    return help("eps");
  }

  public double getGamma() {
    return gamma;
  }

  public void setGamma(double gamma) {
    this.gamma = requireFinite("gamma", gamma);
  }

  public String gammaTipText() {
    return help("gamma");
  }

  public String getPerturbation() {
    return perturbation.name().toLowerCase(Locale.ROOT);
  }

  public void setPerturbation(String p) {
    try {
      perturbation = Perturbation.valueOf(p.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ZcnasException("-perturbation must be fgsm or gaussian, got '" + p + "'");
    }
  }

  public String perturbationTipText() {
    return help("perturbation");
  }

  Perturbation perturbationKind() {
    return perturbation;
  }

  public String getCosine() {
    return cosine.id();
  }

  public void setCosine(String c) {
    String id = c.trim().toLowerCase(Locale.ROOT);
    for (Cosine k : Cosine.values()) {
      if (k.id().equals(id)) {
        cosine = k;
        return;
      }
    }
    throw new ZcnasException("-cosine must be pytorch1.10 or scaled, got '" + c + "'");
  }

  public String cosineTipText() {
    return help("cosine");
  }

  public String getPrecision() {
    return single ? "single" : "double";
  }

  public void setPrecision(String p) {
    String id = p.trim().toLowerCase(Locale.ROOT);
    if (!id.equals("single") && !id.equals("double")) {
      throw new ZcnasException("-precision must be single or double, got '" + p + "'");
    }
    single = id.equals("single");
  }

  public String precisionTipText() {
    return help("precision");
  }

  boolean single() {
    return single;
  }

  Cosine cosineKind() {
    return cosine;
  }

  public String getComponents() {
    return components;
  }

  public void setComponents(String c) {
    String s = c.trim().toUpperCase(Locale.ROOT);
    if (s.isEmpty() || !s.chars().allMatch(ch -> ALL_COMPONENTS.indexOf(ch) >= 0)
        || s.chars().distinct().count() != s.length()) {
      throw new ZcnasException("CRoZe components must be a non-empty subset of Z, P, G (e.g. ZPG, ZG), got '" + c + "'");
    }
    components = ALL_COMPONENTS.chars().filter(ch -> s.indexOf(ch) >= 0)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  public String componentsTipText() {
    return help("components");
  }

  public boolean getComponentSums() {
    return componentSums;
  }

  public void setComponentSums(boolean componentSums) {
    this.componentSums = componentSums;
  }

  public String componentSumsTipText() {
    return "Also output the sum over layers of every component subset (croze_Z, croze_P, croze_G, croze_ZP, "
        + "croze_ZG, croze_PG, croze_ZPG), so one run gives the whole ablation.";
  }

  private static String help(String flag) {
    for (Setting s : SETTINGS) {
      if (s.flag().equals(flag)) {
        return s.help();
      }
    }
    throw new IllegalArgumentException(flag);
  }

  @Override
  protected Enumeration<Option> extraOptions() {
    Vector<Option> o = new Vector<>();
    o.add(new Option("\tVariant: official or paper (default official).", "variant", 1, "-variant <official|paper>"));
    for (Setting s : SETTINGS) {
      String only = s.usedBy().size() == 1 ? s.usedBy().iterator().next().id() + " variant only; " : "";
      o.add(new Option("\t" + s.help() + "\n\t(" + only + "default " + s.dflt() + ")", s.flag(), 1,
          "-" + s.flag() + " <value>"));
    }
    o.add(new Option("\tAlso output the sums of every component subset.", "component-sums", 0, "-component-sums"));
    return o.elements();
  }

  @Override
  protected void setExtraOptions(String[] options) throws Exception {
    String v = Utils.getOption("variant", options);
    setVariant(v.isEmpty() ? Variant.OFFICIAL.id() : v);
    for (Setting s : SETTINGS) {
      String value = Utils.getOption(s.flag(), options);
      s.set().accept(this, value.isEmpty() ? s.dflt() : value);
    }
    setComponentSums(Utils.getFlag("component-sums", options));
  }

  /** The variant, then only the options it uses (one printed only when set, when it differs from its default). */
  @Override
  protected void addExtraOptions(List<String> options) {
    options.add("-variant");
    options.add(getVariant());
    for (Setting s : SETTINGS) {
      String value = s.get().apply(this);
      if (s.usedBy().contains(variant) && (s.printedAtDefault() || !value.equals(s.dflt()))) {
        options.add("-" + s.flag());
        options.add(value);
      }
    }
    if (componentSums) {
      options.add("-component-sums");
    }
  }

  /** Accepts 0.0314 or 8/255. */
  private static double fraction(String flag, String s) {
    int slash = s.indexOf('/');
    return slash < 0 ? finite(flag, s) : finite(flag, s.substring(0, slash)) / finite(flag, s.substring(slash + 1));
  }
}
