package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.IdentityHashMap;
import java.util.Map;
import weka.core.TechnicalInformation;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.stats.LogDeterminant;

/**
 * NASWOT (Mellor et al. 2021): binary codes c = (input &gt; 0) of every ReLU for each image; kernel
 * K = C C^T + (1 - C)(1 - C)^T summed over the ReLUs; score = log|det K|.
 */
public class Naswot extends ZeroCostProxy {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "naswot";
  }

  @Override
  public String globalInfo() {
    return "NASWOT zero-cost proxy: log |det K| of the Hamming-agreement kernel of the ReLU activation codes of "
        + "the images of one batch (every BN in train mode). Architectures in which no ReLU sees an image-dependent "
        + "tensor give a singular kernel and -Infinity, as the reference code does.\n\nFor more information see:\n"
        + getTechnicalInformation();
  }

  @Override
  protected int defaultBatchSize() {
    return 128;
  }

  @Override
  public double score(ArchitectureContext context) {
    NDArray x = context.images(context.batch(getBatchSize(), getSeed()));
    KernelAccumulator kernel = new KernelAccumulator(context.manager());
    context.network().forward(x, context.weights(initializer(), getSeed()), BnMode.ALL, kernel);
    int n = getBatchSize();
    // With s = 2c - 1: C C^T + (1 - C)(1 - C)^T = (D + s s^T) / 2, one product per ReLU instead of two.
    double[] k = kernel.sum.toDoubleArray();
    for (int i = 0; i < k.length; i++) {
      k[i] = (k[i] + kernel.codes) / 2;
    }
    return LogDeterminant.logAbsDet(k, n);
  }

  private static final class KernelAccumulator implements ForwardListener {
    private final NDManager manager;
    /** Kernel terms by input tensor: the convolutions leaving one node all see the same ReLU input. */
    private final Map<NDArray, NDArray> seen = new IdentityHashMap<>();
    NDArray sum;
    long codes;

    KernelAccumulator(NDManager manager) {
      this.manager = manager;
    }

    @Override
    public void reluInput(NDArray input) {
      NDArray k = seen.get(input);
      long n = input.getShape().get(0);
      long d = input.getShape().size() / n;
      if (k == null) {
        NDArray s = input.gt(0).toType(DataType.FLOAT32, false).mul(2).sub(1).reshape(n, -1);
        k = s.matMul(s.transpose()).toType(DataType.FLOAT64, false);
        k.attach(manager);
        seen.put(input, k);
      }
      NDArray next = sum == null ? k.duplicate() : sum.add(k);
      next.attach(manager);
      if (sum != null) {
        sum.close();
      }
      sum = next;
      codes += d;
    }

    @Override
    public boolean needsDeadOps() {
      return true;
    }
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return Citations.mellor();
  }
}
