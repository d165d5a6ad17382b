package zcnas.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import zcnas.util.ZcnasException;

/**
 * Job submission and collection: one Spark job per partition, each on its own one-partition RDD (Spark fails every
 * running job over an RDD when one of its tasks fails for good), submitted together from a small thread pool, and
 * each partition's result handed to the driver's receiver as soon as that job finishes, in completion order, on the
 * calling thread. Failed task attempts are reported in one line each.
 */
final class PartitionJobs {
  /** The job property naming the partition a job scores, for the failure reports. */
  private static final String PARTITION = "zcnas.partition";

  /** What the driver does with each partition as it finishes. */
  interface Receiver {
    void scored(PartitionTask.Result result);

    /** The partition's job failed for good (after Spark's retries); items are the architectures it held. */
    void failed(int partition, List<PartitionTask.Item> items, String reason);
  }

  private record Outcome(int partition, PartitionTask.Result result, Exception failure) {
  }

  private final JavaSparkContext spark;
  private final Map<Integer, String> stagePartitions = new ConcurrentHashMap<>();
  private volatile Consumer<String> progress = line -> { };

  PartitionJobs(JavaSparkContext spark) {
    this.spark = spark;
    spark.sc().addSparkListener(new FailureReporter());
  }

  /** The first of the items of partition p (of parts), as the items are sliced. */
  static int from(int p, int items, int parts) {
    return (int) ((long) p * items / parts);
  }

  /**
   * Scores the items in {@code parts} partitions, partition p by {@code task.apply(p)}; at most {@code concurrent}
   * jobs are submitted at once. Failed attempts are reported to {@code sink}.
   */
  void run(List<PartitionTask.Item> items, int parts, int concurrent, IntFunction<PartitionTask> task,
      Receiver receiver, Consumer<String> sink) {
    String group = "zcnas-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parts, concurrent), r -> {
      Thread t = new Thread(r, "zcnas-spark-job");
      t.setDaemon(true);
      return t;
    });
    CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
    List<List<PartitionTask.Item>> slices = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int part = p;
      List<PartitionTask.Item> slice = new ArrayList<>(items.subList(from(p, items.size(), parts),
          from(p + 1, items.size(), parts)));
      slices.add(slice);
      JavaRDD<PartitionTask.Result> rdd = spark.parallelize(slice, 1).mapPartitions(task.apply(p));
      done.submit(() -> {
        spark.setJobGroup(group, "zcnas: partition " + part, true);
        spark.setLocalProperty(PARTITION, Integer.toString(part));
        try {
          return new Outcome(part, rdd.collect().get(0), null);
        } catch (Exception e) {
          return new Outcome(part, null, e);
        } finally {
          spark.setLocalProperty(PARTITION, null);
        }
      });
    }
    progress = sink;
    try {
      for (int i = 0; i < parts; i++) {
        Outcome o = done.take().get();
        if (o.failure() != null) {
          receiver.failed(o.partition(), slices.get(o.partition()), SparkSetup.oneLine(o.failure()));
        } else {
          receiver.scored(o.result());
        }
      }
    } catch (InterruptedException e) {
      spark.cancelJobGroup(group);
      Thread.currentThread().interrupt();
      throw new ZcnasException("interrupted; the partitions that finished are in the score cache", e);
    } catch (ExecutionException e) {
      spark.cancelJobGroup(group);
      throw new ZcnasException("scoring on Spark failed: " + SparkSetup.oneLine(e.getCause()), e);
    } catch (RuntimeException e) {
      spark.cancelJobGroup(group);
      throw e;
    } finally {
      progress = line -> { };
      pool.shutdownNow();
    }
  }

  /** Reports failed task attempts in one line each (Spark's own log lines are quietened, see SparkSetup). */
  private final class FailureReporter extends SparkListener {
    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
      String partition = submitted.properties() == null ? null : submitted.properties().getProperty(PARTITION);
      stagePartitions.put(submitted.stageInfo().stageId(), partition == null ? "a session probe" : "partition "
          + partition);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      String what;
      if (end.reason() instanceof ExceptionFailure f) {
        what = f.className() + ": " + f.description();
      } else if (end.reason() instanceof TaskFailedReason f && !(end.reason() instanceof TaskKilled)) {
        what = SparkSetup.oneLine(f.toErrorString());
      } else {
        return;
      }
      progress.accept("spark: attempt " + (end.taskInfo().attemptNumber() + 1) + " of "
          + stagePartitions.getOrDefault(end.stageId(), "a task") + " failed: " + what);
    }
  }
}
