package zcnas.weka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Vector;
import weka.core.Option;
import weka.core.Utils;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;

/** The Weka adapters' -P options: proxies written as Weka scheme specifications, e.g. "zcnas.proxy.CRoZe -B 8". */
public final class ProxySpecs {
  private ProxySpecs() {
  }

  /** The aggregation property's tip text, shared by the adapters that take an ensemble. */
  public static final String AGGREGATION_TIP = "How an ensemble combines its proxies' ranks: mean-rank, vote "
      + "(Abdelfattah et al.'s pairwise majority) or product (geometric mean of the ranks).";

  /** A copy of an adapter's proxies property, which needs at least one proxy. */
  public static ZeroCostProxy[] nonEmpty(ZeroCostProxy[] proxies) {
    if (proxies == null || proxies.length == 0) {
      throw new IllegalArgumentException("at least one proxy is needed");
    }
    return proxies.clone();
  }

  public static ZeroCostProxy parse(String spec) {
    return Proxies.parse(spec);
  }

  public static String toSpec(ZeroCostProxy p) {
    return p.getClass().getName() + " " + Utils.joinOptions(p.getOptions());
  }

  /** The -P options of the proxies followed by the scoring options: what an adapter's getOptions returns first. */
  public static List<String> options(List<ZeroCostProxy> proxies, InstanceScorer scoring) {
    List<String> o = new ArrayList<>();
    for (ZeroCostProxy p : proxies) {
      o.add("-P");
      o.add(toSpec(p));
    }
    o.addAll(scoring.optionList());
    return o;
  }

  /** The option descriptions of an adapter: -P with the given help, then the scoring options. */
  public static Vector<Option> listOptions(String proxyHelp, InstanceScorer scoring) {
    Vector<Option> o = new Vector<>();
    o.add(new Option(proxyHelp, "P", 1, "-P <spec>"));
    o.addAll(Collections.list(scoring.listOptions()));
    return o;
  }

  /** Reads every -P option; an empty list when there is none. */
  public static List<ZeroCostProxy> parseAll(char flag, String[] options) throws Exception {
    List<ZeroCostProxy> proxies = new ArrayList<>();
    String spec;
    while (!(spec = Utils.getOption(flag, options)).isEmpty()) {
      proxies.add(parse(spec));
    }
    return proxies;
  }
}
