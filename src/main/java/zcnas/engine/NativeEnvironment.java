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

    int mallopt(int param, int value);
  }

  /** glibc's mallopt parameters. */
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;

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

  /**
   * Sets the defaults the environment does not set already, and keeps the C heap's memory between architectures:
   * by default glibc gives large freed blocks back to the system at once and maps big tensors afresh, so every
   * network pays thousands of page faults for memory the last one just released (a third of GradNorm's time).
   * Resident memory is then bounded by the trims {@link zcnas.score.Scorer} asks for. Harmless where the C library
   * cannot be reached.
   */
  static void apply() {
    try {
      C c = c();
      c.mallopt(M_MMAP_THRESHOLD, 32 << 20);
      c.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE);
      c.mallopt(M_TOP_PAD, 256 << 20);
    } catch (UnsatisfiedLinkError | RuntimeException ex) {
      LOG.debug("cannot tune the C heap: {}", ex.toString());
    }
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
