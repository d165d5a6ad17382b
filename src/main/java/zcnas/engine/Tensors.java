package zcnas.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Tensors made from Java values, always in PyTorch-owned memory. DJL backs a tensor made from Java data with a Java
 * direct buffer that only the garbage collector frees, and for a Java number given to an op ({@code x.mul(2)},
 * {@code x.maximum(0)}) it frees that buffer right after the call while autograd keeps the tensor for the backward
 * pass, which then reads freed memory (scores that change from process to process, NaN gradients). So: no Java
 * number as an operand of a recorded op (use {@link #scalar}), and Java data enters through {@link #fromJava}.
 */
public final class Tensors {
  private static final ThreadLocal<ByteBuffer> STAGING =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.nativeOrder()));

  private Tensors() {
  }

  /**
   * A tensor holding Java values: one bulk copy into a reused staging buffer, then a clone into PyTorch's memory.
   * (DJL's own {@code create(float[])} allocates a direct buffer per tensor that only a garbage collection frees, so
   * resident memory grows with every tensor made until a collection happens to run.)
   */
  public static NDArray fromJava(NDManager manager, float[] values, Shape shape) {
    return fromJava(manager, values, values.length, shape);
  }

  /** {@link #fromJava(NDManager, float[], Shape)} of the first n values. */
  public static NDArray fromJava(NDManager manager, float[] values, int n, Shape shape) {
    ByteBuffer staging = STAGING.get();
    int bytes = n * Float.BYTES;
    if (staging.capacity() < bytes) {
      staging = ByteBuffer.allocateDirect(Math.max(bytes, 2 * staging.capacity())).order(ByteOrder.nativeOrder());
      STAGING.set(staging);
    }
    staging.clear();
    staging.asFloatBuffer().put(values, 0, n);
    staging.limit(bytes);
    try (NDArray view = manager.create(staging, shape, DataType.FLOAT32)) {
      return view.duplicate();
    }
  }

  /** A 0-d tensor holding v, in PyTorch-owned memory, safe as an operand of ops that autograd records. */
  public static NDArray scalar(NDManager manager, double v, DataType type) {
    return manager.zeros(new Shape(), type).addi(v);
  }
}
