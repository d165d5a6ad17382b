package zcnas.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.HashMap;
import java.util.Map;
import zcnas.engine.NativeEnvironment;

/**
 * The tensor operations of the networks, for one forward pass (it caches per-pass constants). Nothing here passes
 * a Java number to an op that autograd records (see {@link zcnas.engine.Tensors}).
 */
public final class TensorOps {
  static final float BN_EPS = 1e-5f;
  /** The channel block of oneDNN's AVX-512 float32 kernels: output channels past a whole block meet stale reads. */
  private static final int ONEDNN_BLOCK = 16;
  private final Map<String, NDArray> constants = new HashMap<>();
  private final NDManager manager;

  /** Per-pass constants live in the given manager, which must outlive the pass. */
  public TensorOps(NDManager manager) {
    this.manager = manager;
  }

  /** A 2-D convolution (no dilation, one group); bias may be null. */
  public NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    return conv(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), 1, 1);
  }

  /**
   * A convolution with (height, width) stride and padding, a dilation and groups (depthwise: groups = channels).
   * Where oneDNN's float32 backward kernels would read unwritten memory, fresh memory is zeroed first (see
   * {@link NativeEnvironment#zeroNewTensorMemory}).
   */
  public NDArray conv(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, int dilation, int groups) {
    Shape k = weight.getShape();
    if (groups == 1 && k.get(0) % ONEDNN_BLOCK != 0 && k.get(2) * k.get(3) > 1 && x.getDataType() == DataType.FLOAT32
        && !x.getDevice().isGpu()) {
      NativeEnvironment.zeroNewTensorMemory();
    }
    return Conv2d.conv2d(x, weight, bias, stride, padding, new Shape(dilation, dilation), groups).singletonOrThrow();
  }

  /**
   * The same values in channels-last memory (NHWC under the NCHW shape) where the tensor is float32 on the CPU, else
   * x itself. The convolutions, BN, ReLU, sums and pooling that follow keep that layout, so oneDNN's convolutions run
   * on it directly instead of reordering every input and output (blocked layouts), and PyTorch's channels-last BN
   * statistics are vectorised (its NCHW kernel sums each channel in a scalar double loop). Float64 goes through
   * PyTorch's own kernels, which want NCHW.
   */
  public static NDArray channelsLast(NDArray x) {
    if (x.getDataType() != DataType.FLOAT32 || x.getDevice().isGpu()) {
      return x;
    }
    Shape s = x.getShape();
    // reshape(-1) of the NHWC view is its one copy; the last transpose is a view with channels-last strides
    return x.transpose(0, 2, 3, 1).reshape(-1).reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
  }

  /** x W^T + b; bias may be null. */
  public NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return Linear.linear(x, weight, bias).singletonOrThrow();
  }

  /** ReLU through DJL's activation (no scalar operand that the garbage collector could free under autograd). */
  public NDArray relu(NDArray x) {
    return Activation.relu(x);
  }


  /** BatchNorm with batch statistics and no affine transform (what an affine BN computes at initialisation). */
  public NDArray batchNorm(NDArray x) {
    return batchNorm(x, BN_EPS);
  }

  /** {@link #batchNorm(NDArray)} with another eps (a rescaled input's: {@link Rescaling#batchNorm}). */
  public NDArray batchNorm(NDArray x, float eps) {
    long c = x.getShape().get(1);
    NDArray zeros = constant("zeros", x, c, m -> m.zeros(new Shape(c), x.getDataType()));
    NDArray ones = constant("ones", x, c, m -> m.ones(new Shape(c), x.getDataType()));
    // DJL's PyTorch batchNorm needs running-statistics buffers even in train mode; fresh ones per pass keep passes independent.
    NDArray runningMean = x.getManager().zeros(new Shape(c), x.getDataType());
    NDArray runningVar = x.getManager().ones(new Shape(c), x.getDataType());
    return BatchNorm.batchNorm(x, runningMean, runningVar, ones, zeros, -1, 0.1f, eps, true).singletonOrThrow();
  }

  /**
   * 3x3 average pooling, stride 1, padding 1, count_include_pad = false. DJL 0.33's PyTorch engine ignores the
   * countIncludePad flag, so the padded average is rescaled by the true number of cells in each window.
   */
  public NDArray avgPool3x3(NDArray x) {
    return avgPool3x3(x, 1);
  }

  /**
   * {@link #avgPool3x3(NDArray)} with a stride. In float32 the 3x3 window sums as a depthwise convolution with an
   * all-ones kernel (oneDNN) times the reciprocal of each window's cell count: PyTorch's NCHW avg_pool2d is scalar
   * code, several times slower there. In float64, which oneDNN lacks (its depthwise convolution is a loop over
   * channels), PyTorch's padded average times 9 / cell count: window sums as nine shifted slices would cost a
   * zero-filled padded tensor per slice in the backward pass.
   */
  public NDArray avgPool3x3(NDArray x, int stride) {
    long c = x.getShape().get(1);
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    Shape s = new Shape(stride, stride);
    if (x.getDataType() != DataType.FLOAT32) {
      return paddedAverage(x, s).mul(windowScale(x, h, w, s, 1));
    }
    NDArray ones = constant("poolkernel", x, c, m -> m.ones(new Shape(c, 1, 3, 3), x.getDataType()));
    NDArray sums = Conv2d.conv2d(x, ones, null, s, new Shape(1, 1), new Shape(1, 1), (int) c).singletonOrThrow();
    return sums.mul(windowScale(x, h, w, s, 9));
  }

  /**
   * The per-pass constant 1 / (factor x the padded average of ones): DJL's avgPool2d counts the padding (it ignores
   * countIncludePad), so that average is each window's in-image cells / 9.
   */
  private NDArray windowScale(NDArray x, long h, long w, Shape stride, int factor) {
    return constant("poolscale" + factor + ":" + h + "x" + w + "/" + stride.get(0), x, 0,
        m -> paddedAverage(m.ones(new Shape(1, 1, h, w), x.getDataType()), stride).mul(factor).pow(-1));
  }

  /** 3x3 average pooling with padding 1 that counts the padding. */
  private static NDArray paddedAverage(NDArray x, Shape stride) {
    return Pool.avgPool2d(x, new Shape(3, 3), stride, new Shape(1, 1), false, true);
  }

  /** 3x3 max pooling with padding 1 (padding never wins: PyTorch pads with -inf). */
  public NDArray maxPool3x3(NDArray x, int stride) {
    return Pool.maxPool2d(x, new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1), false);
  }

  /** 2x2 average pooling with stride 2 (no padding, so the count question does not arise). */
  public NDArray avgPool2x2(NDArray x) {
    return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
  }

  /** The mean over the spatial dimensions: N x C x H x W to N x C. */
  public NDArray globalAvgPool(NDArray x) {
    Shape s = x.getShape();
    // DJL's PyTorch mean reduces one axis at a time
    return x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
  }

  private NDArray constant(String name, NDArray like, long size, java.util.function.Function<NDManager, NDArray> make) {
    String key = name + ":" + size + ":" + like.getDataType() + ":" + like.getDevice();
    return constants.computeIfAbsent(key, k -> make.apply(manager));
  }
}
