package zcnas;

import java.nio.ByteBuffer;

/** Provokes what frees DJL's Java-backed buffers between a forward and a backward pass. */
public final class Collect {
  private Collect() {
  }

  /** Collects garbage (running the cleaners that free direct buffers) and churns malloc over the freed chunks. */
  public static void garbageAndChurn() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(30);
      for (int j = 0; j < 200; j++) {
        ByteBuffer.allocateDirect(4 + j % 16);
      }
    }
  }
}
