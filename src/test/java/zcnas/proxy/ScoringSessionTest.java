package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zcnas.TestData;

/** How a session runs the independent parts of a pass: one after the other, or on its inter-op threads at once. */
class ScoringSessionTest {
  private static ScoringSession two;

  @BeforeAll
  static void open() {
    two = new ScoringSession(TestData.cifar10Train(), "cpu", 0, 2, ScoringSession.BatchOrder.SEEDED);
  }

  @AfterAll
  static void close() {
    two.close();
  }

  @Test
  void twoInteropThreadsRunTwoPartsAtOnce() {
    // each part waits for the other: this passes only if both run at the same time, on two threads
    CyclicBarrier together = new CyclicBarrier(2);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Runnable part = () -> {
      threads.add(Thread.currentThread());
      try {
        together.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the other part did not run at the same time", e);
      }
    };
    two.runParts(List.of(part, part));
    assertEquals(2, threads.size());
    assertTrue(threads.contains(Thread.currentThread()), "the caller runs a part itself");
  }

  @Test
  void aFailedPartIsThrownAfterEveryPartEnded() {
    AtomicBoolean slowEnded = new AtomicBoolean();
    Runnable slow = () -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      slowEnded.set(true);
    };
    Runnable failing = () -> {
      throw new IllegalArgumentException("part failed");
    };
    for (List<Runnable> parts : List.of(List.of(slow, failing), List.of(failing, slow))) {
      slowEnded.set(false);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.runParts(parts));
      assertEquals("part failed", e.getMessage());
      assertTrue(slowEnded.get(), "returned before the other part ended");
    }
  }

  @Test
  void oneInteropThreadRunsThePartsInOrderOnTheCaller() {
    try (ScoringSession one = new ScoringSession(TestData.cifar10Train(), "cpu", 0, ScoringSession.BatchOrder.SEEDED)) {
      assertEquals(1, one.interop());
      List<String> ran = new ArrayList<>();
      Thread caller = Thread.currentThread();
      List<Runnable> parts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String name = "part " + i;
        parts.add(() -> ran.add(Thread.currentThread() == caller ? name : name + " elsewhere"));
      }
      one.runParts(parts);
      assertEquals(List.of("part 0", "part 1", "part 2"), ran);
    }
  }
}
