package zcnas.engine;

import com.sun.jna.Pointer;

/**
 * What PyTorch's CPU allocator writes into fresh memory, for tests: c10's debugging switches. Junk fill stands for
 * memory that earlier tensors left dirty; zero fill is what {@link NativeEnvironment#zeroNewTensorMemory} turns on.
 * c10 aborts the process when both are on. Closing restores both switches.
 */
public final class AllocatorFill implements AutoCloseable {
  private static final String JUNK_FILL = "FLAGS_caffe2_cpu_allocator_do_junk_fill";
  private final byte junk;
  private final byte zero;

  private AllocatorFill() {
    junk = flag(JUNK_FILL).getByte(0);
    zero = flag(NativeEnvironment.ZERO_FILL).getByte(0);
  }

  /** From now until close, fresh memory is left as the C heap hands it out: neither zeroed nor junk-filled. */
  public static AllocatorFill unzeroed() {
    AllocatorFill saved = new AllocatorFill();
    flag(JUNK_FILL).setByte(0, (byte) 0);
    flag(NativeEnvironment.ZERO_FILL).setByte(0, (byte) 0);
    return saved;
  }

  /** Fresh memory filled with junk (never while zeroing is on). */
  public void junk(boolean on) {
    flag(JUNK_FILL).setByte(0, (byte) (on ? 1 : 0));
  }

  public static boolean zeroing() {
    return flag(NativeEnvironment.ZERO_FILL).getByte(0) != 0;
  }

  private static Pointer flag(String name) {
    TorchEngine.start(0);
    return NativeEnvironment.c10Flag(name);
  }

  @Override
  public void close() {
    flag(JUNK_FILL).setByte(0, (byte) 0);
    flag(NativeEnvironment.ZERO_FILL).setByte(0, zero);
    flag(JUNK_FILL).setByte(0, junk);
  }
}
