package zcnas.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import zcnas.util.ZcnasException;

/** The proxies by the names the tools use. */
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

  public static List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }

  public static ZeroCostProxy create(String name) {
    Supplier<ZeroCostProxy> s = BY_NAME.get(name.trim().toLowerCase());
    if (s == null) {
      throw new ZcnasException("unknown proxy '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return s.get();
  }

  /** Parses a comma-separated list such as {@code gradnorm,snip,synflow,naswot}. */
  public static List<ZeroCostProxy> parseList(String list, long seed) {
    List<ZeroCostProxy> out = new ArrayList<>();
    for (String name : list.split(",")) {
      if (name.isBlank()) {
        throw new ZcnasException("empty proxy name in '" + list + "'");
      }
      ZeroCostProxy p = create(name);
      p.setSeed(seed);
      out.add(p);
    }
    return out;
  }
}
