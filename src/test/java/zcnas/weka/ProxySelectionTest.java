package zcnas.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.attributeSelection.ZeroCostEnsembleAttributeEval;
import weka.classifiers.functions.ZeroCostProxyRegressor;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.filters.unsupervised.attribute.ZeroCostProxyScores;
import zcnas.proxy.Naswot;
import zcnas.proxy.Snip;
import zcnas.proxy.ZeroCostProxy;

/** The proxies bean and its -P / -A options, alone and as the adapters' options (unchanged by the bean). */
class ProxySelectionTest {
  static final String SCORING = "-space auto -dataset auto -device auto -threads 0 -batches seeded";

  static String options(OptionHandler h, String given) throws Exception {
    h.setOptions(Utils.splitOptions(given));
    return Utils.joinOptions(h.getOptions());
  }

  @Test
  void setOptionsWithoutProxiesGoesBackToTheDefaults() throws Exception {
    ProxyEnsemble e = new ProxyEnsemble(new Snip(), new Naswot());
    e.setOptions(Utils.splitOptions("-P synflow -A vote"));
    assertEquals(List.of("synflow"), e.list().stream().map(ZeroCostProxy::name).toList());
    assertEquals("vote", e.getAggregation());
    e.setOptions(new String[0]);
    assertEquals(List.of("snip", "naswot"), e.list().stream().map(ZeroCostProxy::name).toList());
    assertEquals("mean-rank", e.getAggregation());
    assertEquals("-P \"zcnas.proxy.Snip -B 64 -S 0 -I default\" -P \"zcnas.proxy.Naswot -B 128 -S 0 -I default\" "
        + "-A mean-rank", Utils.joinOptions(e.getOptions()));
    assertThrows(IllegalArgumentException.class, () -> e.setProxies());
  }

  @Test
  void aSelectionTakesNoAggregation() throws Exception {
    ProxySelection s = new ProxySelection();
    String[] o = Utils.splitOptions("-P snip -A vote");
    s.setOptions(o);
    assertArrayEquals(new String[] {"-P", "zcnas.proxy.Snip -B 64 -S 0 -I default"}, s.getOptions());
    assertEquals("-A vote", Utils.joinOptions(o).trim());
    Exception e = assertThrows(Exception.class, () -> options(new ZeroCostProxyScores(), "-P snip -A vote"));
    assertEquals("Illegal options: -A vote ", e.getMessage());
  }

  @Test
  void adaptersKeepTheirOptions() throws Exception {
    assertEquals("-P \"zcnas.proxy.Snip -B 64 -S 0 -I default\" -P \"zcnas.proxy.Naswot -B 128 -S 0 -I default\" "
        + SCORING + " -A mean-rank", options(new ZeroCostEnsembleAttributeEval(), ""));
    // The regressor names its aggregation for an ensemble only.
    assertEquals("-P \"zcnas.proxy.Snip -B 16 -S 0 -I default\" " + SCORING,
        options(new ZeroCostProxyRegressor(), "-P \"snip -B 16\" -A vote"));
    assertEquals("-P \"zcnas.proxy.SynFlow -B 1 -S 0 -I default\" -P \"zcnas.proxy.Naswot -B 32 -S 0 -I default\" "
        + "-space nb201 -dataset auto -device auto -threads 0 -batches seeded -A vote",
        options(new ZeroCostProxyRegressor(), "-P synflow -P \"naswot -B 32\" -A vote -space nb201"));
    assertEquals("-P \"zcnas.proxy.CRoZe -B 8 -S 0 -I default -variant official -beta 2.0 -perturbation fgsm "
        + "-components ZPG -component-sums\" " + SCORING + " -output croze_ZP",
        options(new ZeroCostProxyRegressor(), "-P \"zcnas.proxy.CRoZe -component-sums\" -output croze_ZP"));
    assertEquals("-P \"zcnas.proxy.GradNorm -B 64 -S 0 -I default\" -space auto -dataset cifar100 -device auto "
        + "-threads 0 -batches seeded -cache none -skip-bad",
        options(new ZeroCostProxyScores(), "-P gradnorm -cache none -skip-bad -dataset cifar100"));
  }
}
