package zcnas.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import weka.core.Option;
import weka.core.Utils;
import zcnas.util.HelpRequest;
import zcnas.util.ZcnasException;

/**
 * The proxies by the names the tools use (adding a proxy is one line here), and proxies written as specifications:
 * by name with options ({@code "croze -B 8"}) or as a Weka scheme ({@code "zcnas.proxy.CRoZe -B 8"}).
 */
public final class Proxies {
  private static final Map<String, Supplier<ZeroCostProxy>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("gradnorm", GradNorm::new);
    BY_NAME.put("snip", Snip::new);
    BY_NAME.put("synflow", SynFlow::new);
    BY_NAME.put("naswot", Naswot::new);
    BY_NAME.put("croze", CRoZe::new);
  }

  private Proxies() {
  }

  /** The registered proxy names, in registration order. */
  public static List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }

  /** A new proxy with default options; an unknown name is an error listing the known ones. */
  public static ZeroCostProxy create(String name) {
    Supplier<ZeroCostProxy> s = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new ZcnasException("unknown proxy '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return s.get();
  }

  /** Parses a comma-separated list such as {@code gradnorm,snip,synflow,naswot}, each with the given seed. */
  public static List<ZeroCostProxy> parseList(String list, long seed) {
    List<ZeroCostProxy> out = new ArrayList<>();
    String[] names = list.split(",", -1);
    for (String name : names) {
      if (name.isBlank()) {
        throw new ZcnasException("empty proxy name in '" + list + "' (known: " + String.join(", ", names()) + ")");
      }
      ZeroCostProxy p = create(name);
      p.setSeed(seed);
      out.add(p);
    }
    return out;
  }

  /** A proxy with its options; errors name the specification. */
  public static ZeroCostProxy parse(String spec) {
    String[] parts;
    try {
      parts = Utils.splitOptions(spec);
    } catch (Exception e) {
      throw new ZcnasException("proxy '" + spec + "': " + e.getMessage());
    }
    if (parts.length == 0) {
      throw new ZcnasException("empty proxy specification");
    }
    String name = parts[0];
    parts[0] = "";
    try {
      ZeroCostProxy p = name.contains(".") ? (ZeroCostProxy) Utils.forName(ZeroCostProxy.class, name, null)
          : create(name);
      p.setOptions(parts);
      return p;
    } catch (ZcnasException e) {
      throw new ZcnasException("proxy '" + spec + "': " + e.getMessage(), e);
    } catch (Exception e) {
      throw new ZcnasException("proxy '" + spec + "': " + e.getMessage(), e);
    }
  }

  /** A proxy's options as help text (for "-P 'naswot -h'"). */
  public static String help(ZeroCostProxy p) {
    StringBuilder sb = new StringBuilder(p.name() + " (" + p.getClass().getName() + "): " + p.globalInfo()
        .split("\n")[0] + "\nOptions:\n");
    for (Option o : Collections.list(p.listOptions())) {
      sb.append(o.synopsis()).append('\n').append(o.description()).append('\n');
    }
    return sb.toString();
  }

  /**
   * The proxies of a tool's options: the comma list of {@code -listOption} (the default list when neither it nor any
   * -P is given) and every {@code -P "name [options]"}; each gets the tool's seed unless its spec sets -S. Output
   * columns must be distinct.
   */
  public static List<ZeroCostProxy> fromOptions(String[] options, long seed, String listOption, String defaultList)
      throws Exception {
    String list = Utils.getOption(listOption, options);
    List<ZeroCostProxy> proxies = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    String spec;
    while (!(spec = Utils.getOption('P', options)).isEmpty()) {
      specs.add(spec);
    }
    if (!list.isEmpty() || specs.isEmpty()) {
      proxies.addAll(parseList(list.isEmpty() ? defaultList : list, seed));
    }
    for (String s : specs) {
      List<String> parts = List.of(Utils.splitOptions(s));
      if (parts.contains("-h") || parts.contains("-help")) {
        throw new HelpRequest(help(parse(parts.get(0))));
      }
      ZeroCostProxy p = parse(s);
      if (Utils.getOptionPos('S', Utils.splitOptions(s)) < 0) {
        p.setSeed(seed);
      }
      proxies.add(p);
    }
    Set<String> seen = new HashSet<>();
    for (ZeroCostProxy p : proxies) {
      for (String column : p.outputs()) {
        if (!seen.add(column)) {
          throw new ZcnasException("output column '" + column + "' is given twice: each proxy may appear once");
        }
      }
    }
    return proxies;
  }
}
