package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import java.util.IdentityHashMap;
import java.util.Map;
import zcnas.network.ForwardListener;
import zcnas.stats.CodeAgreement;

/**
 * NASWOT's kernel K = C C^T + (1 - C)(1 - C)^T summed over the ReLUs a forward pass shows: per ReLU, how many
 * positions the codes c = (input &gt; 0) of two images share. It listens to any pass on the batch, so the pass can
 * be one that other proxies read too.
 */
final class ReluCodeKernel implements ForwardListener {
  private final int n;
  /** Kernel terms by input tensor: the convolutions leaving one node all see the same ReLU input. */
  private final Map<NDArray, long[]> seen = new IdentityHashMap<>();
  private final long[] sum;

  ReluCodeKernel(int n) {
    this.n = n;
    this.sum = new long[n * n];
  }

  @Override
  public void reluInput(NDArray input) {
    long[] k = seen.get(input);
    if (k == null) {
      k = new long[n * n];
      // one bulk copy of the codes, a byte each; the counts are exact integers
      try (NDArray codes = input.gt(0)) {
        CodeAgreement.add(codes.toByteBuffer(), n, Math.toIntExact(input.getShape().size() / n), k);
      }
      seen.put(input, k);
    }
    for (int i = 0; i < k.length; i++) {
      sum[i] += k[i];
    }
  }

  /** NASWOT's hooks see every ReLU module, also those on ops that cannot reach the output. */
  @Override
  public boolean needsDeadOps() {
    return true;
  }

  /** The n x n kernel, row-major, in double precision (exact: the counts are far below 2^53). */
  double[] kernel() {
    double[] k = new double[sum.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = sum[i];
    }
    return k;
  }
}
