package zcnas.spark;

import java.io.Serializable;
import java.util.List;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.ZcnasException;

/**
 * A search space as executors rebuild it: its identifier in {@link Spaces} and the command-line options its factory
 * read (e.g. {@code -channels 8 -cells 5} for DARTS; none for NB201). Any registered space travels this way, so a new
 * space needs no change here.
 */
public record SpaceSpec(String id, List<String> options) implements Serializable {
  public SpaceSpec {
    options = List.copyOf(options);
  }

  /**
   * The description of a space built from these options; fails when they do not rebuild it (the rebuilt space's
   * {@link SearchSpace#name()}, which keys its scores, must be the same).
   */
  public static SpaceSpec of(SearchSpace<?> space, List<String> options) {
    SpaceSpec spec = new SpaceSpec(space.id(), options);
    String rebuilt = spec.create().name();
    if (!rebuilt.equals(space.name())) {
      throw new ZcnasException("the options " + options + " rebuild the space '" + rebuilt + "', not '" + space.name()
          + "'");
    }
    return spec;
  }

  /** The space, built by its factory from the options. */
  public SearchSpace<?> create() {
    String[] copy = options.toArray(new String[0]);
    try {
      return Spaces.create(id, copy);
    } catch (ZcnasException e) {
      throw e;
    } catch (Exception e) {
      throw new ZcnasException("space " + id + " " + options + ": " + e.getMessage(), e);
    }
  }
}
