package zcnas.space.darts;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The operations of the DARTS space: the authors' operation pool (CRoZe's sampling.py), which adds sep_conv_7x7 and
 * conv_7x1_1x7 to the eight of the DARTS paper.
 */
public enum DartsOp {
  NONE("none"),
  AVG_POOL_3X3("avg_pool_3x3"),
  MAX_POOL_3X3("max_pool_3x3"),
  SKIP_CONNECT("skip_connect"),
  SEP_CONV_3X3("sep_conv_3x3"),
  SEP_CONV_5X5("sep_conv_5x5"),
  SEP_CONV_7X7("sep_conv_7x7"),
  DIL_CONV_3X3("dil_conv_3x3"),
  DIL_CONV_5X5("dil_conv_5x5"),
  CONV_7X1_1X7("conv_7x1_1x7");

  private final String token;

  DartsOp(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  public boolean isSepConv() {
    return this == SEP_CONV_3X3 || this == SEP_CONV_5X5 || this == SEP_CONV_7X7;
  }

  public boolean isDilConv() {
    return this == DIL_CONV_3X3 || this == DIL_CONV_5X5;
  }

  /** Kernel size of the separable and dilated convolutions. */
  public int kernelSize() {
    switch (this) {
      case SEP_CONV_3X3:
      case DIL_CONV_3X3:
        return 3;
      case SEP_CONV_5X5:
      case DIL_CONV_5X5:
        return 5;
      case SEP_CONV_7X7:
        return 7;
      default:
        throw new IllegalStateException(token + " has no kernel size");
    }
  }

  /** Returns the op for a token, or null when there is none. */
  public static DartsOp fromToken(String token) {
    for (DartsOp op : values()) {
      if (op.token.equals(token)) {
        return op;
      }
    }
    return null;
  }

  public static String tokens() {
    return Arrays.stream(values()).map(DartsOp::token).collect(Collectors.joining(", "));
  }
}
