package zcnas.space.nb201;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import zcnas.util.ZcnasException;

/**
 * A NAS-Bench-201 cell: 4 nodes, one op on each of the 6 edges i&lt;j. Edge order is the order of the
 * architecture string {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}: (0,1), (0,2), (1,2), (0,3), (1,3), (2,3).
 */
public final class Nb201Architecture implements Comparable<Nb201Architecture> {
  public static final int NODES = 4;
  public static final int EDGES = 6;
  public static final int SPACE_SIZE = 15625;
  private static final int[] EDGE_FROM = {0, 0, 1, 0, 1, 2};
  private static final int[] EDGE_TO = {1, 2, 2, 3, 3, 3};

  private final Nb201Op[] ops;

  private Nb201Architecture(Nb201Op[] ops) {
    this.ops = ops;
  }

  /** The cell with these six edge operations, in NB201 edge order (1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2). */
  public static Nb201Architecture of(Nb201Op... ops) {
    if (ops.length != EDGES) {
      throw new ZcnasException("an NB201 cell has " + EDGES + " edges, got " + ops.length);
    }
    return new Nb201Architecture(ops.clone());
  }

  /** Parses an NB201 string; the error names the offending token. */
  public static Nb201Architecture parse(String text) {
    if (text == null) {
      throw new ZcnasException("missing NB201 architecture string");
    }
    String s = text.trim();
    String[] nodes = s.split("\\+", -1);
    if (nodes.length != NODES - 1) {
      throw new ZcnasException("malformed NB201 architecture '" + text + "': expected " + (NODES - 1)
          + " '+'-separated node groups like |op~0|+|op~0|op~1|+|op~0|op~1|op~2|, found " + nodes.length);
    }
    Nb201Op[] ops = new Nb201Op[EDGES];
    int edge = 0;
    for (int node = 1; node < NODES; node++) {
      String group = nodes[node - 1];
      if (group.length() < 2 || !group.startsWith("|") || !group.endsWith("|")) {
        throw new ZcnasException("malformed NB201 architecture '" + text + "': node group '" + group
            + "' must start and end with '|'");
      }
      String[] entries = group.substring(1, group.length() - 1).split("\\|", -1);
      if (entries.length != node) {
        throw new ZcnasException("malformed NB201 architecture '" + text + "': node " + node + " needs " + node
            + " inputs, group '" + group + "' has " + entries.length);
      }
      for (int input = 0; input < node; input++) {
        String entry = entries[input];
        int tilde = entry.lastIndexOf('~');
        if (tilde < 0) {
          throw new ZcnasException("malformed NB201 architecture '" + text + "': token '" + entry
              + "' is not of the form op~input");
        }
        String name = entry.substring(0, tilde);
        String from = entry.substring(tilde + 1);
        Nb201Op op = Nb201Op.fromToken(name);
        if (op == null) {
          throw new ZcnasException("malformed NB201 architecture '" + text + "': unknown op '" + name
              + "' in token '" + entry + "' (ops: " + Nb201Op.tokens() + ")");
        }
        if (!from.equals(Integer.toString(input))) {
          throw new ZcnasException("malformed NB201 architecture '" + text + "': token '" + entry
              + "' should take input ~" + input);
        }
        ops[edge++] = op;
      }
    }
    return new Nb201Architecture(ops);
  }

  /** The architecture's position 0..15624 in lexicographic enumeration (edge 0 most significant). */
  public int code() {
    int c = 0;
    for (Nb201Op op : ops) {
      c = c * 5 + op.ordinal();
    }
    return c;
  }

  /** The cell whose base-5 digits are the operations' ordinals, edge 0 most significant: 0 .. 5^6 - 1. */
  public static Nb201Architecture fromCode(int code) {
    if (code < 0 || code >= SPACE_SIZE) {
      throw new ZcnasException("NB201 code " + code + " is outside 0.." + (SPACE_SIZE - 1));
    }
    Nb201Op[] ops = new Nb201Op[EDGES];
    for (int e = EDGES - 1; e >= 0; e--) {
      ops[e] = Nb201Op.values()[code % 5];
      code /= 5;
    }
    return new Nb201Architecture(ops);
  }

  /** All 15,625 cells in code order. */
  public static List<Nb201Architecture> enumerate() {
    List<Nb201Architecture> all = new ArrayList<>(SPACE_SIZE);
    for (int c = 0; c < SPACE_SIZE; c++) {
      all.add(fromCode(c));
    }
    return all;
  }

  /** n distinct architectures drawn uniformly without replacement; the same seed gives the same list. */
  public static List<Nb201Architecture> sample(int n, long seed) {
    if (n < 0 || n > SPACE_SIZE) {
      throw new ZcnasException("cannot sample " + n + " NB201 architectures: the space has " + SPACE_SIZE);
    }
    int[] codes = new int[SPACE_SIZE];
    for (int i = 0; i < SPACE_SIZE; i++) {
      codes[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Nb201Architecture> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(SPACE_SIZE - i);
      int t = codes[i];
      codes[i] = codes[j];
      codes[j] = t;
      out.add(fromCode(codes[i]));
    }
    return out;
  }

  /** A copy with one edge's op replaced by a different op, chosen by the given random source. */
  public Nb201Architecture mutate(SplittableRandom random) {
    Nb201Op[] copy = ops.clone();
    int edge = random.nextInt(EDGES);
    int shift = 1 + random.nextInt(Nb201Op.values().length - 1);
    copy[edge] = Nb201Op.values()[(copy[edge].ordinal() + shift) % Nb201Op.values().length];
    return new Nb201Architecture(copy);
  }

  public Nb201Op op(int edge) {
    return ops[edge];
  }

  /** The node an edge reads from. */
  public static int edgeFrom(int edge) {
    return EDGE_FROM[edge];
  }

  /** The node an edge writes to. */
  public static int edgeTo(int edge) {
    return EDGE_TO[edge];
  }

  /** Whether an edge carries signal that can reach the cell output (its op is not none and its target reaches node 3). */
  public boolean isEdgeLive(int edge) {
    return ops[edge] != Nb201Op.NONE && reachesOutput(EDGE_TO[edge]);
  }

  private boolean reachesOutput(int node) {
    if (node == NODES - 1) {
      return true;
    }
    for (int e = 0; e < EDGES; e++) {
      if (EDGE_FROM[e] == node && ops[e] != Nb201Op.NONE && reachesOutput(EDGE_TO[e])) {
        return true;
      }
    }
    return false;
  }

  /** Whether some path of non-none edges leads from the cell input to its output. */
  public boolean isConnected() {
    boolean[] reached = new boolean[NODES];
    reached[0] = true;
    for (int e = 0; e < EDGES; e++) {
      if (reached[EDGE_FROM[e]] && ops[e] != Nb201Op.NONE) {
        reached[EDGE_TO[e]] = true;
      }
    }
    return reached[NODES - 1];
  }

  /**
   * The function the cell computes, written so that isomorphic cells read the same, by NAS-Bench-201's own rule
   * (Dong and Yang's {@code Structure.to_unique_str(consider_zero=True)}, which made the tables' uid_noniso classes,
   * 6,466 of them): each node is the sorted sum of its inputs' terms, where none, or an op on an input whose term is
   * exactly "#", contributes "#", skip_connect passes its input's term on, and any other op wraps it as
   * "(term)@op". A node summing several "#" reads "#+#", not "#", as in that rule: the tables keep such cells apart.
   */
  public String canonicalForm() {
    String[] term = new String[NODES];
    term[0] = "0";
    int edge = 0;
    for (int node = 1; node < NODES; node++) {
      List<String> parts = new ArrayList<>();
      for (int input = 0; input < node; input++) {
        Nb201Op op = ops[edge++];
        String in = term[input];
        if (op == Nb201Op.NONE || in.equals("#")) {
          parts.add("#");
        } else if (op == Nb201Op.SKIP_CONNECT) {
          parts.add(in);
        } else {
          parts.add("(" + in + ")@" + op.token());
        }
      }
      parts.sort(null);
      term[node] = String.join("+", parts);
    }
    return term[NODES - 1];
  }

  /** How many edges carry the operation. */
  public int count(Nb201Op op) {
    int n = 0;
    for (Nb201Op o : ops) {
      if (o == op) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    int edge = 0;
    for (int node = 1; node < NODES; node++) {
      if (node > 1) {
        sb.append('+');
      }
      sb.append('|');
      for (int input = 0; input < node; input++) {
        sb.append(ops[edge++].token()).append('~').append(input).append('|');
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nb201Architecture && Arrays.equals(ops, ((Nb201Architecture) o).ops);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ops);
  }

  @Override
  public int compareTo(Nb201Architecture o) {
    return Integer.compare(code(), o.code());
  }
}
