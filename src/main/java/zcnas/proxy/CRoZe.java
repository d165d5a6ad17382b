package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Vector;
import weka.core.Option;
import weka.core.TechnicalInformation;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.data.ImageBatch;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Initializer;
import zcnas.network.Layer;
import zcnas.network.Network;
import zcnas.network.Weights;
import zcnas.util.ZcnasException;

/**
 * CRoZe (Ha, Kim, Hwang, NeurIPS 2023): the consistency of features (Z), parameters (P) and gradients (G) between
 * the network on clean inputs and a surrogate robust copy on perturbed inputs, summed over the convolution and
 * linear layers: sum_m Z_m P_m G_m. Two variants: the paper's Algorithm 1 (default) and what the authors' public
 * code computes (doc/croze.md lists every difference).
 */
public class CRoZe extends ZeroCostProxy {
  private static final long serialVersionUID = 1L;
  /** PyTorch's CosineSimilarity eps: x.y / max(|x| |y|, eps). */
  private static final double COS_EPS = 1e-8;
  private static final String ALL_COMPONENTS = "ZPG";
  /** The component subsets written by -component-sums, Table 7a's rows. */
  private static final String[] SUBSETS = {"Z", "P", "G", "ZP", "ZG", "PG", "ZPG"};

  /** Which algorithm is computed. */
  public enum Variant {
    PAPER, OFFICIAL
  }

  /** How the robust network's input is perturbed. */
  public enum Perturbation {
    FGSM, GAUSSIAN
  }

  private Variant variant = Variant.PAPER;
  private double beta = 2.0;
  private double epsilon = 8.0 / 255;
  private double gamma = 0.01;
  private Perturbation perturbation = Perturbation.FGSM;
  private String components = ALL_COMPONENTS;
  private boolean componentSums;
  private BnMode bn = BnMode.ALL;

  @Override
  public String name() {
    return "croze";
  }

  @Override
  public String globalInfo() {
    return "CRoZe robust zero-cost proxy: builds a surrogate robust network (weights moved by beta times their norm "
        + "along the normalised clean gradient), perturbs the batch against it (FGSM or Gaussian noise of scale "
        + "eps in image units), and sums over the convolution and linear layers the product of the feature "
        + "consistency Z = 1 + cos(z, z_r), the parameter consistency P = 1 + cos(theta_1, theta_r1) after one "
        + "gradient step of size gamma, and the gradient consistency G = |cos(g, g_r)|. The 'official' variant "
        + "computes what the authors' public code does instead (absolute weights, double precision, no BN, "
        + "cosines along dimension 0, stage features; see doc/croze.md).\n\nFor more information see:\n"
        + getTechnicalInformation();
  }

  @Override
  protected int defaultBatchSize() {
    return 8;
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.croze();
  }

  @Override
  public List<String> outputs() {
    List<String> out = new ArrayList<>();
    out.add(name());
    if (componentSums) {
      for (String s : SUBSETS) {
        out.add(name() + "_" + s);
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
    double[][] zpg = variant == Variant.PAPER ? paperComponents(context) : officialComponents(context);
    double[] out = new double[outputs().size()];
    out[0] = sum(zpg, components);
    for (int i = 0; componentSums && i < SUBSETS.length; i++) {
      out[1 + i] = sum(zpg, SUBSETS[i]);
    }
    return out;
  }

  /** Sum over layers of the product of the chosen components; zpg[layer] = {Z, P, G}. */
  static double sum(double[][] zpg, String subset) {
    double total = 0;
    for (double[] layer : zpg) {
      double product = 1;
      for (char c : subset.toCharArray()) {
        product *= layer[ALL_COMPONENTS.indexOf(c)];
      }
      // The official code takes |Z P G|; in the paper every factor is non-negative, so there it changes nothing.
      total += Math.abs(product);
    }
    return total;
  }

  /** The component sums are extra outputs of the same computation, so they do not enter the key. */
  @Override
  public String cacheKey() {
    return super.cacheKey().replace(" -component-sums", "");
  }

  /** Algorithm 1 of the paper: three forward/backward passes (two with Gaussian noise), one step of size gamma. */
  double[][] paperComponents(ArchitectureContext context) {
    Network net = context.network();
    List<Layer> layers = net.layers();
    ImageBatch batch = context.batch(getBatchSize(), getSeed());
    NDArray x = context.images(batch);
    NDArray y = batch.oneHot(context.manager(), DataType.FLOAT32);
    Weights base = context.weights(initializer(), getSeed());

    // Pass 1: clean network on clean images; its gradient also gives the robust direction.
    Weights clean = base.map(NDArray::duplicate).requireGradients();
    LayerOutputs z = new LayerOutputs(layers.size(), context.manager());
    try (GradientCollector gc = context.session().engine().newGradientCollector()) {
      gc.backward(ArchitectureContext.crossEntropy(net.forward(x, clean, bn, z), y));
    }
    NDArray[] g = gradients(layers, clean);

    // Surrogate robust weights: theta_r = theta + beta * ||theta|| g / ||g||, per layer, weights only.
    NDArray[] robustW = new NDArray[layers.size()];
    NDArray[] robustB = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      NDArray w = base.weight(i);
      robustB[i] = base.bias(i);
      double gn = g[i] == null ? 0 : scalar(g[i].norm());
      robustW[i] = gn > 0 ? w.add(g[i].mul(beta * scalar(w.norm()) / gn)) : w;
    }
    Weights robust = new Weights(robustW, robustB);

    NDArray perturbed = perturbedImages(context, net, robust, x, y);

    // Pass 3: robust network on perturbed images.
    Weights robustGrad = robust.map(NDArray::duplicate).requireGradients();
    LayerOutputs zr = new LayerOutputs(layers.size(), context.manager());
    try (GradientCollector gc = context.session().engine().newGradientCollector()) {
      gc.backward(ArchitectureContext.crossEntropy(net.forward(perturbed, robustGrad, bn, zr), y));
    }
    NDArray[] gr = gradients(layers, robustGrad);

    NDList terms = new NDList();
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      if (g[i] == null) {
        continue;
      }
      live.add(i);
      NDArray theta1 = base.weight(i).sub(g[i].mul(gamma));
      NDArray thetaR1 = robustW[i].sub(gr[i].mul(gamma));
      terms.add(NDArrays.stack(new NDList(
          cosine(z.get(i), zr.get(i)).add(1),
          cosine(theta1, thetaR1).add(1),
          cosine(g[i], gr[i]).abs())));
    }
    return toMatrix(terms);
  }

  /** FGSM against the robust network (one more forward/backward), or seeded Gaussian noise; both of scale eps. */
  private NDArray perturbedImages(ArchitectureContext context, Network net, Weights robust, NDArray x, NDArray y) {
    NDArray step = context.manager().create(new float[] {
        (float) (epsilon / CifarDataset.STD[0]), (float) (epsilon / CifarDataset.STD[1]),
        (float) (epsilon / CifarDataset.STD[2])}, new Shape(1, 3, 1, 1));
    NDArray direction;
    if (perturbation == Perturbation.FGSM) {
      NDArray input = x.duplicate();
      input.setRequiresGradient(true);
      try (GradientCollector gc = context.session().engine().newGradientCollector()) {
        NDArray loss = ArchitectureContext.crossEntropy(net.forward(input, robust, bn, ForwardListener.NONE), y);
        gc.backward(loss.add(inputAnchor(input)));
      }
      direction = input.getGradient().sign();
    } else {
      SplittableRandom random = new SplittableRandom(getSeed() ^ 0x5DEECE66DL);
      float[] noise = new float[(int) x.size()];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = (float) Initializer.gaussian(random);
      }
      direction = context.manager().create(noise, x.getShape());
    }
    // Keep the perturbed image a valid image: [0, 1] in pixel units, i.e. [-mean/std, (1-mean)/std] per channel.
    NDArray low = channelConstant(context, c -> -CifarDataset.MEAN[c] / CifarDataset.STD[c]);
    NDArray high = channelConstant(context, c -> (1 - CifarDataset.MEAN[c]) / CifarDataset.STD[c]);
    return x.add(direction.mul(step)).maximum(low).minimum(high);
  }

  private static NDArray channelConstant(ArchitectureContext context, java.util.function.IntToDoubleFunction f) {
    return context.manager().create(new float[] {(float) f.applyAsDouble(0), (float) f.applyAsDouble(1),
        (float) f.applyAsDouble(2)}, new Shape(1, 3, 1, 1));
  }

  /**
   * What the official code computes: absolute weights in double precision, BN only in the reduction blocks,
   * robust weights from the clean gradient (beta = the option, 2.0 there), "FGSM" x' = clamp(x - 0.01 sign(grad), 0, 1),
   * the robust gradient accumulated over its FGSM pass and its perturbed pass, no gamma step, cosines along
   * dimension 0 summed, features shared by groups of layers.
   */
  double[][] officialComponents(ArchitectureContext context) {
    Network net = context.network();
    List<Layer> layers = net.layers();
    ImageBatch batch = context.batch(getBatchSize(), getSeed());
    NDArray x = context.images(batch).toType(DataType.FLOAT64, false);
    NDArray y = batch.oneHot(context.manager(), DataType.FLOAT64);
    Weights abs = context.weights(initializer(), getSeed()).map(a -> a.abs().toType(DataType.FLOAT64, false));

    Weights clean = abs.map(NDArray::duplicate).requireGradients();
    StageOutputs feats = new StageOutputs(context.manager());
    try (GradientCollector gc = context.session().engine().newGradientCollector()) {
      gc.backward(ArchitectureContext.crossEntropy(net.forward(x, clean, BnMode.REDUCTION_ONLY, feats), y));
    }
    NDArray[] g = gradients(layers, clean);

    NDArray[] robustW = new NDArray[layers.size()];
    NDArray[] robustB = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      NDArray w = abs.weight(i);
      robustB[i] = abs.bias(i);
      if (g[i] == null) {
        robustW[i] = w;
      } else {
        // The code's SGD step of lr 0.001 on -CE gives diff = 0.001 g; it rescales diff to ||w|| (EPS 1e-30).
        NDArray diff = g[i].mul(0.001);
        robustW[i] = w.add(diff.mul(beta * scalar(w.norm()) / (scalar(diff.norm()) + 1e-30)));
      }
    }
    Weights robust = new Weights(robustW, robustB);

    Weights robustFgsm = robust.map(NDArray::duplicate).requireGradients();
    NDArray input = x.duplicate();
    input.setRequiresGradient(true);
    try (GradientCollector gc = context.session().engine().newGradientCollector()) {
      gc.backward(ArchitectureContext.crossEntropy(
          net.forward(input, robustFgsm, BnMode.REDUCTION_ONLY, ForwardListener.NONE), y).add(inputAnchor(input)));
    }
    NDArray perturbed = x.sub(input.getGradient().sign().mul(0.01)).clip(0, 1);
    NDArray[] gr1 = gradients(layers, robustFgsm);

    Weights robustGrad = robust.map(NDArray::duplicate).requireGradients();
    StageOutputs featsR = new StageOutputs(context.manager());
    try (GradientCollector gc = context.session().engine().newGradientCollector()) {
      gc.backward(ArchitectureContext.crossEntropy(
          net.forward(perturbed, robustGrad, BnMode.REDUCTION_ONLY, featsR), y));
    }
    NDArray[] gr2 = gradients(layers, robustGrad);

    NDList terms = new NDList();
    for (int i = 0; i < layers.size(); i++) {
      if (g[i] == null) {
        continue;
      }
      int group = net.featureGroup(i);
      NDArray gr = gr1[i].add(gr2[i]);
      terms.add(NDArrays.stack(new NDList(
          cosineDim0(featsR.get(group), feats.get(group)).add(1).sum(),
          cosineDim0(robustW[i], abs.weight(i)).add(1).sum(),
          cosineDim0(gr, g[i]).abs().sum())));
    }
    return toMatrix(terms);
  }

  /** Weight gradients of the live layers (null for the others, which cannot reach the output). */
  private static NDArray[] gradients(List<Layer> layers, Weights w) {
    NDArray[] g = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).live()) {
        g[i] = w.weight(i).getGradient();
      }
    }
    return g;
  }

  /**
   * 0 * sum(x): keeps the input in the graph when the network's output ignores it (a cell cut off from its input),
   * so its gradient is zero rather than undefined; adds nothing to the loss or to any gradient.
   */
  private static NDArray inputAnchor(NDArray input) {
    return input.mul(0).sum();
  }

  private static double scalar(NDArray a) {
    return a.toType(DataType.FLOAT64, false).getDouble();
  }

  /** Cosine similarity of two tensors flattened, with PyTorch's eps convention. */
  static NDArray cosine(NDArray a, NDArray b) {
    NDArray dot = a.mul(b).sum();
    NDArray norms = a.square().sum().mul(b.square().sum()).sqrt().maximum(COS_EPS);
    return dot.div(norms);
  }

  /** PyTorch's CosineSimilarity(dim=0): one cosine per position of the remaining dimensions. */
  static NDArray cosineDim0(NDArray a, NDArray b) {
    int[] axis = {0};
    NDArray dot = a.mul(b).sum(axis);
    NDArray norms = a.square().sum(axis).mul(b.square().sum(axis)).sqrt().maximum(COS_EPS);
    return dot.div(norms);
  }

  /** One transfer for all layers: rows {Z, P, G}. */
  private static double[][] toMatrix(NDList terms) {
    if (terms.isEmpty()) {
      return new double[0][3];
    }
    double[] flat = NDArrays.stack(terms).toType(DataType.FLOAT64, false).toDoubleArray();
    double[][] out = new double[flat.length / 3][3];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(flat, 3 * i, out[i], 0, 3);
    }
    return out;
  }

  /** Records every layer's output. */
  private static final class LayerOutputs implements ForwardListener {
    private final NDArray[] outputs;
    private final NDManager manager;

    LayerOutputs(int layers, NDManager manager) {
      outputs = new NDArray[layers];
      this.manager = manager;
    }

    @Override
    public void layerOutput(int layer, NDArray output) {
      output.attach(manager);
      outputs[layer] = output;
    }

    NDArray get(int layer) {
      return outputs[layer];
    }
  }

  /** Records the stage features. */
  private static final class StageOutputs implements ForwardListener {
    private final List<NDArray> stages = new ArrayList<>();
    private final NDManager manager;

    StageOutputs(NDManager manager) {
      this.manager = manager;
    }

    @Override
    public void stageOutput(int index, NDArray output) {
      output.attach(manager);
      while (stages.size() <= index) {
        stages.add(null);
      }
      stages.set(index, output);
    }

    NDArray get(int group) {
      return stages.get(group);
    }
  }

  // ---- options ----

  public String getVariant() {
    return variant.name().toLowerCase(Locale.ROOT);
  }

  public void setVariant(String v) {
    try {
      variant = Variant.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ZcnasException("unknown CRoZe variant '" + v + "' (use paper or official)");
    }
  }

  public String variantTipText() {
    return "paper: Algorithm 1 of the paper; official: what the authors' public code computes.";
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
        throw new ZcnasException("unknown BN mode '" + mode + "' (use all or reduction)");
    }
  }

  public String bnTipText() {
    return "Paper variant: which BN layers the networks keep: all (the network as it is), or only those of the "
        + "reduction blocks (the BN-free copy the authors' code scores). BN makes the loss scale-invariant in the "
        + "weights of the layer before it, which forces G towards 0 for beta = 2 (see doc/croze.md).";
  }

  public double getBeta() {
    return beta;
  }

  public void setBeta(double beta) {
    this.beta = beta;
  }

  public String betaTipText() {
    return "Size of the robust surrogate's weight step, in units of each layer's weight norm (2.0 in the authors' code).";
  }

  public double getEpsilon() {
    return epsilon;
  }

  public void setEpsilon(double epsilon) {
    this.epsilon = epsilon;
  }

  public String epsilonTipText() {
    return "Perturbation size in image units (pixels scaled to [0, 1]); 8/255 in the paper. Divided by each "
        + "channel's normalisation std. Paper variant only (the official code steps 0.01 in normalised units).";
  }

  public double getGamma() {
    return gamma;
  }

  public void setGamma(double gamma) {
    this.gamma = gamma;
  }

  public String gammaTipText() {
    return "Step size of the single gradient step on both networks before P is compared (paper variant only).";
  }

  public String getPerturbation() {
    return perturbation.name().toLowerCase(Locale.ROOT);
  }

  public void setPerturbation(String p) {
    try {
      perturbation = Perturbation.valueOf(p.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ZcnasException("unknown perturbation '" + p + "' (use fgsm or gaussian)");
    }
  }

  public String perturbationTipText() {
    return "fgsm: one signed-gradient step against the robust network; gaussian: N(0, 1) noise times eps "
        + "(paper Table 10). Paper variant only.";
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
    return "Which consistencies enter the per-layer product: any non-empty subset of Z (features), P (parameters), "
        + "G (gradients), as in the paper's Table 7.";
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

  @Override
  protected Enumeration<Option> extraOptions() {
    Vector<Option> o = new Vector<>();
    o.add(new Option("\tVariant: paper or official (default paper).", "variant", 1, "-variant <paper|official>"));
    o.add(new Option("\tRobust weight step beta, in weight norms (default 2.0).", "beta", 1, "-beta <beta>"));
    o.add(new Option("\tPerturbation size in image units (default 8/255 = 0.0314).", "eps", 1, "-eps <eps>"));
    o.add(new Option("\tStep size of the single gradient step (default 0.01).", "gamma", 1, "-gamma <gamma>"));
    o.add(new Option("\tPerturbation: fgsm or gaussian (default fgsm).", "perturbation", 1,
        "-perturbation <fgsm|gaussian>"));
    o.add(new Option("\tComponents in the product, a subset of ZPG (default ZPG).", "components", 1,
        "-components <ZPG>"));
    o.add(new Option("\tAlso output the sums of every component subset.", "component-sums", 0, "-component-sums"));
    o.add(new Option("\tPaper variant: BN layers kept, all or reduction (default all).", "bn", 1, "-bn <all|reduction>"));
    return o.elements();
  }

  @Override
  protected void setExtraOptions(String[] options) throws Exception {
    String v = Utils.getOption("variant", options);
    setVariant(v.isEmpty() ? "paper" : v);
    String b = Utils.getOption("beta", options);
    setBeta(b.isEmpty() ? 2.0 : Double.parseDouble(b));
    String e = Utils.getOption("eps", options);
    setEpsilon(e.isEmpty() ? 8.0 / 255 : parseFraction(e));
    String g = Utils.getOption("gamma", options);
    setGamma(g.isEmpty() ? 0.01 : Double.parseDouble(g));
    String p = Utils.getOption("perturbation", options);
    setPerturbation(p.isEmpty() ? "fgsm" : p);
    String c = Utils.getOption("components", options);
    setComponents(c.isEmpty() ? ALL_COMPONENTS : c);
    setComponentSums(Utils.getFlag("component-sums", options));
    String b2 = Utils.getOption("bn", options);
    setBn(b2.isEmpty() ? "all" : b2);
  }

  /** Accepts 0.0314 or 8/255. */
  private static double parseFraction(String s) {
    int slash = s.indexOf('/');
    return slash < 0 ? Double.parseDouble(s)
        : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
  }

  @Override
  protected void addExtraOptions(List<String> options) {
    Collections.addAll(options, "-variant", getVariant(), "-beta", Double.toString(beta), "-eps",
        Double.toString(epsilon), "-gamma", Double.toString(gamma), "-perturbation", getPerturbation(), "-components",
        components, "-bn", getBn());
    if (componentSums) {
      options.add("-component-sums");
    }
  }
}
