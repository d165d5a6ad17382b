package zcnas.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zcnas.space.darts.DartsSpace;
import zcnas.space.nb201.Nb201Space;
import zcnas.util.ZcnasException;

/**
 * The search spaces by command-line identifier: the one place that knows the implementations (adding a space is one
 * line here). Each space reads its own options (e.g. DARTS's -channels, -cells), so tools stay space-agnostic.
 */
public final class Spaces {
  /** How a space is made from the command line. */
  public interface Factory {
    /** The space with its own options taken out of the array (Weka style); the rest is left for the tool. */
    SearchSpace<?> create(String[] options) throws Exception;

    /** Lines describing the space's options, for a tool's help. */
    String usage();
  }

  private static final Map<String, Factory> BY_ID = new LinkedHashMap<>();

  static {
    BY_ID.put(Nb201Space.ID, Nb201Space.FACTORY);
    BY_ID.put(DartsSpace.ID, DartsSpace.FACTORY);
  }

  private Spaces() {
  }

  public static List<String> ids() {
    return new ArrayList<>(BY_ID.keySet());
  }

  /** The space named by id, reading its options from the array. */
  public static SearchSpace<?> create(String id, String[] options) throws Exception {
    Factory f = BY_ID.get(id.trim().toLowerCase(java.util.Locale.ROOT));
    if (f == null) {
      throw new ZcnasException("unknown space '" + id + "' (use " + String.join(" or ", ids()) + ")");
    }
    return f.create(options);
  }

  /** The space with its default settings. */
  public static SearchSpace<?> byId(String id) {
    try {
      return create(id, new String[0]);
    } catch (ZcnasException e) {
      throw e;
    } catch (Exception e) {
      throw new ZcnasException(e.getMessage(), e);
    }
  }

  /** The options of every space, for a tool's help. */
  public static String usage() {
    StringBuilder sb = new StringBuilder();
    for (Factory f : BY_ID.values()) {
      sb.append(f.usage());
    }
    return sb.toString();
  }

  /** The identifier of the space whose notation the text is written in, or null when none recognises it. */
  public static String recognise(String text) {
    for (String id : BY_ID.keySet()) {
      if (byId(id).looksLike(text)) {
        return id;
      }
    }
    return null;
  }
}
