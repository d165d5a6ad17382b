package zcnas;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import zcnas.engine.TorchEngine;

/** Base of the tests of tensor code: the PyTorch engine (seed 0) and one manager for the whole test class. */
public abstract class TorchTest {
  protected static Engine engine;
  protected static NDManager manager;

  @BeforeAll
  static void startEngine() {
    engine = TorchEngine.start(0);
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void closeManager() {
    manager.close();
  }
}
