package zcnas.space;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import zcnas.util.ZcnasException;

/**
 * Architectures as tools take them: a file of one architecture a line, a seeded sample, or a single value. Errors name
 * the file and line, show invisible characters, and name the right space when the text is another space's notation.
 */
public final class ArchitectureList {
  /** Most architectures a sample of an unbounded space may ask for. */
  public static final int MAX_SAMPLE = 10_000_000;

  private ArchitectureList() {
  }

  /** One architecture a line; '#' starts a comment; a UTF-8 byte-order mark is ignored. */
  public static <A> List<A> read(Path file, SearchSpace<A> space) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ZcnasException("cannot read architecture list " + file + ": " + e, e);
    }
    List<A> archs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (text.isEmpty()) {
        continue;
      }
      try {
        archs.add(parse(space, text));
      } catch (ZcnasException e) {
        throw new ZcnasException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (archs.isEmpty()) {
      throw new ZcnasException(file + " holds no architecture");
    }
    return archs;
  }

  /** One architecture in the space's notation; the error names another space whose notation the text is in. */
  public static <A> A parse(SearchSpace<A> space, String text) {
    try {
      return space.parse(text);
    } catch (ZcnasException e) {
      String other = Spaces.recognise(text);
      String hint = other != null && !other.equals(space.id())
          ? " (this is written in the " + other + " notation: use -space " + other + ")" : "";
      throw new ZcnasException(visible(e.getMessage()) + hint, e);
    }
  }

  /** n architectures drawn with the seed; n is checked against the space's size. */
  public static <A> List<A> sample(SearchSpace<A> space, long n, long seed) {
    long max = Math.min(space.size(), MAX_SAMPLE);
    if (n < 1 || n > max) {
      throw new ZcnasException("-sample must be between 1 and " + max + " for the " + space.id() + " space, got " + n);
    }
    return space.sample((int) n, seed);
  }

  /** The text with control, format (zero-width, byte-order mark) and other invisible characters written as \\uXXXX. */
  public static String visible(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE || (Character.isWhitespace(c) && c != ' ') || c == 0x00A0;
      if (invisible) {
        sb.append(String.format("\\u%04X", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }
}
