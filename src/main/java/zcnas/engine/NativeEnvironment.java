package zcnas.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
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

  /** c10's switch for zeroing each CPU allocation (a C++ bool). */
  static final String ZERO_FILL = "FLAGS_caffe2_cpu_allocator_do_zero_fill";

  private static C libc;
  /** Where that switch lies, once found; null before, and where it cannot be found. */
  private static volatile Pointer zeroFill;
  private static boolean zeroFillMissing;

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
   * Makes PyTorch zero the memory of every CPU tensor it allocates from now on, for the rest of the process.
   * oneDNN's float32 convolution backward kernels in PyTorch 2.5.1 (AVX-512) read memory they have not written
   * when a dense convolution with a kernel larger than 1x1 has a number of output channels that is not a multiple
   * of 16 (DARTS's 36 and 108, 3x3 and 1x7 alike): whatever an earlier tensor left there (NaN, Inf or huge values,
   * after a float64 CRoZe pass) enters the gradients. In zeroed memory those reads add nothing, and the gradients
   * are those of a fresh process. It stays on once set: the switch is one flag for all threads, and turning it off
   * while another thread's pass runs would reopen the hole. Measured cost: none within the noise on DARTS, 4-6% on
   * NB201, whose convolutions never need it, so there it stays off (doc/search.md).
   */
  public static void zeroNewTensorMemory() {
    Pointer flag = zeroFill != null ? zeroFill : findZeroFill();
    if (flag != null && flag.getByte(0) == 0) {
      flag.setByte(0, (byte) 1);
    }
  }

  private static synchronized Pointer findZeroFill() {
    if (zeroFill == null && !zeroFillMissing) {
      try {
        zeroFill = c10Flag(ZERO_FILL);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        zeroFillMissing = true;
        LOG.warn("cannot make PyTorch zero new tensor memory ({}): float32 gradients of convolutions whose output "
            + "channels are not a multiple of 16 may read stale memory", e.toString());
      }
    }
    return zeroFill;
  }

  /** A boolean flag of PyTorch's c10 library, which the engine has loaded by then. */
  static Pointer c10Flag(String name) {
    return NativeLibrary.getInstance("c10").getGlobalVariableAddress(name);
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
