package zcnas.stats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Agreement counts between binary codes (how many positions two codes share), by XOR and popcount over 64-bit
 * words: for n codes of d bits this is n^2 d / 128 word operations where a float Gram product C C^T costs n^2 d
 * multiply-adds, and the counts are exact integers.
 */
public final class CodeAgreement {
  /** Gathers the low bit of each of the eight bytes of a word into the top byte (no carries reach it). */
  private static final long GATHER = 0x0102040810204080L;

  private CodeAgreement() {
  }

  /**
   * Adds, for every pair (i, j) of n codes, the number of positions at which they agree to agreement[i n + j].
   *
   * @param codes n codes one after another, d bytes each, every byte 0 or 1
   */
  public static void add(ByteBuffer codes, int n, int d, long[] agreement) {
    int words = (d + 63) / 64;
    long[] packed = pack(codes.duplicate().order(ByteOrder.LITTLE_ENDIAN), n, d, words);
    for (int i = 0; i < n; i++) {
      agreement[i * n + i] += d;
      int a = i * words;
      for (int j = i + 1; j < n; j++) {
        int b = j * words;
        int differ = 0;
        for (int w = 0; w < words; w++) {
          differ += Long.bitCount(packed[a + w] ^ packed[b + w]);
        }
        agreement[i * n + j] += d - differ;
        agreement[j * n + i] += d - differ;
      }
    }
  }

  /** Bit k of a code lands at bit k % 64 of word k / 64 up to a fixed permutation within each byte group. */
  private static long[] pack(ByteBuffer codes, int n, int d, int words) {
    long[] packed = new long[n * words];
    int groups = d / 8;
    for (int i = 0; i < n; i++) {
      int base = i * d;
      int row = i * words;
      for (int g = 0; g < groups; g++) {
        long bits = (codes.getLong(base + 8 * g) * GATHER) >>> 56;
        packed[row + g / 8] |= bits << (8 * (g % 8));
      }
      for (int k = groups * 8; k < d; k++) {
        packed[row + k / 64] |= (long) (codes.get(base + k) & 1) << (k % 64);
      }
    }
    return packed;
  }
}
