package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import zcnas.engine.Tensors;
import zcnas.network.ForwardListener;
import zcnas.network.Initializer;
import zcnas.network.Layer;
import zcnas.network.Rescaling;
import zcnas.network.Weights;

/** What both CRoZe variants share: cosines, the per-layer component matrix and its subset sums, recorded tensors. */
final class Consistency {
  /** PyTorch's CosineSimilarity eps: x.y / max(|x| |y|, eps). */
  private static final double COS_EPS = 1e-8;

  private Consistency() {
  }

  /** Sum over layers of |product of the chosen components|; zpg[layer] = {Z, P, G}. */
  static double sum(double[][] zpg, String subset) {
    double total = 0;
    for (double[] layer : zpg) {
      double product = 1;
      for (char c : subset.toCharArray()) {
        product *= layer[CRoZe.ALL_COMPONENTS.indexOf(c)];
      }
      // The official code takes |Z P G|; in the paper every factor is non-negative, so there it changes nothing.
      total += Math.abs(product);
    }
    return total;
  }

  /** Cosine similarity of two tensors flattened, with PyTorch's eps convention. */
  static NDArray cosine(NDArray a, NDArray b, CRoZe.Cosine kind) {
    return kind == CRoZe.Cosine.PYTORCH_1_10 ? pytorch110(a, b, null) : scaled(a.flatten(), b.flatten());
  }

  /** PyTorch's CosineSimilarity(dim=0): one cosine per position of the remaining dimensions. */
  static NDArray cosineDim0(NDArray a, NDArray b, CRoZe.Cosine kind) {
    return kind == CRoZe.Cosine.PYTORCH_1_10 ? pytorch110(a, b, new int[] {0}) : scaled(a, b);
  }

  /** x.y / max(sqrt(|x|^2 |y|^2), eps) along the axes (null: all of them), as PyTorch 1.10 computes it. */
  private static NDArray pytorch110(NDArray a, NDArray b, int[] axis) {
    NDArray dot = sum(a.mul(b), axis);
    return dot.div(sum(a.square(), axis).mul(sum(b.square(), axis)).sqrt().maximum(COS_EPS));
  }

  private static NDArray sum(NDArray x, int[] axis) {
    return axis == null ? x.sum() : x.sum(axis);
  }

  /**
   * The same cosine along dimension 0 without overflow: x = sx x' with |x'| <= 1, so x.y / max(|x| |y|, eps) =
   * x'.y' / max(|x'| |y'|, eps / (sx sy)). s is at least float's smallest normal number (representable in float32
   * as in float64), so an all-zero vector gives 0, not 0 / 0.
   */
  private static NDArray scaled(NDArray a, NDArray b) {
    int[] axis = {0};
    NDArray sa = a.abs().max(axis, true).maximum(Float.MIN_NORMAL);
    NDArray sb = b.abs().max(axis, true).maximum(Float.MIN_NORMAL);
    NDArray ua = a.div(sa);
    NDArray ub = b.div(sb);
    NDArray dot = ua.mul(ub).sum(axis);
    NDArray floor = sa.mul(sb).reshape(dot.getShape()).pow(-1).mul(COS_EPS);
    return dot.div(ua.square().sum(axis).mul(ub.square().sum(axis)).sqrt().maximum(floor));
  }

  /** Weight gradients of the live layers (null for the others, which cannot reach the output). */
  static NDArray[] gradients(List<Layer> layers, Weights w) {
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
  static NDArray inputAnchor(NDArray input) {
    return input.sum().mul(Tensors.scalar(input.getManager(), 0, input.getDataType()));
  }

  /** Seeded N(0, 1) noise of the given shape, drawn in Java so a seed gives the same noise on every engine. */
  static NDArray gaussianNoise(NDManager manager, Shape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    float[] noise = new float[(int) shape.size()];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) Initializer.gaussian(random);
    }
    return Tensors.fromJava(manager, noise, shape);
  }

  /** x (held at exponent e, see {@link Rescaling}) at true scale in float64: x 2^e, exact. */
  static NDArray trueScale(NDArray x, int exponent) {
    NDArray wide = x.toType(DataType.FLOAT64, false);
    return exponent == 0 ? wide
        : wide.mul(Tensors.scalar(x.getManager(), Math.scalb(1.0, exponent), DataType.FLOAT64));
  }

  /** Whether every entry is finite: the largest |entry| of one that is not is infinite or NaN. */
  static boolean allFinite(NDArray a) {
    try (NDArray abs = a.abs(); NDArray largest = abs.max()) {
      return Double.isFinite(scalar(largest));
    }
  }

  static double scalar(NDArray a) {
    return a.toType(DataType.FLOAT64, false).getDouble();
  }

  /** One transfer for all layers: rows {Z, P, G}. */
  static double[][] toMatrix(NDList terms) {
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

  /** One layer's row {Z, P, G}. */
  static NDArray row(NDArray z, NDArray p, NDArray g) {
    return NDArrays.stack(new NDList(z, p, g));
  }

  /** Records every layer's output. */
  static final class LayerOutputs implements ForwardListener {
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

  /**
   * Records the stage features, each with the exponent it is held at, without their graph (a tensor of the graph
   * keeps what the backward pass does not free: about a fifth of a DARTS pass's memory).
   */
  static final class StageOutputs implements ForwardListener {
    private final List<NDArray> stages = new ArrayList<>();
    private final List<Integer> exponents = new ArrayList<>();
    private final NDManager manager;
    private final Rescaling scale;

    StageOutputs(NDManager manager, Rescaling scale) {
      this.manager = manager;
      this.scale = scale;
    }

    @Override
    public void stageOutput(int index, NDArray output) {
      NDArray kept = output.stopGradient();
      kept.attach(manager);
      while (stages.size() <= index) {
        stages.add(null);
        exponents.add(0);
      }
      stages.set(index, kept);
      exponents.set(index, scale.exponent());
    }

    NDArray get(int group) {
      return stages.get(group);
    }

    /** Every stage recorded, as held. */
    List<NDArray> held() {
      return stages.stream().filter(Objects::nonNull).toList();
    }

    /** The feature in float64 at true scale. */
    NDArray trueScale(int group) {
      return Consistency.trueScale(stages.get(group), exponents.get(group));
    }
  }
}
