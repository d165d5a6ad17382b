package zcnas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparkScorerTest {
  @Test
  void smallCallsGetFourPartitionsPerSlotAtMostOnePerArchitecture() {
    assertEquals(8, SparkScorer.defaultPartitions(100, 2));
    assertEquals(3, SparkScorer.defaultPartitions(3, 2));
  }

  @Test
  void longCallsGetPartitionsOfAtMost32Architectures() {
    // the full NB201 space with class sharing: 6,466 canonical members
    int parts = SparkScorer.defaultPartitions(6466, 2);
    assertEquals(203, parts);
    int largest = 0;
    for (int p = 0; p < parts; p++) {
      largest = Math.max(largest, PartitionJobs.from(p + 1, 6466, parts) - PartitionJobs.from(p, 6466, parts));
    }
    assertEquals(32, largest);
    assertEquals(16, SparkScorer.defaultPartitions(512, 4));
  }
}
