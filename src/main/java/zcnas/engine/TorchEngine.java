package zcnas.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import zcnas.util.ZcnasException;

/**
 * Starts DJL's PyTorch engine offline (no telemetry, no library download), inside Weka's package class loader
 * too, with a fixed number of threads, and chooses the device.
 */
public final class TorchEngine {
  public static final String ENGINE_NAME = "PyTorch";
  private static Engine engine;
  private static int startedThreads;

  private TorchEngine() {
  }

  /**
   * Starts the engine once per JVM. PyTorch fixes its thread pools when it loads, so {@code threads} counts only
   * on the first call; 0 leaves PyTorch's default (one thread per core).
   */
  public static synchronized Engine start(int threads) {
    if (engine != null) {
      return engine;
    }
    NativeEnvironment.apply();
    // DJL reads these when its engine class initialises; set them first so it never reaches for the network.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    if (threads > 0) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // DJL discovers engines and native bundles through the context class loader; Weka loads this package in its own.
    thread.setContextClassLoader(TorchEngine.class.getClassLoader());
    try {
      engine = Engine.getEngine(ENGINE_NAME);
      startedThreads = threads;
      return engine;
    } catch (RuntimeException | UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new ZcnasException("cannot start DJL's PyTorch engine: " + rootMessage(e) + ". The package needs the jars "
          + "ai.djl.pytorch:pytorch-engine, pytorch-jni and the native bundle pytorch-native-cpu (or pytorch-native-cu124 "
          + "for a GPU), classifier linux-x86_64, on the class path (the package zip ships them in lib/), a writable "
          + "~/.djl.ai (or DJL_CACHE_DIR) to unpack the native library into, and a Linux x86-64 machine.", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The thread count asked for when the engine started (0 = PyTorch's default). */
  public static synchronized int startedThreads() {
    return startedThreads;
  }

  /** Resolves {@code auto} (GPU when there is one, else CPU), {@code cpu} or {@code gpu} (fails when there is none). */
  public static Device device(String choice, int threads) {
    Engine e = start(threads);
    String c = choice == null ? "auto" : choice.trim().toLowerCase(java.util.Locale.ROOT);
    switch (c) {
      case "auto":
        return e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
      case "cpu":
        return Device.cpu();
      case "gpu":
        if (e.getGpuCount() == 0) {
          throw new ZcnasException("device 'gpu' asked for, but PyTorch sees no CUDA GPU: use -device auto or cpu, "
              + "or build with -Pcuda (the pytorch-native-cu124 bundle) on a machine with an NVIDIA driver");
        }
        return Device.gpu();
      default:
        throw new ZcnasException("unknown device '" + choice + "' (use auto, cpu or gpu)");
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r.getClass().getSimpleName() + ": " + r.getMessage();
  }
}
