package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import zcnas.CpuSession;
import zcnas.data.ImageBatch;
import zcnas.network.Initializer;
import zcnas.network.TinyNetwork;
import zcnas.network.Weights;
import zcnas.stats.LogDeterminant;

/** Proxies on logits = W relu(x) + b, recomputed by hand in double precision from the same weights and images. */
class ClosedFormProxyTest extends CpuSession {
  static final int CLASSES = 10;
  static final int SIZE = 32;
  static final int D = 3 * SIZE * SIZE;

  @Test
  void synflowIsTheSumOfAbsoluteWeights() {
    try (ArchitectureContext c = session.open(new TinyNetwork(CLASSES, SIZE))) {
      SynFlow p = new SynFlow();
      p.setSeed(4);
      // All-ones input, absolute weights: R = sum |W| + sum |b|, so dR/dW = 1 and the score is sum |W|.
      float[] w = c.weights(Initializer.PYTORCH_DEFAULT, 4).weight(0).toFloatArray();
      double expected = 0;
      for (float v : w) {
        expected += Math.abs(v);
      }
      assertEquals(expected, p.score(c), 1e-9 * expected);
    }
  }

  @Test
  void snipAndGradNormMatchTheHandGradient() {
    int batch = 16;
    try (ArchitectureContext c = session.open(new TinyNetwork(CLASSES, SIZE))) {
      Weights weights = c.weights(Initializer.PYTORCH_DEFAULT, 2);
      float[] w = weights.weight(0).toFloatArray();
      float[] b = weights.bias(0).toFloatArray();
      ImageBatch images = c.batch(batch, 2);
      int[] y = images.labels();
      double[] grad = new double[w.length];
      for (int i = 0; i < batch; i++) {
        double[] h = relu(images, i);
        double[] z = new double[CLASSES];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES; k++) {
          z[k] = b[k];
          for (int d = 0; d < D; d++) {
            z[k] += w[k * D + d] * h[d];
          }
          max = Math.max(max, z[k]);
        }
        double norm = 0;
        for (int k = 0; k < CLASSES; k++) {
          norm += Math.exp(z[k] - max);
        }
        for (int k = 0; k < CLASSES; k++) {
          double delta = Math.exp(z[k] - max) / norm - (k == y[i] ? 1 : 0);
          for (int d = 0; d < D; d++) {
            grad[k * D + d] += delta * h[d] / batch;
          }
        }
      }
      double snip = 0;
      double sq = 0;
      for (int j = 0; j < w.length; j++) {
        snip += Math.abs(w[j] * grad[j]);
        sq += grad[j] * grad[j];
      }
      Snip s = new Snip();
      s.setSeed(2);
      s.setBatchSize(batch);
      GradNorm g = new GradNorm();
      g.setSeed(2);
      g.setBatchSize(batch);
      assertEquals(snip, s.score(c), 1e-4 * snip);
      assertEquals(Math.sqrt(sq), g.score(c), 1e-4 * Math.sqrt(sq));
    }
  }

  @Test
  void naswotIsTheLogDeterminantOfTheAgreementKernel() {
    int batch = 12;
    try (ArchitectureContext c = session.open(new TinyNetwork(CLASSES, SIZE))) {
      ImageBatch images = c.batch(batch, 9);
      double[] k = new double[batch * batch];
      for (int i = 0; i < batch; i++) {
        for (int j = 0; j < batch; j++) {
          int agree = 0;
          for (int ch = 0; ch < 3; ch++) {
            for (int yy = 0; yy < SIZE; yy++) {
              for (int xx = 0; xx < SIZE; xx++) {
                agree += (images.value(i, ch, yy, xx) > 0) == (images.value(j, ch, yy, xx) > 0) ? 1 : 0;
              }
            }
          }
          k[i * batch + j] = agree;
        }
      }
      Naswot p = new Naswot();
      p.setSeed(9);
      p.setBatchSize(batch);
      assertEquals(LogDeterminant.logAbsDet(k, batch), p.score(c), 1e-9);
    }
  }

  private static double[] relu(ImageBatch images, int i) {
    double[] h = new double[D];
    int d = 0;
    for (int ch = 0; ch < 3; ch++) {
      for (int yy = 0; yy < SIZE; yy++) {
        for (int xx = 0; xx < SIZE; xx++) {
          h[d++] = Math.max(0, images.value(i, ch, yy, xx));
        }
      }
    }
    return h;
  }
}
