package zcnas.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import zcnas.CpuSession;
import zcnas.space.darts.DartsGenotype;
import zcnas.space.darts.DartsNetwork;

/** The official CRoZe on a DARTS network whose float64 passes overflow (C = 36, L = 20: slow, so in mvn verify). */
class CRoZeOverflowIT extends CpuSession {
  /** Row 8 of bin/zcnas score -space darts -sample 13 -seed 1: NaN in float64, as in the authors' code. */
  static final DartsGenotype PAST_DOUBLE = DartsGenotype.parse("Genotype(normal=[('sep_conv_7x7', 1), "
      + "('dil_conv_5x5', 0), ('sep_conv_7x7', 1), ('max_pool_3x3', 2), ('avg_pool_3x3', 2), ('sep_conv_3x3', 3), "
      + "('sep_conv_7x7', 4), ('sep_conv_5x5', 0)], normal_concat=[2, 3, 4, 5], reduce=[('conv_7x1_1x7', 1), "
      + "('dil_conv_5x5', 0), ('dil_conv_5x5', 2), ('avg_pool_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_7x7', 1), "
      + "('sep_conv_3x3', 1), ('conv_7x1_1x7', 0)], reduce_concat=[2, 3, 4, 5])");

  @Test
  void singlePrecisionIsDoublesNanWithoutAFloat64Pass() {
    DartsNetwork net = new DartsNetwork(PAST_DOUBLE, 10, 32);
    CRoZe croze = (CRoZe) Proxies.parse("croze");
    try (ArchitectureContext c = session.open(net)) {
      List<NDArray> held = new ArrayList<>();
      double[][] zpg = CRoZeOfficial.components(croze, c, held);
      // what the float32 passes computed is finite; the float64 steps after them are not
      assertFalse(Arrays.stream(zpg).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite));
      assertFalse(held.isEmpty());
      assertTrue(held.stream().allMatch(Consistency::allFinite));
    }
    assertTrue(Double.isNaN(score(croze, net)));
    assertTrue(Double.isNaN(score(Proxies.parse("croze -precision double"), net)));
  }
}
