/**
 * Scale-out on Apache Spark: scores architectures on a Spark cluster (or in local mode) with the same proxies,
 * sessions and score cache as a single process, bit for bit the same scores (and cache keys) for the same intra-op
 * thread count.
 *
 * <p>What it holds. {@link zcnas.spark.SparkScorer}: one Spark context, the public entry point; its
 * {@link zcnas.spark.SparkScorer#batchScorer} is a {@link zcnas.score.BatchScorer}, so the score tool, the search
 * (warm-up pool, each batch of mutants) and the experiments (each seed on each data set) score through it while they
 * stay on the driver. {@code ScoreCall}: the driver's bookkeeping of a call (cache lookups, the architectures to
 * send, each finished partition's scores written to the cache at once, errors by name). {@code PartitionJobs}: one
 * Spark job per partition, results collected as each finishes, failed attempts reported in one line.
 * {@code PartitionTask}: the executor side, scoring a partition through {@link zcnas.score.Scorer}.
 * {@code ExecutorState}: a static holder per executor JVM that starts the DJL engine once (with the first task's
 * {@code spark.task.cpus} intra-op threads), reads the images once and keeps one scoring session per
 * {@link zcnas.spark.SessionSpec}. {@link zcnas.spark.SessionSpec} (image set: cifar10, cifar100, ImageNet16-120;
 * images folder, device, batch order) and {@link zcnas.spark.SpaceSpec} (a space's identifier and the options its
 * {@link zcnas.space.Spaces} factory reads, so any registered space travels without a change here) are the small
 * serialisable descriptions executors rebuild from; proxies travel as themselves ({@link java.io.Serializable}).
 * {@code SparkSetup}: the context's settings, quiet logging, the Java 17 {@code --add-opens} check, the jars shipped
 * to a cluster.
 *
 * <p>Dependencies: this package may use {@code org.apache.spark} (provided scope: on Spark's class path only, never
 * in the Weka package zip) and the core packages ({@code zcnas.proxy}, {@code zcnas.score}, {@code zcnas.space},
 * {@code zcnas.engine}, {@code zcnas.data}, {@code zcnas.util}) and Weka's option handling the proxies implement. It
 * must not depend on {@code zcnas.cli}, {@code zcnas.weka} or the Weka adapters. Nothing outside this package refers
 * to Spark, and only the command-line tools' {@code -master} option (zcnas.cli.Scorers) refers to this package.
 *
 * <p>Fault injection (for tests and for trying retries by hand): the system property
 * {@code zcnas.spark.failFirstAttempt=P}, read by the driver when it scores, makes the first attempt of partition P
 * of every call throw; Spark retries it when the master allows retries ({@code local[N,F]}, or
 * {@code spark.task.maxFailures} on a cluster), else that partition is reported as failed.
 */
package zcnas.spark;
