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
    boolean previous = JniUtils.isGradMode();
    JniUtils.setGradMode(true);
    try {
      NDArray loss = forward.get();
      NDArray ones = loss.getManager().ones(loss.getShape(), loss.getDataType()).toDevice(loss.getDevice(), false);
      JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
    } finally {
      JniUtils.setGradMode(previous);
    }
  }
}
