package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
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
    // Per ReLU with codes c in {0, 1} and G = C C^T: C C^T + (1 - C)(1 - C)^T = 2 G_ij + d - G_ii - G_jj, linear in G,
    // so only the sum of the G is kept; it is exact in float32 (integers below 2^24).
    double[] g = kernel.sum.toType(DataType.FLOAT64, false).toDoubleArray();
    double[] k = new double[g.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k[i * n + j] = 2 * g[i * n + j] + kernel.codes - g[i * n + i] - g[j * n + j];
      }
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
        // the codes as 0/1 floats, sign(relu(x)); G = C C^T as linear(C, C)
        NDArray c = Activation.relu(input).sign().reshape(n, -1);
        k = Linear.linear(c, c, null).singletonOrThrow();
        k.attach(manager);
        seen.put(input, k);
      }
      if (sum == null) {
        sum = k.duplicate();
        sum.attach(manager);
      } else {
        sum.addi(k);
      }
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
