package zcnas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {
  @Test
  void waitSettingsGoInAsOneGroupUnlessTheUserSetEither() {
    assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE", "GOMP_SPINCOUNT", "500"),
        NativeEnvironment.defaults(Map.of("HOME", "/root")));
    // GOMP_SPINCOUNT overrides the policy: a user's ACTIVE must not be cut to 500 spins
    assertTrue(NativeEnvironment.defaults(Map.of("OMP_WAIT_POLICY", "ACTIVE")).isEmpty());
    assertTrue(NativeEnvironment.defaults(Map.of("GOMP_SPINCOUNT", "0")).isEmpty());
  }

  @Test
  void theEngineLoadsWithTheWaitSettingsInTheProcessEnvironment() {
    TorchEngine.start(0);
    Map<String, String> expected = NativeEnvironment.defaults(System.getenv());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), NativeEnvironment.nativeValue(e.getKey()), e.getKey());
    }
    for (String user : NativeEnvironment.WAIT_DEFAULTS.keySet()) {
      if (System.getenv(user) != null) {
        assertEquals(System.getenv(user), NativeEnvironment.nativeValue(user), user);
      }
    }
  }
}
