package zcnas.weka;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Option;
import weka.core.Utils;
import zcnas.proxy.ZeroCostProxy;
import zcnas.stats.RankAggregation;

/**
 * The proxies of an adapter that combines several into one score, and how: their rank aggregation ({@code -A}).
 */
public class ProxyEnsemble extends ProxySelection {
  private static final long serialVersionUID = 1L;

  private RankAggregation.Method aggregation = RankAggregation.Method.MEAN_RANK;

  /** CRoZe alone (the regressor's default). */
  public ProxyEnsemble() {
  }

  /** These proxies, which setOptions without -P also goes back to, by mean rank. */
  public ProxyEnsemble(ZeroCostProxy... defaults) {
    super(defaults);
  }

  @Override
  public String globalInfo() {
    return "The zero-cost proxies computed, each with its settings; several form an ensemble whose score "
        + "combines their ranks (see aggregation).";
  }

  @Override
  public String proxiesTipText() {
    return "The zero-cost proxies, each with its settings; several form a rank ensemble (see aggregation).";
  }

  public String getAggregation() {
    return aggregation.id();
  }

  public void setAggregation(String id) {
    aggregation = RankAggregation.Method.forId(id);
  }

  public String aggregationTipText() {
    return "How an ensemble combines its proxies' ranks: mean-rank, vote (Abdelfattah et al.'s pairwise majority) or "
        + "product (geometric mean of the ranks).";
  }

  /** The ensemble's score from each proxy's scores (perProxy[proxy][instance]): a single proxy's own. */
  public double[] combine(double[][] perProxy) {
    return perProxy.length == 1 ? perProxy[0] : aggregation.apply(perProxy);
  }

  @Override
  protected String several() {
    return "repeatable: a rank ensemble, see -A";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> o = new Vector<>(Collections.list(super.listOptions()));
    o.add(new Option("\t" + aggregationTipText() + " (default mean-rank).", "A", 1, "-A <mean-rank|vote|product>"));
    return o.elements();
  }

  /** Reads every -P and -A; leaves the other options to the adapter. */
  @Override
  public void setOptions(String[] options) throws Exception {
    super.setOptions(options);
    String a = Utils.getOption('A', options);
    setAggregation(a.isEmpty() ? RankAggregation.Method.MEAN_RANK.id() : a);
  }

  @Override
  public String[] getOptions() {
    List<String> o = proxyOptions();
    o.addAll(aggregationOptions());
    return o.toArray(new String[0]);
  }

  /** -A and the aggregation. */
  public List<String> aggregationOptions() {
    return List.of("-A", getAggregation());
  }
}
