package zcnas.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ExperimentPlotsTest {
  static double distance(Color a, Color b) {
    return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
        + Math.pow(a.getBlue() - b.getBlue(), 2));
  }

  @Test
  void zeroIsTheNeutralNearWhiteCentre() {
    Color zero = ExperimentPlots.divergingColor(0);
    assertEquals(new Color(0xf7f7f7), zero);
    assertEquals(zero.getRed(), zero.getBlue(), "neither hue at 0");
  }

  @Test
  void theSignChoosesTheHue() {
    for (double v : new double[] {0.1, 0.3, 0.55, 0.85, 1}) {
      Color positive = ExperimentPlots.divergingColor(v);
      Color negative = ExperimentPlots.divergingColor(-v);
      assertTrue(positive.getRed() > positive.getBlue() + 5, v + ": red " + positive);
      assertTrue(negative.getBlue() > negative.getRed() + 5, -v + ": blue " + negative);
    }
  }

  @Test
  void strongerCorrelationsAreDarkerAndClearlyApart() {
    Color moderate = ExperimentPlots.divergingColor(0.55);
    Color strong = ExperimentPlots.divergingColor(0.85);
    assertTrue(distance(moderate, strong) > 80, "0.55 " + moderate + " vs 0.85 " + strong);
    double last = 3 * 255;
    for (int i = 0; i <= 20; i++) {
      Color c = ExperimentPlots.divergingColor(i / 20.0);
      double lightness = c.getRed() + c.getGreen() + c.getBlue();
      assertTrue(lightness < last, "lightness falls with rho, at " + i / 20.0);
      last = lightness;
    }
    assertEquals(ExperimentPlots.divergingColor(1), ExperimentPlots.divergingColor(3), "clamped to [-1, 1]");
  }

  @Test
  void xchartsEvenlySpacedColoursSampleTheScale() {
    Color[] range = ExperimentPlots.rangeColors();
    assertEquals(ExperimentPlots.RANGE_STEPS + 1, range.length);
    assertEquals(ExperimentPlots.divergingColor(-1), range[0]);
    assertEquals(ExperimentPlots.divergingColor(0), range[ExperimentPlots.RANGE_STEPS / 2]);
    assertEquals(ExperimentPlots.divergingColor(0.55), range[155]);
  }
}
