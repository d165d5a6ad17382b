package zcnas.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * One backward pass on the calling thread: grad mode is on while the forward pass records its graph, then the
 * loss's gradient flows into every tensor that requires one, and the thread's grad mode is restored.
 *
 * <p>DJL's {@code GradientCollector} allows one open collector per JVM (a static flag in {@code PtGradientCollector}),
 * so two threads scoring at once would collide. PyTorch keeps grad mode per thread and runs a CPU backward pass on
 * the calling thread, so calling it directly lets several threads of one JVM (Spark tasks in one executor) each run
 * their own passes. The result is what the collector computes: backward with a ones gradient, graph not kept.
 */
public final class Backward {
  private Backward() {
  }

  /** Runs {@code forward} (which returns the loss) with grad mode on for this thread, then backpropagates the loss. */
  public static void run(Supplier<NDArray> forward) {
    run(forward, null);
  }

  /**
   * Runs {@code forward} with grad mode on for this thread, then backpropagates from its output with the given
   * gradient of that output (null: ones, the gradient of a loss), and frees the output.
   */
  public static void run(Supplier<NDArray> forward, NDArray outputGradient) {
    inGradMode(true, () -> {
      NDArray out = forward.get();
      NDArray gradient = outputGradient != null ? outputGradient
          : out.getManager().ones(out.getShape(), out.getDataType()).toDevice(out.getDevice(), false);
      JniUtils.backward((PtNDArray) out, (PtNDArray) gradient, false, false);
      // the output holds the graph, whose gradient accumulators hold the leaves and their gradients
      out.close();
      return null;
    });
  }

  /** Runs {@code forward} with grad mode off for this thread: nothing is recorded for a backward pass. */
  public static <T> T withoutGraph(Supplier<T> forward) {
    return inGradMode(false, forward);
  }

  /** Runs {@code body} with this thread's grad mode set as given, then restores it. */
  private static <T> T inGradMode(boolean on, Supplier<T> body) {
    boolean previous = JniUtils.isGradMode();
    JniUtils.setGradMode(on);
    try {
      return body.get();
    } finally {
      JniUtils.setGradMode(previous);
    }
  }

  /**
   * A copy of {@code x} that shares its memory but not its graph, and collects a gradient: where a pass restarts
   * from a tensor computed before.
   */
  public static NDArray leaf(NDArray x) {
    NDArray leaf = x.stopGradient();
    leaf.setRequiresGradient(true);
    return leaf;
  }

  /** The gradient a backward pass left in {@code x}, or null where none reached it (DJL would give zeros). */
  public static NDArray gradient(NDArray x) {
    return JniUtils.getGradient((PtNDArray) x);
  }
}
