package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import weka.core.Option;

class ZeroCostProxyOptionsTest {
  @Test
  void optionsRoundTrip() throws Exception {
    for (String name : Proxies.names()) {
      ZeroCostProxy p = Proxies.create(name);
      p.setOptions(new String[] {"-B", "32", "-S", "7", "-I", "xavier"});
      assertEquals(32, p.getBatchSize());
      assertEquals(7, p.getSeed());
      assertEquals("xavier", p.getInit());
      ZeroCostProxy q = Proxies.create(name);
      q.setOptions(p.getOptions());
      assertArrayEquals(p.getOptions(), q.getOptions());
      assertEquals(p.cacheKey(), q.cacheKey());
      assertTrue(Collections.list(p.listOptions()).stream().map(Option::name).distinct().count() >= 3);
    }
  }

  @Test
  void defaultsFollowTheReferenceSettings() {
    assertEquals(64, new GradNorm().getBatchSize());
    assertEquals(64, new Snip().getBatchSize());
    assertEquals(128, new Naswot().getBatchSize());
    assertEquals("default", new Snip().getInit());
  }

  @Test
  void unknownOptionsAndNamesAreRefused() {
    assertThrows(Exception.class, () -> new Snip().setOptions(new String[] {"-Q", "1"}));
    assertThrows(RuntimeException.class, () -> Proxies.create("zen"));
  }
}
