package zcnas.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import zcnas.engine.Tensors;
import zcnas.util.ZcnasException;

/**
 * Weight initialisations of the papers (CRoZe Table 11). Values are drawn in Java from a seeded generator, so a
 * seed gives the same network on every device and engine.
 */
public enum Initializer {
  /** PyTorch's default: Kaiming-uniform with a = sqrt(5), i.e. U(+-1/sqrt(fan_in)), bias U(+-1/sqrt(fan_in)). */
  PYTORCH_DEFAULT("default"),
  /** Kaiming (He) normal, fan-in mode, ReLU gain: N(0, 2/fan_in); bias zero. */
  KAIMING_NORMAL("kaiming"),
  /** Xavier (Glorot) uniform: U(+-sqrt(6/(fan_in+fan_out))); bias zero. */
  XAVIER_UNIFORM("xavier");

  private final String id;

  Initializer(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The initialiser named default, kaiming or xavier; another name is an error listing them. */
  public static Initializer forId(String id) {
    for (Initializer i : values()) {
      if (i.id.equalsIgnoreCase(id) || i.name().equalsIgnoreCase(id)) {
        return i;
      }
    }
    throw new ZcnasException("unknown initialisation '" + id + "' (use default, kaiming or xavier)");
  }

  /** Per thread, the values of the layer being drawn: reused, so drawing a network leaves no garbage behind. */
  private static final ThreadLocal<float[]> VALUES = ThreadLocal.withInitial(() -> new float[0]);

  /** Fresh weights for the layers, one bulk copy per tensor into PyTorch-owned memory. */
  public Weights initialize(List<Layer> layers, NDManager manager, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    NDArray[] w = new NDArray[layers.size()];
    NDArray[] b = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      int n = (int) layer.weightShape().size();
      float[] values = buffer(n);
      fill(values, n, layer, random);
      w[i] = Tensors.fromJava(manager, values, n, layer.weightShape());
      if (layer.hasBias()) {
        int c = (int) layer.outChannels();
        float[] bias = buffer(c);
        if (this == PYTORCH_DEFAULT) {
          uniform(bias, c, 1.0 / Math.sqrt(layer.fanIn()), random);
        } else {
          java.util.Arrays.fill(bias, 0, c, 0f);
        }
        b[i] = Tensors.fromJava(manager, bias, c, new Shape(c));
      }
    }
    return new Weights(w, b);
  }

  private static float[] buffer(int n) {
    float[] values = VALUES.get();
    if (values.length < n) {
      values = new float[n];
      VALUES.set(values);
    }
    return values;
  }

  private void fill(float[] values, int n, Layer layer, SplittableRandom random) {
    switch (this) {
      case PYTORCH_DEFAULT:
        uniform(values, n, 1.0 / Math.sqrt(layer.fanIn()), random);
        break;
      case KAIMING_NORMAL:
        double std = Math.sqrt(2.0 / layer.fanIn());
        for (int i = 0; i < n; i++) {
          values[i] = (float) (std * gaussian(random));
        }
        break;
      case XAVIER_UNIFORM:
        uniform(values, n, Math.sqrt(6.0 / (layer.fanIn() + layer.fanOut())), random);
        break;
      default:
        throw new AssertionError(this);
    }
  }

  private static void uniform(float[] values, int n, double bound, SplittableRandom random) {
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
  }

  /** A standard normal draw (Box-Muller), the same sequence for a seed on every JVM. */
  public static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
