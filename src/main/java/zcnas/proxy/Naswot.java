package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import java.util.IdentityHashMap;
import java.util.Map;
import weka.core.TechnicalInformation;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.stats.CodeAgreement;
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
    int n = getBatchSize();
    KernelAccumulator kernel = new KernelAccumulator(n);
    context.network().forward(x, context.weights(initializer(), getSeed()), BnMode.ALL, kernel);
    double[] k = new double[n * n];
    for (int i = 0; i < k.length; i++) {
      k[i] = kernel.sum[i];
    }
    return LogDeterminant.logAbsDet(k, n);
  }

  /** K = C C^T + (1 - C)(1 - C)^T summed over the ReLUs: per ReLU, how many positions two images' codes share. */
  private static final class KernelAccumulator implements ForwardListener {
    private final int n;
    /** Kernel terms by input tensor: the convolutions leaving one node all see the same ReLU input. */
    private final Map<NDArray, long[]> seen = new IdentityHashMap<>();
    final long[] sum;

    KernelAccumulator(int n) {
      this.n = n;
      this.sum = new long[n * n];
    }

    @Override
    public void reluInput(NDArray input) {
      long[] k = seen.get(input);
      if (k == null) {
        k = new long[n * n];
        // one bulk copy of the codes c = (x > 0), a byte each; the counts are exact integers
        try (NDArray codes = input.gt(0)) {
          CodeAgreement.add(codes.toByteBuffer(), n, Math.toIntExact(input.getShape().size() / n), k);
        }
        seen.put(input, k);
      }
      for (int i = 0; i < k.length; i++) {
        sum[i] += k[i];
      }
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
