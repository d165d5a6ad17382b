package zcnas.score;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import zcnas.network.Network;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.ScoringSession;
import zcnas.proxy.ZeroCostProxy;
import zcnas.util.Progress;
import zcnas.util.ZcnasException;

/**
 * Scores architectures with proxies: each (proxy, architecture) pair is looked up in the cache first, the network
 * is built once per architecture, and the passes it needs are shared between the proxies.
 */
public final class Scorer<A> {
  private final ScoringSession session;
  private final ScoreCache cache;
  private final String space;
  private final Function<A, Network> networks;
  private final long[] proxyNanos;

  public Scorer(ScoringSession session, ScoreCache cache, String space, Function<A, Network> networks, int proxies) {
    this.session = session;
    this.cache = cache;
    this.space = space;
    this.networks = networks;
    this.proxyNanos = new long[proxies];
  }

  /** The output columns of the proxies, in order (a proxy can have several, see {@link ZeroCostProxy#outputs()}). */
  public static List<String> columns(List<ZeroCostProxy> proxies) {
    List<String> columns = new ArrayList<>();
    for (ZeroCostProxy p : proxies) {
      columns.addAll(p.outputs());
    }
    return columns;
  }

  /**
   * Scores every architecture with every proxy: result[a][column], columns as in {@link #columns(List)}. Progress
   * lines go to the sink. A failure names the architecture; scores computed before it stay in the cache.
   */
  public double[][] score(List<A> archs, List<ZeroCostProxy> proxies, Consumer<String> progressSink) {
    int columns = columns(proxies).size();
    double[][] result = new double[archs.size()][columns];
    Progress progress = new Progress("scored", archs.size(), progressSink, 5);
    for (int a = 0; a < archs.size(); a++) {
      A arch = archs.get(a);
      String[][] keys = new String[proxies.size()][];
      boolean[] missing = new boolean[proxies.size()];
      boolean any = false;
      int column = 0;
      for (int p = 0; p < proxies.size(); p++) {
        List<String> outputs = proxies.get(p).outputs();
        keys[p] = new String[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
          keys[p][o] = ScoreCache.key(proxies.get(p).cacheKey(), outputs.get(o), session.key(), space, arch.toString());
          Double cached = cache.get(keys[p][o]);
          if (cached == null) {
            missing[p] = true;
          } else {
            result[a][column + o] = cached;
          }
        }
        any |= missing[p];
        column += outputs.size();
      }
      if (any) {
        try (ArchitectureContext context = session.open(networks.apply(arch))) {
          column = 0;
          for (int p = 0; p < proxies.size(); p++) {
            if (missing[p]) {
              long t0 = System.nanoTime();
              double[] s = proxies.get(p).scores(context);
              proxyNanos[p] += System.nanoTime() - t0;
              for (int o = 0; o < s.length; o++) {
                result[a][column + o] = s[o];
                cache.put(keys[p][o], s[o]);
              }
            }
            column += keys[p].length;
          }
        } catch (ZcnasException e) {
          throw new ZcnasException("architecture " + arch + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
          throw new ZcnasException("scoring architecture " + arch + " failed: " + e, e);
        }
      }
      progress.step();
    }
    return result;
  }

  /** Seconds spent in each proxy's own computation (network construction and shared passes go to the first user). */
  public double seconds(int proxy) {
    return proxyNanos[proxy] / 1e9;
  }
}
