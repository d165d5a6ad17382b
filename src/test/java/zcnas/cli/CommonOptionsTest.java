package zcnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zcnas.util.ZcnasException;

/** The shared options' -interop: one PyTorch thread per part unless -threads says otherwise, checked when read. */
class CommonOptionsTest {
  @Test
  void interopTakesOneThreadPerPartUnlessThreadsAreGiven() throws Exception {
    CommonOptions common = new CommonOptions();
    common.parse(new String[] {"-interop", "2"});
    assertEquals(2, common.interop);
    assertEquals(1, common.threads);
    CommonOptions given = new CommonOptions();
    given.parse(new String[] {"-interop", "2", "-threads", "2"});
    assertEquals(2, given.threads);
    CommonOptions plain = new CommonOptions();
    plain.parse(new String[0]);
    assertEquals(1, plain.interop);
    assertEquals(0, plain.threads, "without -interop the engine's default threads stay");
  }

  @Test
  void aBadInteropIsNamedBeforeAnyWork(@TempDir Path dir) {
    ZcnasException e = assertThrows(ZcnasException.class,
        () -> new CommonOptions().parse(new String[] {"-interop", "0"}));
    assertTrue(e.getMessage().startsWith("-interop must be between 1 and "), e.getMessage());
    String o = dir.resolve("x.csv").toString();
    assertTrue(Tools.run(1, "score", "-interop", "2", "-master", "local[2]", "-o", o)
        .contains("-interop is for scoring in this process"));
  }
}
