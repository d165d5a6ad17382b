package zcnas.space.nb201;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The five NAS-Bench-201 edge operations, in the benchmark's own order. */
public enum Nb201Op {
  NONE("none"),
  SKIP_CONNECT("skip_connect"),
  NOR_CONV_1X1("nor_conv_1x1"),
  NOR_CONV_3X3("nor_conv_3x3"),
  AVG_POOL_3X3("avg_pool_3x3");

  private final String token;

  Nb201Op(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  public boolean isConv() {
    return this == NOR_CONV_1X1 || this == NOR_CONV_3X3;
  }

  public int kernelSize() {
    return this == NOR_CONV_3X3 ? 3 : 1;
  }

  /** Returns the op for a token, or null when there is none. */
  public static Nb201Op fromToken(String token) {
    for (Nb201Op op : values()) {
      if (op.token.equals(token)) {
        return op;
      }
    }
    return null;
  }

  public static String tokens() {
    return Arrays.stream(values()).map(Nb201Op::token).collect(Collectors.joining(", "));
  }
}
