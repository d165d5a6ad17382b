package zcnas.score;

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

  /**
   * Scores every architecture with every proxy: result[a][p]. Progress lines go to the sink. A failure names the
   * architecture; scores computed before it stay in the cache.
   */
  public double[][] score(List<A> archs, List<ZeroCostProxy> proxies, Consumer<String> progressSink) {
    double[][] result = new double[archs.size()][proxies.size()];
    Progress progress = new Progress("scored", archs.size(), progressSink, 5);
    for (int a = 0; a < archs.size(); a++) {
      A arch = archs.get(a);
      String[] keys = new String[proxies.size()];
      boolean missing = false;
      for (int p = 0; p < proxies.size(); p++) {
        keys[p] = ScoreCache.key(proxies.get(p).cacheKey(), session.key(), space, arch.toString());
        Double cached = cache.get(keys[p]);
        if (cached == null) {
          missing = true;
        } else {
          result[a][p] = cached;
        }
      }
      if (missing) {
        try (ArchitectureContext context = session.open(networks.apply(arch))) {
          for (int p = 0; p < proxies.size(); p++) {
            if (cache.get(keys[p]) == null) {
              long t0 = System.nanoTime();
              double s = proxies.get(p).score(context);
              proxyNanos[p] += System.nanoTime() - t0;
              result[a][p] = s;
              cache.put(keys[p], s);
            }
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
