package zcnas.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import zcnas.engine.Tensors;

/**
 * Single precision with a running power-of-two exponent, for one forward pass: the network holds each tensor as
 * 2^-e times its true value, with e raised or lowered at block boundaries so that the largest entry stays near 1.
 * Multiplying by a power of two is exact, so the pass computes what float32 with an unbounded exponent would: the
 * official CRoZe's BN-free networks on absolute weights grow by up to 1e13 per stage, past float32's 3.4e38, and a
 * BN's variance overflows long before that.
 *
 * <p>Only scale-free steps keep the representation as it is (convolutions without bias, ReLU, pooling, sums of
 * tensors at one exponent), so a network using this adds what is not scale-free through it: biases ({@link
 * #atScale}), BN ({@link #batchNorm}), whose output has no exponent, and any tensor of another exponent. {@link
 * #NONE} does nothing: a network passes its ordinary pass through the same calls.
 */
public class Rescaling {
  /** The ordinary pass: no exponent, BN as {@link TensorOps#batchNorm}. */
  public static final Rescaling NONE = new Rescaling();

  private static final int MAX_STEP = 126;
  private final NDManager manager;
  private int exponent;

  private Rescaling() {
    manager = null;
  }

  /** A pass whose scalar factors live in {@code manager}, which must outlive the pass (autograd keeps them). */
  public Rescaling(NDManager manager) {
    this.manager = manager;
  }

  /** e: the true value of the tensors at this point of the pass is 2^e times what the network holds. */
  public int exponent() {
    return exponent;
  }

  /**
   * Brings h (at the current exponent) to a largest entry in [1, 2), raising the exponent by as much. An all-zero
   * or non-finite h is left alone (the non-finite one shows in the result).
   */
  public NDArray rescale(NDArray h) {
    return rescale(h, h)[0];
  }

  /**
   * {@link #rescale(NDArray)} for two tensors at the current exponent that a block reads together (a DARTS cell's
   * two inputs): both by the factor that brings the larger to [1, 2). The same tensor twice gives one result twice.
   */
  public NDArray[] rescale(NDArray a, NDArray b) {
    if (this == NONE) {
      return new NDArray[] {a, b};
    }
    double max = largest(a);
    if (b != a) {
      max = Math.max(max, largest(b));
    }
    if (max == 0 || !Double.isFinite(max)) {
      return new NDArray[] {a, b};
    }
    // at most 2^126 a step, so that the factor is a normal float32 number
    int k = Math.max(-MAX_STEP, Math.min(MAX_STEP, Math.getExponent(max)));
    if (k == 0) {
      return new NDArray[] {a, b};
    }
    exponent += k;
    NDArray factor = power(-k, a.getDataType());
    NDArray ra = a.mul(factor);
    return new NDArray[] {ra, b == a ? ra : b.mul(factor)};
  }

  private static double largest(NDArray h) {
    try (NDArray abs = h.abs(); NDArray largest = abs.max()) {
      return largest.toType(DataType.FLOAT64, false).getDouble();
    }
  }

  /** A true-scale tensor (a bias, a BN output) at the current exponent; null stays null. */
  public NDArray atScale(NDArray trueValue) {
    if (this == NONE || trueValue == null || exponent == 0) {
      return trueValue;
    }
    return trueValue.mul(power(-exponent, trueValue.getDataType()));
  }

  /**
   * BN (batch statistics, no affine) of u held at the current exponent, returned at true scale: BN ignores its
   * input's scale except through eps, which becomes eps 2^-2e (floored at float's smallest normal number, so a
   * constant channel still gives 0).
   */
  public NDArray batchNorm(TensorOps ops, NDArray u) {
    if (this == NONE || exponent == 0) {
      return ops.batchNorm(u);
    }
    double eps = Math.scalb((double) TensorOps.BN_EPS, -2 * exponent);
    return ops.batchNorm(u, (float) Math.min(Math.max(eps, Float.MIN_NORMAL), Float.MAX_VALUE));
  }

  private NDArray power(int k, DataType type) {
    return Tensors.scalar(manager, Math.scalb(1.0, k), type);
  }
}
