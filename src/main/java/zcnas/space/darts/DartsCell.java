package zcnas.space.darts;

import java.util.Arrays;
import java.util.List;
import zcnas.util.ZcnasException;

/**
 * One DARTS cell: intermediate node k (k = 0, 1, ...) sums the ops of edges 2k and 2k+1; an edge reads state
 * {@code input} of [c_{k-2}, c_{k-1}, node 0, node 1, ...]; the cell outputs the concatenation of the states in
 * {@code concat} (indices into the same list, so 2 is node 0).
 */
public record DartsCell(List<Edge> edges, int[] concat) {

  /** An (op, input) pair of the genotype. */
  public record Edge(DartsOp op, int input) {
  }

  public DartsCell {
    edges = List.copyOf(edges);
    concat = concat.clone();
    if (edges.isEmpty() || edges.size() % 2 != 0) {
      throw new ZcnasException("a DARTS cell needs an even, non-zero number of (op, input) pairs, got " + edges.size());
    }
    int steps = edges.size() / 2;
    for (int e = 0; e < edges.size(); e++) {
      int node = e / 2;
      int input = edges.get(e).input();
      if (input < 0 || input >= node + 2) {
        throw new ZcnasException("pair " + e + " (" + edges.get(e).op().token() + ", " + input + ") feeds node "
            + node + ", which can only read states 0.." + (node + 1));
      }
    }
    if (concat.length == 0) {
      throw new ZcnasException("a DARTS cell's concat list is empty");
    }
    for (int c : concat) {
      if (c < 2 || c >= steps + 2) {
        throw new ZcnasException("concat index " + c + " is not an intermediate node (2.." + (steps + 1) + ")");
      }
    }
  }

  public int steps() {
    return edges.size() / 2;
  }

  /** Whether state s (0, 1: the cell inputs; 2..: the nodes) reaches the cell output. */
  public boolean[] liveStates() {
    int states = steps() + 2;
    boolean[] live = new boolean[states];
    for (int c : concat) {
      live[c] = true;
    }
    for (int s = states - 1; s >= 2; s--) {
      if (live[s]) {
        for (int e = 2 * (s - 2); e <= 2 * (s - 2) + 1; e++) {
          if (edges.get(e).op() != DartsOp.NONE) {
            live[edges.get(e).input()] = true;
          }
        }
      }
    }
    return live;
  }

  /**
   * Whether the output depends on the cell's inputs at all: not where every concatenated node sums only 'none'
   * ops, or pools of such nodes (then the output is zeros).
   */
  public boolean outputDependsOnInputs() {
    boolean[] depends = new boolean[steps() + 2];
    depends[0] = true;
    depends[1] = true;
    for (int e = 0; e < edges.size(); e++) {
      Edge edge = edges.get(e);
      depends[e / 2 + 2] |= edge.op() != DartsOp.NONE && depends[edge.input()];
    }
    for (int c : concat) {
      if (depends[c]) {
        return true;
      }
    }
    return false;
  }

  /** Whether edge e's op can influence the cell output. */
  public boolean isEdgeLive(int e) {
    return edges.get(e).op() != DartsOp.NONE && liveStates()[e / 2 + 2];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DartsCell c && edges.equals(c.edges) && Arrays.equals(concat, c.concat);
  }

  @Override
  public int hashCode() {
    return 31 * edges.hashCode() + Arrays.hashCode(concat);
  }

  /** The genotype's own notation: {@code [('sep_conv_3x3', 0), ...]}. */
  String edgesString() {
    StringBuilder b = new StringBuilder("[");
    for (int e = 0; e < edges.size(); e++) {
      b.append(e == 0 ? "" : ", ").append("('").append(edges.get(e).op().token()).append("', ")
          .append(edges.get(e).input()).append(')');
    }
    return b.append(']').toString();
  }

  String concatString() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < concat.length; i++) {
      b.append(i == 0 ? "" : ", ").append(concat[i]);
    }
    return b.append(']').toString();
  }
}
