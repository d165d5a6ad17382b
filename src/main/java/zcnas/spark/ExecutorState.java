package zcnas.spark;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import zcnas.data.CifarImages;
import zcnas.engine.TorchEngine;
import zcnas.proxy.ScoringSession;

/**
 * What an executor JVM keeps between tasks: the DJL engine, started once per JVM by the first task (with that task's
 * {@code spark.task.cpus} intra-op threads), the images read once per image set and folder, and one scoring session
 * per {@link SessionSpec}. They live as long as the JVM; tasks of one executor share them, each on its own thread.
 */
final class ExecutorState {
  private static final AtomicInteger ENGINE_STARTS = new AtomicInteger();
  private static boolean engineStarted;
  /** Images by data set and folder: cifar100 and ImageNet16-120 read the same file but are different image sets. */
  private static final Map<String, CifarImages> IMAGES = new HashMap<>();
  private static final Map<SessionSpec, ScoringSession> SESSIONS = new HashMap<>();

  private ExecutorState() {
  }

  /** The session for a spec in this JVM, opened (and the engine started) on first use. */
  static synchronized ScoringSession session(SessionSpec spec, int threads) {
    if (!engineStarted) {
      TorchEngine.start(threads);
      engineStarted = true;
      ENGINE_STARTS.incrementAndGet();
    }
    ScoringSession session = SESSIONS.get(spec);
    if (session == null) {
      String images = spec.dataset() + " " + spec.cifar().trainFile(spec.images()).toAbsolutePath().normalize();
      session = spec.open(IMAGES.computeIfAbsent(images, k -> spec.read()), threads);
      SESSIONS.put(spec, session);
    }
    return session;
  }

  /** How many times this JVM's holder started the engine: 1 once any task ran, never more. */
  static int engineStarts() {
    return ENGINE_STARTS.get();
  }

  /** This JVM, as pid@host. */
  static String jvm() {
    return ManagementFactory.getRuntimeMXBean().getName();
  }
}
