package zcnas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import zcnas.data.CifarDataset;
import zcnas.proxy.ScoringSession;
import zcnas.space.Spaces;
import zcnas.util.ZcnasException;

/** What executors rebuild their space and session from: any registered space by id and options, any image set. */
class SpecsTest {
  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void everyRegisteredSpaceIsRebuiltFromItsIdAndOptions() throws Exception {
    for (String id : Spaces.ids()) {
      SpaceSpec spec = roundTrip(SpaceSpec.of(Spaces.byId(id), List.of()));
      assertEquals(Spaces.byId(id).name(), spec.create().name());
    }
    String[] options = {"-channels", "8", "-cells", "5", "-max-params", "3"};
    SpaceSpec darts = roundTrip(SpaceSpec.of(Spaces.create("darts", options.clone()), List.of(options)));
    assertEquals("darts C=8 L=5", darts.create().name());
  }

  @Test
  void optionsThatDoNotRebuildTheSpaceAreAnError() throws Exception {
    ZcnasException e = assertThrows(ZcnasException.class, () -> SpaceSpec.of(Spaces.create("darts",
        new String[] {"-channels", "8"}), List.of()));
    assertTrue(e.getMessage().contains("rebuild the space 'darts C=36 L=20', not 'darts C=8 L=20'"), e.getMessage());
  }

  @Test
  void sessionsOnEachImageSet() throws Exception {
    for (CifarDataset d : CifarDataset.values()) {
      SessionSpec spec = roundTrip(SessionSpec.of(d, Path.of("/data/images"), "cpu",
          ScoringSession.BatchOrder.FIRST));
      assertEquals(d, spec.cifar());
      assertEquals(Path.of("/data/images"), spec.images());
    }
    assertEquals(CifarDataset.IMAGENET16_120, new SessionSpec("imagenet16_120", null, "auto",
        ScoringSession.BatchOrder.SEEDED).cifar());
    assertThrows(ZcnasException.class, () -> new SessionSpec("mnist", null, "cpu", ScoringSession.BatchOrder.SEEDED));
  }
}
