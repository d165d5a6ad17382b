package zcnas.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import zcnas.data.CifarDataset;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.SynFlow;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.util.ZcnasException;

/** The adapters' -workers option: printed only when set, and N workers score what one does, off the calling thread. */
class InstanceScorerTest {
  /** SynFlow that records the threads it scores on. */
  static final class ThreadsSeen extends SynFlow {
    private static final long serialVersionUID = 1L;
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public double score(ArchitectureContext context) {
      threads.add(Thread.currentThread().getName());
      return super.score(context);
    }
  }

  @Test
  void workersAndInteropArePrintedOnlyWhenSetAndCheckedWhenGiven() throws Exception {
    assertEquals("-space auto -dataset auto -device auto -threads 0 -batches seeded",
        Utils.joinOptions(new InstanceScorer().getOptions()));
    for (String name : new String[] {"workers", "interop"}) {
      InstanceScorer s = new InstanceScorer();
      s.setOptions(Utils.splitOptions("-" + name + " 3 -cache none"));
      assertEquals(3, name.equals("workers") ? s.getWorkers() : s.getInterop());
      assertEquals("-space auto -dataset auto -device auto -threads 0 -" + name + " 3 -batches seeded -cache none",
          Utils.joinOptions(s.getOptions()));
      ZcnasException e = assertThrows(ZcnasException.class, () -> s.setOptions(Utils.splitOptions("-" + name + " 0")));
      assertTrue(e.getMessage().startsWith(name + " must be between 1 and "), e.getMessage());
      e = assertThrows(ZcnasException.class, () -> s.setOptions(Utils.splitOptions("-" + name + " two")));
      assertEquals("-" + name + " needs an integer, got 'two'", e.getMessage());
    }
  }

  @Test
  void anObjectSavedBeforeTheOptionsReadsAsOneWorkerAndOneInteropThread() throws Exception {
    InstanceScorer s = new InstanceScorer();
    // what an object serialized before the fields existed leaves in them
    for (String name : new String[] {"workers", "interop"}) {
      Field field = InstanceScorer.class.getDeclaredField(name);
      field.setAccessible(true);
      field.setInt(s, 0);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      InstanceScorer read = (InstanceScorer) in.readObject();
      assertEquals(1, read.getWorkers());
      assertEquals(1, read.getInterop());
    }
  }

  @Test
  void workersScoreTheInstancesAsOneThreadDoes() {
    List<Nb201Architecture> archs = new ArrayList<>(Nb201Architecture.sample(5, 21));
    archs.add(archs.get(1));
    Instances data = new Instances("archs", new ArrayList<>(List.of(new Attribute("arch", (List<String>) null))), 0);
    for (Nb201Architecture a : archs) {
      DenseInstance row = new DenseInstance(1);
      row.setDataset(data);
      row.setValue(0, a.toString());
      data.add(row);
    }
    double[][] one = scores(data, 1, new ThreadsSeen());
    ThreadsSeen seen = new ThreadsSeen();
    double[][] three = scores(data, 3, seen);
    for (int r = 0; r < archs.size(); r++) {
      assertArrayEquals(one[r], three[r], "row " + r);
    }
    assertEquals(one[1][0], one[5][0]);
    assertTrue(!seen.threads.isEmpty() && seen.threads.stream().allMatch(t -> t.startsWith("zcnas-worker-")),
        seen.threads.toString());
  }

  private static double[][] scores(Instances data, int workers, ZeroCostProxy proxy) {
    InstanceScorer s = new InstanceScorer();
    s.setCache("none");
    s.setWorkers(workers);
    return s.score(data, List.of(proxy), CifarDataset.CIFAR10);
  }
}
