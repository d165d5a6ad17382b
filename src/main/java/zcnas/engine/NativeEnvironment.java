package zcnas.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
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
   * How OpenMP's idle threads wait, set as one group. PyTorch's CPU build spins for milliseconds by default, so two
   * processes on the same cores (two runs, or a run beside the GUI) burn each other's time waiting; sleeping at once
   * instead makes every parallel region wake its threads, and DARTS's float64 separable convolutions are tens of
   * thousands of tiny regions per network (up to twice as slow with two threads as with one). libgomp spins about
   * 100,000 times a millisecond, so 500 spins bridge the gap between two back-to-back ops and no more.
   */
  static final Map<String, String> WAIT_DEFAULTS = Map.of("OMP_WAIT_POLICY", "PASSIVE", "GOMP_SPINCOUNT", "500");

  private interface C extends Library {
    int setenv(String name, String value, int overwrite);

    String getenv(String name);

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
   * The settings to add to an environment: none of the wait settings where it sets either of them (GOMP_SPINCOUNT
   * overrides OMP_WAIT_POLICY, so a user's ACTIVE must not meet our spin count).
   */
  static Map<String, String> defaults(Map<String, String> environment) {
    return WAIT_DEFAULTS.keySet().stream().anyMatch(environment::containsKey) ? Map.of() : WAIT_DEFAULTS;
  }

  /** A variable of the process's C environment, as the native libraries see it (Java's copy is taken at start). */
  static String nativeValue(String name) {
    return c().getenv(name);
  }

  /**
   * Sets the wait settings of {@link #defaults} (none where the user set one), and keeps the C heap's memory between
   * architectures: by default glibc gives large freed blocks back to the system at once and maps big tensors afresh,
   * so every network pays thousands of page faults for memory the last one just released (a third of GradNorm's
   * time).
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
    for (Map.Entry<String, String> e : defaults(System.getenv()).entrySet()) {
      try {
        c().setenv(e.getKey(), e.getValue(), 0);
      } catch (UnsatisfiedLinkError | RuntimeException ex) {
        LOG.debug("cannot set {} for the native libraries: {}", e.getKey(), ex.toString());
      }
    }
  }
}
