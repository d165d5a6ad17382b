package zcnas.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings PyTorch's native libraries read from the process environment when they load, set from Java (through the
 * C library) before the engine loads them. A variable the user set is left as it is.
 */
public final class NativeEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(NativeEnvironment.class);

  /**
   * OpenMP threads that wait for work sleep instead of spinning: PyTorch's CPU build spins by default, so two
   * processes on the same cores (two runs, or a run beside the GUI) burn each other's time waiting.
   */
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>(Map.of("OMP_WAIT_POLICY", "PASSIVE"));

  private interface C extends Library {
    int setenv(String name, String value, int overwrite);

    int malloc_trim(long pad);
  }

  private static C libc;

  private NativeEnvironment() {
  }

  private static synchronized C c() {
    if (libc == null) {
      libc = Native.load("c", C.class);
    }
    return libc;
  }

  /**
   * Gives the C heap's free pages back to the system. PyTorch frees a network's tensors into glibc's heap, which keeps
   * them: without this, resident memory creeps up with every architecture of a long run.
   */
  public static void trim() {
    try {
      c().malloc_trim(0);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.debug("malloc_trim unavailable: {}", e.toString());
    }
  }

  /** Sets the defaults the environment does not set already; harmless where the C library cannot be reached. */
  static void apply() {
    for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
      if (System.getenv(e.getKey()) != null) {
        continue;
      }
      try {
        c().setenv(e.getKey(), e.getValue(), 0);
      } catch (UnsatisfiedLinkError | RuntimeException ex) {
        LOG.debug("cannot set {} for the native libraries: {}", e.getKey(), ex.toString());
      }
    }
  }
}
