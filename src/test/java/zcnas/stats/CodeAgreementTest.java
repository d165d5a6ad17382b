package zcnas.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodeAgreementTest {
  /** Lengths with whole words, whole bytes and a ragged tail, against a count position by position. */
  @Test
  void countsTheAgreeingPositionsOfEveryPair() {
    for (int d : new int[] {1, 7, 8, 64, 133, 1024}) {
      int n = 6;
      SplittableRandom r = new SplittableRandom(d);
      byte[] codes = new byte[n * d];
      for (int i = 0; i < codes.length; i++) {
        // biased so that some pairs agree almost everywhere, as ReLU codes of similar images do
        codes[i] = (byte) (r.nextDouble() < (i / d == 0 ? 0.9 : 0.5) ? 1 : 0);
      }
      long[] expected = new long[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int k = 0; k < d; k++) {
            expected[i * n + j] += codes[i * d + k] == codes[j * d + k] ? 1 : 0;
          }
        }
      }
      long[] sum = new long[n * n];
      CodeAgreement.add(ByteBuffer.wrap(codes), n, d, sum);
      assertArrayEquals(expected, sum, "d = " + d);
      CodeAgreement.add(ByteBuffer.allocateDirect(n * d).put(codes).flip(), n, d, sum);
      for (int i = 0; i < expected.length; i++) {
        expected[i] *= 2;
      }
      assertArrayEquals(expected, sum, "accumulated, d = " + d);
    }
  }
}
