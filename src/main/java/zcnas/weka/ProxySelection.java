package zcnas.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import zcnas.proxy.CRoZe;
import zcnas.proxy.Proxies;
import zcnas.proxy.ZeroCostProxy;
import zcnas.score.Scorer;

/**
 * The zero-cost proxies a Weka adapter computes, each with its settings: a nested settings bean (the adapters'
 * proxySelection property, beside the scoring bean) with the adapters' flat {@code -P "spec"} options, a proxy
 * written as a Weka scheme specification, e.g. {@code -P "zcnas.proxy.CRoZe -B 8"} or {@code -P "croze -B 8"},
 * repeatable. {@link ProxyEnsemble} adds how an ensemble of several combines them.
 */
public class ProxySelection implements OptionHandler, TechnicalInformationHandler, Serializable {
  private static final long serialVersionUID = 1L;

  /** What setOptions without -P goes back to: the adapter's default proxies, as specifications. */
  private final String[] defaults;
  private ZeroCostProxy[] proxies;

  /** CRoZe alone (the default of the regressor and the filter). */
  public ProxySelection() {
    this(new CRoZe());
  }

  /** These proxies, which setOptions without -P also goes back to. */
  public ProxySelection(ZeroCostProxy... defaults) {
    proxies = nonEmpty(defaults);
    this.defaults = specs(proxies);
  }

  private static String[] specs(ZeroCostProxy[] proxies) {
    String[] s = new String[proxies.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = toSpec(proxies[i]);
    }
    return s;
  }

  public String globalInfo() {
    return "The zero-cost proxies computed, each with its settings (e.g. CRoZe with its batch size and variant).";
  }

  public ZeroCostProxy[] getProxies() {
    return proxies.clone();
  }

  /** At least one proxy. */
  public void setProxies(ZeroCostProxy... proxies) {
    this.proxies = nonEmpty(proxies);
  }

  public String proxiesTipText() {
    return "The zero-cost proxies, each with its settings.";
  }

  /** The proxies, in order (unmodifiable). */
  public List<ZeroCostProxy> list() {
    return List.of(proxies);
  }

  public int size() {
    return proxies.length;
  }

  /** New copies of the default proxies. */
  public ZeroCostProxy[] defaults() {
    ZeroCostProxy[] d = new ZeroCostProxy[defaults.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = Proxies.parse(defaults[i]);
    }
    return d;
  }

  /** The first proxy's reference. */
  @Override
  public TechnicalInformation getTechnicalInformation() {
    return proxies[0].getTechnicalInformation();
  }

  /**
   * Where each proxy's predicted output lies in {@link Scorer#columns} of the proxies: the named output (empty:
   * each proxy's first, its score).
   */
  public int[] columns(String output) {
    List<ZeroCostProxy> list = list();
    int[] columns = new int[proxies.length];
    for (int p = 0; p < proxies.length; p++) {
      columns[p] = Scorer.column(list, p, output.isEmpty() ? proxies[p].outputs().get(0) : output);
    }
    return columns;
  }

  /** How several -P options are taken, for the option's help. */
  protected String several() {
    return "repeatable";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = new Vector<>();
    o.add(new Option("\tA proxy with its options, e.g. \"zcnas.proxy.CRoZe -B 8\" or \"croze -B 8\"\n\t(" + several()
        + "; default: " + String.join(" and ", defaults) + ").", "P", 1, "-P <spec>"));
    return o.elements();
  }

  /** An adapter's option descriptions: -P, the scoring options, then this bean's others (an ensemble's -A). */
  public Vector<Option> listOptions(InstanceScorer scoring) {
    Vector<Option> o = new Vector<>(Collections.list(listOptions()));
    o.addAll(1, Collections.list(scoring.listOptions()));
    return o;
  }

  /** Reads every -P option (the defaults when there is none); leaves the other options to the adapter. */
  @Override
  public void setOptions(String[] options) throws Exception {
    List<ZeroCostProxy> given = parseAll('P', options);
    setProxies(given.isEmpty() ? defaults() : given.toArray(new ZeroCostProxy[0]));
  }

  @Override
  public String[] getOptions() {
    return proxyOptions().toArray(new String[0]);
  }

  /** The -P options of the proxies. */
  public List<String> proxyOptions() {
    List<String> o = new ArrayList<>();
    for (ZeroCostProxy p : proxies) {
      o.add("-P");
      o.add(toSpec(p));
    }
    return o;
  }

  /** The -P options followed by the scoring options: what an adapter's getOptions returns first. */
  public List<String> options(InstanceScorer scoring) {
    List<String> o = proxyOptions();
    o.addAll(scoring.optionList());
    return o;
  }

  /** A proxy as a -P specification: its class name and options. */
  public static String toSpec(ZeroCostProxy p) {
    return p.getClass().getName() + " " + Utils.joinOptions(p.getOptions());
  }

  /** Reads every option -flag as a proxy specification; an empty list when there is none. */
  public static List<ZeroCostProxy> parseAll(char flag, String[] options) throws Exception {
    List<ZeroCostProxy> proxies = new ArrayList<>();
    String spec;
    while (!(spec = Utils.getOption(flag, options)).isEmpty()) {
      proxies.add(Proxies.parse(spec));
    }
    return proxies;
  }

  private static ZeroCostProxy[] nonEmpty(ZeroCostProxy[] proxies) {
    if (proxies == null || proxies.length == 0) {
      throw new IllegalArgumentException("at least one proxy is needed");
    }
    return proxies.clone();
  }
}
