package zcnas.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Supplier;

/** Memory scoping of the blocks of a forward pass. */
public final class Scope {
  private Scope() {
  }

  /**
   * Runs one block with its intermediate tensors in a sub-manager that is closed right after, keeping only the
   * block's output: DJL frees native memory only when a manager closes, and autograd keeps its own references to
   * what the backward pass needs. The inputs return to their managers; listeners attach what they keep to their own.
   */
  public static NDArray run(NDManager root, Supplier<NDArray> block, NDArray... inputs) {
    return runAll(root, () -> new NDArray[] {block.get()}, inputs)[0];
  }

  /** {@link #run} for a block with several outputs, all of which are kept. */
  public static NDArray[] runAll(NDManager root, Supplier<NDArray[]> block, NDArray... inputs) {
    try (NDManager scope = root.newSubManager()) {
      for (NDArray input : inputs) {
        input.tempAttach(scope);
      }
      NDArray[] out = block.get();
      for (NDArray o : out) {
        o.attach(root);
      }
      return out;
    }
  }
}
