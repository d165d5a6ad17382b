package zcnas.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import zcnas.space.nb201.Nb201Architecture;
import zcnas.space.nb201.Nb201Op;

/**
 * The features of a few-shot accuracy predictor, one instance per architecture: each proxy's score (log10 where the
 * scores span orders of magnitude, as SynFlow's do, so a distance-based learner does not see one huge value and a
 * crowd of near-zeros), a one-hot encoding of the op on each of the cell's 6 edges (the tabular encoding of White et
 * al., "How powerful are performance predictors in NAS?", NeurIPS 2021), and the target accuracy as the class
 * (missing where the benchmark lacks it).
 */
public final class FewShotFeatures {
  /** A proxy's scores are log-scaled when its largest positive score is at least this many times its smallest. */
  static final double LOG_SPAN = 1e3;

  private FewShotFeatures() {
  }

  /** scores: each proxy's score of every architecture, in the architectures' order. */
  public static Instances of(String target, Map<String, double[]> scores, List<Nb201Architecture> archs,
      double[] accuracy) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      boolean log = spansOrders(e.getValue());
      attributes.add(new Attribute(log ? "log10_" + e.getKey() : e.getKey()));
      columns.add(log ? log10(e.getValue()) : finite(e.getValue()));
    }
    for (int edge = 0; edge < Nb201Architecture.EDGES; edge++) {
      for (Nb201Op op : Nb201Op.values()) {
        attributes.add(new Attribute("edge" + edge + "_" + op.token()));
      }
    }
    attributes.add(new Attribute(target));
    Instances data = new Instances("fewshot-" + target, attributes, archs.size());
    data.setClassIndex(attributes.size() - 1);
    for (int a = 0; a < archs.size(); a++) {
      double[] row = new double[attributes.size()];
      for (int p = 0; p < columns.size(); p++) {
        row[p] = Double.isNaN(columns.get(p)[a]) ? Utils.missingValue() : columns.get(p)[a];
      }
      int base = columns.size();
      for (int edge = 0; edge < Nb201Architecture.EDGES; edge++) {
        row[base + edge * Nb201Op.values().length + archs.get(a).op(edge).ordinal()] = 1;
      }
      row[row.length - 1] = Double.isNaN(accuracy[a]) ? Utils.missingValue() : accuracy[a];
      data.add(new DenseInstance(1, row));
    }
    return data;
  }

  /** Whether the positive finite scores span LOG_SPAN or more and none is negative. */
  static boolean spansOrders(double[] scores) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double v : scores) {
      if (v < 0 && Double.isFinite(v)) {
        return false;
      }
      if (v > 0 && Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return max > 0 && max / min >= LOG_SPAN;
  }

  /** log10 of the positive scores; a zero or -Infinity (a dead network) one below the smallest, order kept. */
  static double[] log10(double[] scores) {
    double[] out = new double[scores.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = scores[i] > 0 ? Math.log10(scores[i]) : scores[i] == 0 ? Double.NEGATIVE_INFINITY : scores[i];
    }
    return finite(out);
  }

  /** Infinite scores one beyond the finite extremes (order kept, so learners can do arithmetic); NaN stays. */
  static double[] finite(double[] scores) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : scores) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double[] out = scores.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == Double.NEGATIVE_INFINITY) {
        out[i] = min - 1;
      } else if (out[i] == Double.POSITIVE_INFINITY) {
        out[i] = max + 1;
      }
    }
    return out;
  }
}
