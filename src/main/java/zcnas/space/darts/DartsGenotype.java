package zcnas.space.darts;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import zcnas.util.ZcnasException;

/**
 * A DARTS genotype: a normal and a reduction cell. Printed and parsed in the notation of the DARTS code's
 * {@code Genotype} named tuple, e.g. {@code Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5],
 * reduce=[...], reduce_concat=[2, 3, 4, 5])}; a concat may also be written {@code range(2, 6)}.
 */
public final class DartsGenotype {
  /** Intermediate nodes per cell in sampled genotypes, as in DARTS. */
  public static final int STEPS = 4;

  /** The genotype found by second-order DARTS (Liu et al. 2019), as published in its genotypes.py. */
  public static final DartsGenotype DARTS_V2 = parse("Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
      + "('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), "
      + "('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), "
      + "('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), "
      + "('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])");

  private final DartsCell normal;
  private final DartsCell reduce;
  private final String text;

  public DartsGenotype(DartsCell normal, DartsCell reduce) {
    this.normal = normal;
    this.reduce = reduce;
    this.text = "Genotype(normal=" + normal.edgesString() + ", normal_concat=" + normal.concatString() + ", reduce="
        + reduce.edgesString() + ", reduce_concat=" + reduce.concatString() + ")";
  }

  public DartsCell normal() {
    return normal;
  }

  public DartsCell reduce() {
    return reduce;
  }

  public DartsCell cell(boolean reduction) {
    return reduction ? reduce : normal;
  }

  /** Parses a genotype; the error names what was expected and where. */
  public static DartsGenotype parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ZcnasException("missing DARTS genotype");
    }
    return new Parser(text).genotype();
  }

  /**
   * A genotype drawn as DARTS derives them: for each of the {@value #STEPS} nodes of each cell, two distinct inputs
   * and two ops other than none; every node concatenated.
   */
  public static DartsGenotype sample(SplittableRandom random) {
    return new DartsGenotype(sampleCell(random), sampleCell(random));
  }

  private static DartsCell sampleCell(SplittableRandom random) {
    List<DartsCell.Edge> edges = new ArrayList<>();
    for (int node = 0; node < STEPS; node++) {
      int a = random.nextInt(node + 2);
      int b = random.nextInt(node + 1);
      if (b >= a) {
        b++;
      }
      edges.add(new DartsCell.Edge(randomOp(random, null), a));
      edges.add(new DartsCell.Edge(randomOp(random, null), b));
    }
    int[] concat = new int[STEPS];
    for (int i = 0; i < STEPS; i++) {
      concat[i] = i + 2;
    }
    return new DartsCell(edges, concat);
  }

  /** An op other than none and other than {@code not}, uniformly. */
  private static DartsOp randomOp(SplittableRandom random, DartsOp not) {
    DartsOp[] ops = DartsOp.values();
    DartsOp op;
    do {
      op = ops[1 + random.nextInt(ops.length - 1)];
    } while (op == not);
    return op;
  }

  /**
   * A copy with one pair of one cell changed: its op replaced by another (not none), or its input replaced by
   * another state the node may read that its other pair does not already read.
   */
  public DartsGenotype mutate(SplittableRandom random) {
    boolean reduction = random.nextBoolean();
    DartsCell cell = cell(reduction);
    List<DartsCell.Edge> edges = new ArrayList<>(cell.edges());
    int e = random.nextInt(edges.size());
    DartsCell.Edge edge = edges.get(e);
    int node = e / 2;
    int sibling = edges.get(e ^ 1).input();
    List<Integer> inputs = new ArrayList<>();
    for (int s = 0; s < node + 2; s++) {
      if (s != edge.input() && s != sibling) {
        inputs.add(s);
      }
    }
    if (random.nextBoolean() && !inputs.isEmpty()) {
      edges.set(e, new DartsCell.Edge(edge.op(), inputs.get(random.nextInt(inputs.size()))));
    } else {
      edges.set(e, new DartsCell.Edge(randomOp(random, edge.op()), edge.input()));
    }
    DartsCell changed = new DartsCell(edges, cell.concat());
    return reduction ? new DartsGenotype(normal, changed) : new DartsGenotype(changed, reduce);
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DartsGenotype g && text.equals(g.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** A recursive-descent reader of the named-tuple notation. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    DartsGenotype genotype() {
      skip();
      if (s.startsWith("Genotype", pos)) {
        pos += "Genotype".length();
      }
      expect('(');
      List<DartsCell.Edge> normal = null;
      List<DartsCell.Edge> reduce = null;
      int[] normalConcat = null;
      int[] reduceConcat = null;
      do {
        String field = name();
        expect('=');
        switch (field) {
          case "normal":
            normal = once(normal, field, edges());
            break;
          case "reduce":
            reduce = once(reduce, field, edges());
            break;
          case "normal_concat":
            normalConcat = once(normalConcat, field, concat());
            break;
          case "reduce_concat":
            reduceConcat = once(reduceConcat, field, concat());
            break;
          default:
            throw error("unknown field '" + field + "' (fields: normal, normal_concat, reduce, reduce_concat)");
        }
      } while (accept(','));
      expect(')');
      skip();
      if (pos < s.length()) {
        throw error("unexpected text after the closing ')'");
      }
      return new DartsGenotype(cell("normal", normal, normalConcat), cell("reduce", reduce, reduceConcat));
    }

    private DartsCell cell(String name, List<DartsCell.Edge> edges, int[] concat) {
      if (edges == null || concat == null) {
        throw new ZcnasException("malformed DARTS genotype '" + s + "': missing " + (edges == null ? name
            : name + "_concat"));
      }
      try {
        return new DartsCell(edges, concat);
      } catch (ZcnasException e) {
        throw new ZcnasException("invalid DARTS genotype '" + s + "': " + name + " cell: " + e.getMessage(), e);
      }
    }

    private <T> T once(T previous, String field, T value) {
      if (previous != null) {
        throw error("field '" + field + "' is given twice");
      }
      return value;
    }

    private List<DartsCell.Edge> edges() {
      List<DartsCell.Edge> edges = new ArrayList<>();
      expect('[');
      if (!accept(']')) {
        do {
          expect('(');
          int at = pos;
          String token = string();
          DartsOp op = DartsOp.fromToken(token);
          if (op == null) {
            pos = at;
            throw error("unknown op '" + token + "' (ops: " + DartsOp.tokens() + ")");
          }
          expect(',');
          int input = integer();
          expect(')');
          edges.add(new DartsCell.Edge(op, input));
        } while (accept(','));
        expect(']');
      }
      return edges;
    }

    private int[] concat() {
      List<Integer> values = new ArrayList<>();
      skip();
      if (s.startsWith("range", pos)) {
        pos += "range".length();
        expect('(');
        int from = integer();
        expect(',');
        int to = integer();
        expect(')');
        for (int i = from; i < to; i++) {
          values.add(i);
        }
      } else {
        expect('[');
        if (!accept(']')) {
          do {
            values.add(integer());
          } while (accept(','));
          expect(']');
        }
      }
      return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private String name() {
      skip();
      int start = pos;
      while (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a field name");
      }
      return s.substring(start, pos);
    }

    private String string() {
      skip();
      if (pos >= s.length() || (s.charAt(pos) != '\'' && s.charAt(pos) != '"')) {
        throw error("expected a quoted op name");
      }
      char quote = s.charAt(pos++);
      int end = s.indexOf(quote, pos);
      if (end < 0) {
        throw error("unterminated op name");
      }
      String token = s.substring(pos, end);
      pos = end + 1;
      return token;
    }

    private int integer() {
      skip();
      int start = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a non-negative integer");
      }
      try {
        return Integer.parseInt(s.substring(start, pos));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("integer out of range");
      }
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw error("expected '" + c + "'");
      }
    }

    private boolean accept(char c) {
      skip();
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private ZcnasException error(String what) {
      String near = s.substring(pos, Math.min(s.length(), pos + 20));
      return new ZcnasException("malformed DARTS genotype '" + s + "': " + what + " at character " + (pos + 1)
          + (near.isEmpty() ? " (end of text)" : " ('" + near + "')"));
    }
  }
}
