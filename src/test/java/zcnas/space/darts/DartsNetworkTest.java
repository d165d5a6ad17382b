package zcnas.space.darts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zcnas.engine.Backward;
import zcnas.engine.TorchEngine;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Initializer;
import zcnas.network.Layer;
import zcnas.network.Weights;
import zcnas.proxy.ArchitectureContext;

public class DartsNetworkTest {
  /** Every op of the pool at least once, in both cells, on cell inputs (stride 2 in reduction cells) and on nodes. */
  public static final DartsGenotype EVERY_OP = DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3', 0), "
      + "('sep_conv_5x5', 1), ('sep_conv_7x7', 0), ('dil_conv_3x3', 2), ('dil_conv_5x5', 1), ('conv_7x1_1x7', 3), "
      + "('max_pool_3x3', 4), ('avg_pool_3x3', 0)], normal_concat=[2, 3, 4, 5], reduce=[('skip_connect', 0), "
      + "('avg_pool_3x3', 1), ('max_pool_3x3', 0), ('none', 2), ('conv_7x1_1x7', 1), ('sep_conv_3x3', 3), "
      + "('dil_conv_5x5', 0), ('skip_connect', 4)], reduce_concat=[2, 3, 4, 5])");

  @BeforeAll
  static void engine() {
    TorchEngine.start(0);
  }

  @Test
  void parameterCountOfDartsV2IsThePublishedOne() {
    // DARTS (Liu et al. 2019) reports 3.3M for DARTS_V2 at C = 36, L = 20; its train.py logs 3.349342 MB
    // (count_parameters_in_MB: all parameters but the auxiliary head's, affine BN included).
    assertEquals(3_349_342, new DartsNetwork(DartsGenotype.DARTS_V2, 10, 32).parameterCount());
  }

  @Test
  void parameterCountByHandForATinyNetwork() {
    // C = 2, L = 1 (cell 0 is a reduction cell since 0 = L/3 = 2L/3), one node: sep_conv_3x3 on c_{k-2}, skip on c_{k-1}.
    DartsGenotype g = DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1)], "
        + "normal_concat=[2], reduce=[('sep_conv_3x3', 0), ('skip_connect', 1)], reduce_concat=[2])");
    DartsNetwork n = new DartsNetwork(g, 10, 32, 2, 1);
    // stem 6x3x3x3 = 162 + BN 12; cell C = 4: pre0 4x6 + BN 8, pre1 4x6 + BN 8;
    // sep conv: 2 x (depthwise 4x1x3x3 + pointwise 4x4 + BN 8) = 2 x 60; skip at stride 2 = FactorizedReduce(4, 4):
    // 2 x (2x4) + BN 8 = 24; classifier 10 x 4 + 10 = 50.
    assertEquals(162 + 12 + 32 + 32 + 120 + 24 + 50, n.parameterCount());
    assertEquals(1 + 2 + 4 + 2 + 1, n.layers().size());
  }

  @Test
  void everyOpRunsInBothBnModesAndGivesFiniteLogits() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (int cells : new int[] {3, 5}) {
        DartsNetwork n = new DartsNetwork(EVERY_OP, 10, 32, 8, cells);
        Weights w = Initializer.PYTORCH_DEFAULT.initialize(n.layers(), m, 1);
        NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
        for (BnMode bn : BnMode.values()) {
          NDArray y = n.forward(x, w, bn, ForwardListener.NONE);
          assertEquals(new Shape(2, 10), y.getShape());
          assertTrue(Float.isFinite(y.sum().getFloat()), bn + " with " + cells + " cells");
        }
      }
    }
  }

  /** Weight-gradient norms of every live layer after one cross-entropy backward pass in the given precision. */
  static double[] gradientNorms(DartsNetwork n, DataType type) {
    try (NDManager m = NDManager.newBaseManager()) {
      Weights w = Initializer.PYTORCH_DEFAULT.initialize(n.layers(), m, 3).map(a -> a.toType(type, true))
          .requireGradients();
      java.util.SplittableRandom random = new java.util.SplittableRandom(5);
      float[] pixels = new float[16 * 3 * 32 * 32];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (float) Initializer.gaussian(random);
      }
      NDArray x = m.create(pixels, new Shape(16, 3, 32, 32)).toType(type, false);
      try (GradientCollector gc = Engine.getEngine(TorchEngine.ENGINE_NAME).newGradientCollector()) {
        gc.backward(n.forward(x, w, BnMode.ALL, ForwardListener.NONE).logSoftmax(1).sum(new int[] {1}).mean());
      }
      double[] norms = new double[n.layers().size()];
      for (int i = 0; i < norms.length; i++) {
        if (n.layers().get(i).live()) {
          norms[i] = w.weight(i).getGradient().toType(DataType.FLOAT64, false).norm().getDouble();
        }
      }
      return norms;
    }
  }

  @Test
  void conv7x1GradientsAreRightInSinglePrecision() {
    // PyTorch's float32 kernel gets the (1,7)/(7,1) input gradient wrong at 8 channels, in zeroed memory too
    String op = "('conv_7x1_1x7', 0), ('conv_7x1_1x7', 1)";
    DartsGenotype g = DartsGenotype.parse("Genotype(normal=[" + op + ", " + op + ", " + op + ", " + op
        + "], normal_concat=[2, 3, 4, 5], reduce=[" + op + ", " + op + ", " + op + ", " + op
        + "], reduce_concat=[2, 3, 4, 5])");
    DartsNetwork n = new DartsNetwork(g, 10, 32, 8, 3);
    double[] single = gradientNorms(n, DataType.FLOAT32);
    double[] exact = gradientNorms(n, DataType.FLOAT64);
    for (int i = 0; i < single.length; i++) {
      assertEquals(exact[i], single[i], 1e-3 * exact[i] + 1e-9, n.layers().get(i).name());
    }
  }

  @Test
  void deadOpsDoNotChangeTheOutput() {
    // nodes 2 and 3 (states 4, 5) are not concatenated: skipping them or running them for a hook gives the same logits
    DartsGenotype g = DartsGenotype.parse(EVERY_OP.toString().replace("normal_concat=[2, 3, 4, 5]",
        "normal_concat=[2, 3]"));
    DartsNetwork n = new DartsNetwork(g, 10, 32, 4, 3);
    assertTrue(n.layers().stream().anyMatch(l -> !l.live()));
    assertFalse(n.layers().stream().filter(l -> l.name().startsWith("cell0.edge4")).anyMatch(Layer::live));
    try (NDManager m = NDManager.newBaseManager()) {
      Weights w = Initializer.PYTORCH_DEFAULT.initialize(n.layers(), m, 2);
      NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
      NDArray skipped = n.forward(x, w, BnMode.ALL, ForwardListener.NONE);
      int[] relus = new int[1];
      NDArray all = n.forward(x, w, BnMode.ALL, new ForwardListener() {
        @Override
        public void reluInput(NDArray input) {
          relus[0]++;
        }

        @Override
        public boolean needsDeadOps() {
          return true;
        }
      });
      assertTrue(skipped.allClose(all, 1e-6, 1e-6, false));
      assertTrue(relus[0] > 0);
    }
  }

  @Test
  void cellCheckpointingGivesTheWholePassGradientsBitForBit() {
    DartsGenotype deadNodes = DartsGenotype.parse(EVERY_OP.toString().replace("normal_concat=[2, 3, 4, 5]",
        "normal_concat=[2, 3]"));
    // normal cells whose output is zeros (a node of 'none' ops and a pool of it): no gradient leaves them
    DartsGenotype zeroCells = DartsGenotype.parse(EVERY_OP.toString().replaceFirst("normal=\\[[^]]*]",
        "normal=[('none', 0), ('none', 1), ('avg_pool_3x3', 2), ('none', 1)]").replace("normal_concat=[2, 3, 4, 5]",
        "normal_concat=[2, 3]"));
    assertFalse(zeroCells.cell(false).outputDependsOnInputs());
    assertTrue(EVERY_OP.cell(false).outputDependsOnInputs());
    for (DartsGenotype g : new DartsGenotype[] {EVERY_OP, DartsGenotype.DARTS_V2, deadNodes, zeroCells}) {
      for (int cells : new int[] {3, 8}) {
        DartsNetwork n = new DartsNetwork(g, 10, 32, 8, cells);
        try (NDManager m = NDManager.newBaseManager()) {
          Weights init = Initializer.PYTORCH_DEFAULT.initialize(n.layers(), m, 4);
          NDArray x = m.randomNormal(new Shape(8, 3, 32, 32));
          NDArray y = m.randomUniform(0, 1, new Shape(8, 10));
          Weights whole = init.map(NDArray::duplicate).requireGradients();
          Backward.run(() -> ArchitectureContext.crossEntropy(n.forward(x, whole, BnMode.ALL, ForwardListener.NONE),
              y));
          Weights checkpointed = init.map(NDArray::duplicate).requireGradients();
          n.backward(x, checkpointed, BnMode.ALL, ForwardListener.NONE, logits -> ArchitectureContext.crossEntropy(logits, y));
          int compared = 0;
          for (int i = 0; i < n.layers().size(); i++) {
            NDArray a = Backward.gradient(whole.weight(i));
            NDArray b = Backward.gradient(checkpointed.weight(i));
            String where = g + " L=" + cells + " " + n.layers().get(i).name();
            assertEquals(a == null, b == null, where);
            if (a != null) {
              assertTrue(a.contentEquals(b), where);
              compared++;
            }
          }
          // every live layer has a gradient, but where a zero cell cuts the network, layers before it cannot
          long live = n.layers().stream().filter(Layer::live).count();
          assertTrue(g == zeroCells ? compared >= 1 && compared <= live : compared == live, g + " L=" + cells);
        }
      }
    }
  }

  @Test
  void featureGroupsPairLayersWithTheirCellOutput() {
    DartsNetwork n = new DartsNetwork(DartsGenotype.DARTS_V2, 10, 32, 4, 5);
    assertEquals(0, n.featureGroup(0));
    for (int i = 1; i < n.layers().size() - 1; i++) {
      String name = n.layers().get(i).name();
      int cell = Integer.parseInt(name.substring(4, name.indexOf('.')));
      assertEquals(cell + 1, n.featureGroup(i), name);
    }
    assertEquals(6, n.featureGroup(n.layers().size() - 1));
  }
}
