package zcnas.weka;

import java.util.ArrayList;
import java.util.List;
import weka.core.Utils;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.util.ZcnasException;

/** Proxies written as Weka scheme specifications: "zcnas.proxy.CRoZe -B 8", or by short name: "croze -B 8". */
public final class ProxySpecs {
  private ProxySpecs() {
  }

  public static ZeroCostProxy parse(String spec) throws Exception {
    String[] parts = Utils.splitOptions(spec);
    if (parts.length == 0) {
      throw new ZcnasException("empty proxy specification");
    }
    String name = parts[0];
    parts[0] = "";
    ZeroCostProxy p = name.contains(".") ? (ZeroCostProxy) Utils.forName(ZeroCostProxy.class, name, null)
        : Proxies.create(name);
    p.setOptions(parts);
    return p;
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
  public static java.util.Vector<weka.core.Option> listOptions(String proxyHelp, InstanceScorer scoring) {
    java.util.Vector<weka.core.Option> o = new java.util.Vector<>();
    o.add(new weka.core.Option(proxyHelp, "P", 1, "-P <spec>"));
    o.addAll(java.util.Collections.list(scoring.listOptions()));
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
