package zcnas.score;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import zcnas.engine.NativeEnvironment;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.SearchSpace;
import zcnas.util.Memory;
import zcnas.util.Progress;
import zcnas.util.ZcnasException;

/**
 * Scores architectures of a space with proxies: each (proxy, architecture) pair is looked up in the cache first, the
 * network is built once per architecture, and the passes it needs are shared between the proxies. Checks that
 * would fail later are made before any scoring; a stopped (interrupted) thread ends the run between architectures
 * with every score computed so far kept in the cache. With several workers, that many architectures are computed at
 * once, each on a thread of its own.
 */
public final class Scorer<A> implements BatchScorer<A> {
  /**
   * Architectures between two returns of the C heap's free pages to the system (glibc keeps what PyTorch frees, and
   * every network has other tensor sizes): often enough to keep resident memory flat, rarely enough to cost nothing.
   */
  private static final int TRIM_EVERY = 64;
  /** Architectures computed in this JVM, by every scorer: a Spark executor computes one per call (zcnas.spark). */
  private static final AtomicLong COMPUTED = new AtomicLong();
  private final ScoringSession session;
  private final ScoreCache cache;
  private final SearchSpace<A> space;
  private final int workers;
  /**
   * The workers' threads, kept from one {@link #score} call to the next (a search makes hundreds): glibc gives each
   * new thread a C heap arena of its own, which keeps what a network freed, so a new pool per call piled up arenas
   * (a 6-genotype DARTS search with two workers peaked at 8.2 GB that way, at 4.3 GB with the threads kept). Idle
   * threads end after a minute.
   */
  private ThreadPoolExecutor pool;
  private int foundInCache;

  public Scorer(ScoringSession session, ScoreCache cache, SearchSpace<A> space) {
    this(session, cache, space, 1);
  }

  /**
   * A scorer that computes {@code workers} architectures at once, each on its own thread. PyTorch runs an op on the
   * thread that calls it with the session's intra-op threads, so with one intra-op thread each this is Spark's
   * {@code local[N]} in one process: on small networks faster than N threads per op, with the same scores.
   */
  public Scorer(ScoringSession session, ScoreCache cache, SearchSpace<A> space, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.session = session;
    this.cache = cache;
    this.space = space;
    this.workers = workers;
  }

  /**
   * The PyTorch intra-op threads of a run with {@code workers} (or inter-op threads): several turn 0 (one per core)
   * into 1, so that N threads give the scores of one thread and share its cache entries; an explicit count is kept.
   */
  public static int intraOpThreads(int threads, int workers) {
    return workers > 1 && threads == 0 ? 1 : threads;
  }

  public ScoringSession session() {
    return session;
  }

  public SearchSpace<A> space() {
    return space;
  }

  /** The output columns of the proxies, in order (a proxy can have several, see {@link ZeroCostProxy#outputs()}). */
  public static List<String> columns(List<ZeroCostProxy> proxies) {
    List<String> columns = new ArrayList<>();
    for (ZeroCostProxy p : proxies) {
      columns.addAll(p.outputs());
    }
    return columns;
  }

  /** Where proxy {@code p}'s output of that name is among {@link #columns}. */
  public static int column(List<ZeroCostProxy> proxies, int p, String output) {
    int column = 0;
    for (int i = 0; i < p; i++) {
      column += proxies.get(i).outputs().size();
    }
    int o = proxies.get(p).outputs().indexOf(output);
    if (o < 0) {
      throw new ZcnasException("proxy " + proxies.get(p) + " has no output '" + output + "' (its outputs: "
          + String.join(", ", proxies.get(p).outputs()) + ")");
    }
    return column + o;
  }

  /** Fails now, naming the proxy, if a proxy's batch does not fit the images. */
  @Override
  public void check(List<ZeroCostProxy> proxies) {
    for (ZeroCostProxy p : proxies) {
      try {
        session.batch(p.getBatchSize(), p.getSeed());
      } catch (ZcnasException e) {
        throw new ZcnasException("proxy " + p + ": " + e.getMessage(), e);
      }
    }
  }

  /** The cache key of one output of a proxy for an architecture. */
  private String key(ZeroCostProxy proxy, String output, A arch) {
    return key(proxy, output, session.key(), space.name(), arch.toString());
  }

  /**
   * The cache key of one output of a proxy for an architecture (in its space's notation) scored in a session (its
   * {@link ScoringSession#key()}) in a space (its {@link SearchSpace#name()}): for scorers that compute elsewhere.
   */
  public static String key(ZeroCostProxy proxy, String output, String sessionKey, String spaceName, String arch) {
    return ScoreCache.key(proxy.cacheKey(), output, sessionKey, spaceName, arch);
  }

  /**
   * Scores every architecture with every proxy: result[a][column], columns as in {@link #columns(List)}. Progress
   * lines (done/total of the architectures still to compute, rate, time left, memory) go to the sink. A failure
   * names the architecture; scores computed before it stay in the cache.
   */
  @Override
  public double[][] score(List<A> archs, List<ZeroCostProxy> proxies, Consumer<String> progressSink) {
    check(proxies);
    List<String> columns = columns(proxies);
    double[][] result = new double[archs.size()][columns.size()];
    List<Integer> todo = new ArrayList<>();
    for (int a = 0; a < archs.size(); a++) {
      if (!fromCache(archs.get(a), proxies, result[a])) {
        todo.add(a);
      }
    }
    foundInCache = archs.size() - todo.size();
    if (foundInCache > 0) {
      progressSink.accept(foundInCache + " of " + archs.size() + " architectures found in the score "
          + "cache; " + todo.size() + " to compute");
    }
    Progress progress = new Progress("scored", todo.size(), progressSink, 5);
    // with workers, even one architecture goes to them: only their C heap arenas then hold networks' memory
    if (workers > 1 && !todo.isEmpty()) {
      computeInParallel(archs, todo, proxies, result, progress);
      return result;
    }
    for (int a : todo) {
      if (Thread.interrupted()) {
        throw stopped(progress, todo.size());
      }
      computeAndCount(archs.get(a), proxies, result[a], progress);
    }
    return result;
  }

  /**
   * The architectures to compute on {@link #workers} threads, each taking the next in order. The first of several
   * copies of an architecture is computed there, the other copies afterwards from the cache. A failure, or an
   * interrupt of the calling thread, lets every worker finish its current architecture and take no other, so all
   * those taken before it are computed and kept.
   */
  private void computeInParallel(List<A> archs, List<Integer> todo, List<ZeroCostProxy> proxies, double[][] result,
      Progress progress) {
    List<Integer> first = new ArrayList<>();
    List<Integer> copies = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int a : todo) {
      (seen.add(archs.get(a).toString()) ? first : copies).add(a);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < Math.min(workers, first.size()); w++) {
      running.add(pool().submit(() -> {
        for (int i = next.getAndIncrement(); i < first.size() && !stop.get(); i = next.getAndIncrement()) {
          int a = first.get(i);
          try {
            computeAndCount(archs.get(a), proxies, result[a], progress);
          } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            stop.set(true);
          }
        }
      }));
    }
    boolean interrupted = false;
    for (Future<?> f : running) {
      while (!f.isDone()) {
        try {
          f.get();
        } catch (InterruptedException e) {
          interrupted = true;
          stop.set(true);
        } catch (ExecutionException e) {
          throw new IllegalStateException(e); // not reached: a worker keeps its failure in `failure`
        }
      }
    }
    if (failure.get() != null) {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      // a worker's Error too (out of memory): its rows were never filled
      if (failure.get() instanceof Error e) {
        throw e;
      }
      throw (RuntimeException) failure.get();
    }
    if (interrupted) {
      throw stopped(progress, todo.size());
    }
    for (int a : copies) {
      computeAndCount(archs.get(a), proxies, result[a], progress);
    }
  }

  private synchronized ThreadPoolExecutor pool() {
    if (pool == null) {
      AtomicInteger threadNumber = new AtomicInteger();
      pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "zcnas-worker-" + threadNumber.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      pool.allowCoreThreadTimeOut(true);
    }
    return pool;
  }

  /** The error of a stopped run; the thread stays interrupted for its caller. */
  private ZcnasException stopped(Progress progress, int total) {
    Thread.currentThread().interrupt();
    return new ZcnasException("stopped after " + progress.done() + " of " + total + " architectures; their scores "
        + "are kept" + (cache.file() == null ? "" : " in the score cache " + cache.file()));
  }

  /** Computes one architecture, counts it, and every {@link #TRIM_EVERY} in this JVM trims the C heap. */
  private void computeAndCount(A arch, List<ZeroCostProxy> proxies, double[] row, Progress progress) {
    compute(arch, proxies, row);
    progress.step();
    if (COMPUTED.incrementAndGet() % TRIM_EVERY == 0) {
      NativeEnvironment.trim();
      Memory.recordAfterTrim();
    }
  }

  /** How many architectures of the last {@link #score} call had every score in the cache already. */
  public int foundInCache() {
    return foundInCache;
  }

  /** Fills the row from the cache; false if some output is missing. */
  private boolean fromCache(A arch, List<ZeroCostProxy> proxies, double[] row) {
    boolean complete = true;
    int column = 0;
    for (ZeroCostProxy p : proxies) {
      for (String output : p.outputs()) {
        Double cached = cache.get(key(p, output, arch));
        if (cached == null) {
          complete = false;
        } else {
          row[column] = cached;
        }
        column++;
      }
    }
    return complete;
  }

  /** Computes the proxies with a missing output on one network, and caches every output. */
  private void compute(A arch, List<ZeroCostProxy> proxies, double[] row) {
    try (ArchitectureContext context = session.open(space.network(arch, session.dataset()))) {
      boolean[] missing = new boolean[proxies.size()];
      int column = 0;
      for (int i = 0; i < proxies.size(); i++) {
        List<String> outputs = proxies.get(i).outputs();
        for (int o = 0; o < outputs.size(); o++) {
          Double cached = cache.get(key(proxies.get(i), outputs.get(o), arch));
          missing[i] |= cached == null;
          // another copy of this architecture earlier in the list may have been computed meanwhile
          row[column + o] = cached == null ? Double.NaN : cached;
        }
        column += outputs.size();
        if (missing[i]) {
          proxies.get(i).plan(context);
        }
      }
      column = 0;
      for (int i = 0; i < proxies.size(); i++) {
        ZeroCostProxy p = proxies.get(i);
        List<String> outputs = p.outputs();
        if (missing[i]) {
          double[] s = p.scores(context);
          for (int o = 0; o < s.length; o++) {
            row[column + o] = s[o];
            cache.put(key(p, outputs.get(o), arch), s[o]);
          }
        }
        column += outputs.size();
      }
    } catch (ZcnasException e) {
      throw new ZcnasException("architecture " + arch + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ZcnasException("scoring architecture " + arch + " failed: " + e, e);
    }
  }
}
