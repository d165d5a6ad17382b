package zcnas.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import zcnas.engine.Backward;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Layer;
import zcnas.network.LayeredNetwork;
import zcnas.network.Rescaling;
import zcnas.network.Scope;
import zcnas.network.TensorOps;
import zcnas.network.Weights;
import zcnas.util.ZcnasException;

/**
 * DARTS's NetworkCIFAR for a genotype: stem Conv3x3 (3C) + BN; L cells with reduction cells (channels doubled,
 * stride 2 on the edges that read the cell inputs) at L/3 and 2L/3; each cell preprocesses its two inputs
 * (FactorizedReduce after a reduction cell, else ReLU-Conv1x1-BN) and concatenates its nodes; global average
 * pool; linear. No auxiliary head and no drop path: neither acts on an untrained network's single batch. Every BN
 * is at its initial state (identity affine), so it is computed with batch statistics and no affine transform.
 */
public final class DartsNetwork extends LayeredNetwork {
  /** The zero-cost setting of the CRoZe authors' DARTS code: C = 36, L = 20. */
  public static final int DEFAULT_CHANNELS = 36;
  public static final int DEFAULT_CELLS = 20;

  private final DartsGenotype genotype;
  private final int cells;
  private final CellPlan[] plans;
  /** BN channels, for the parameter count as PyTorch reports it (affine BN: weight and bias per channel). */
  private final long bnChannels;

  /** Layer indices of one cell: preprocessing of each input, then each edge's layers (empty for pools). */
  private record CellPlan(DartsCell cell, boolean reduction, boolean reductionPrev, int channels, int[] pre0,
      int pre1, int[][] edgeLayers, boolean[] liveStates) {
  }

  public DartsNetwork(DartsGenotype genotype, int classes, int inputSize) {
    this(genotype, classes, inputSize, DEFAULT_CHANNELS, DEFAULT_CELLS);
  }

  public DartsNetwork(DartsGenotype genotype, int classes, int inputSize, int channels, int cells) {
    super(classes, inputSize);
    if (channels < 1 || cells < 1) {
      throw new ZcnasException("a DARTS network needs at least 1 channel and 1 cell, got C=" + channels + " L="
          + cells);
    }
    if (channels % 2 != 0) {
      throw new ZcnasException("DARTS initial channels must be even (FactorizedReduce halves them), got " + channels);
    }
    this.genotype = genotype;
    this.cells = cells;
    boolean[] cellLive = cellLiveness(genotype, cells);
    List<Layer> list = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    long bn = 0;
    long stem = 3L * channels;
    list.add(new Layer("stem", new Shape(stem, 3, 3, 3), false, true));
    groups.add(0);
    bn += stem;
    long prevPrev = stem;
    long prev = stem;
    long c = channels;
    boolean reductionPrev = false;
    plans = new CellPlan[cells];
    for (int i = 0; i < cells; i++) {
      boolean reduction = isReduction(i, cells);
      if (reduction) {
        c *= 2;
      }
      DartsCell cell = genotype.cell(reduction);
      boolean[] liveStates = cell.liveStates();
      String name = "cell" + i;
      int groupOf = i + 1;
      int[] pre0;
      if (reductionPrev) {
        pre0 = new int[] {list.size(), list.size() + 1};
        list.add(new Layer(name + ".pre0.conv_1", new Shape(c / 2, prevPrev, 1, 1), false, cellLive[i] && liveStates[0]));
        list.add(new Layer(name + ".pre0.conv_2", new Shape(c / 2, prevPrev, 1, 1), false, cellLive[i] && liveStates[0]));
        groups.add(groupOf);
        groups.add(groupOf);
      } else {
        pre0 = new int[] {list.size()};
        list.add(new Layer(name + ".pre0", new Shape(c, prevPrev, 1, 1), false, cellLive[i] && liveStates[0]));
        groups.add(groupOf);
      }
      int pre1 = list.size();
      list.add(new Layer(name + ".pre1", new Shape(c, prev, 1, 1), false, cellLive[i] && liveStates[1]));
      groups.add(groupOf);
      bn += 2 * c;
      int[][] edgeLayers = new int[cell.edges().size()][];
      for (int e = 0; e < edgeLayers.length; e++) {
        DartsCell.Edge edge = cell.edges().get(e);
        boolean live = cellLive[i] && cell.isEdgeLive(e);
        int stride = reduction && edge.input() < 2 ? 2 : 1;
        List<Shape> shapes = opWeights(edge.op(), c, stride);
        edgeLayers[e] = new int[shapes.size()];
        for (int k = 0; k < shapes.size(); k++) {
          edgeLayers[e][k] = list.size();
          list.add(new Layer(name + ".edge" + e + "." + edge.op().token() + "." + k, shapes.get(k), false, live));
          groups.add(groupOf);
        }
        bn += opBnChannels(edge.op(), c, stride);
      }
      plans[i] = new CellPlan(cell, reduction, reductionPrev, (int) c, pre0, pre1, edgeLayers, liveStates);
      reductionPrev = reduction;
      prevPrev = prev;
      prev = cell.concat().length * c;
    }
    list.add(new Layer("classifier", new Shape(classes, prev), true, true));
    groups.add(cells + 1);
    define(list, groups);
    this.bnChannels = bn;
  }

  static boolean isReduction(int cell, int cells) {
    return cell == cells / 3 || cell == 2 * cells / 3;
  }

  /** Whether each cell's output reaches the classifier through the preprocessing of later cells. */
  private static boolean[] cellLiveness(DartsGenotype g, int cells) {
    boolean[] live = new boolean[cells];
    live[cells - 1] = true;
    for (int i = cells - 2; i >= 0; i--) {
      boolean viaNext = live[i + 1] && g.cell(isReduction(i + 1, cells)).liveStates()[1];
      boolean viaAfter = i + 2 < cells && live[i + 2] && g.cell(isReduction(i + 2, cells)).liveStates()[0];
      live[i] = viaNext || viaAfter;
    }
    return live;
  }

  /** Weight shapes of an op's convolutions, in forward order. */
  private static List<Shape> opWeights(DartsOp op, long c, int stride) {
    if (op.isSepConv()) {
      int k = op.kernelSize();
      return List.of(new Shape(c, 1, k, k), new Shape(c, c, 1, 1), new Shape(c, 1, k, k), new Shape(c, c, 1, 1));
    }
    if (op.isDilConv()) {
      int k = op.kernelSize();
      return List.of(new Shape(c, 1, k, k), new Shape(c, c, 1, 1));
    }
    switch (op) {
      case CONV_7X1_1X7:
        return List.of(new Shape(c, c, 1, 7), new Shape(c, c, 7, 1));
      case SKIP_CONNECT:
        return stride == 1 ? List.of() : List.of(new Shape(c / 2, c, 1, 1), new Shape(c / 2, c, 1, 1));
      default:
        return List.of();
    }
  }

  private static long opBnChannels(DartsOp op, long c, int stride) {
    if (op.isSepConv()) {
      return 2 * c;
    }
    if (op.isDilConv() || op == DartsOp.CONV_7X1_1X7 || (op == DartsOp.SKIP_CONNECT && stride == 2)) {
      return c;
    }
    return 0;
  }

  public DartsGenotype genotype() {
    return genotype;
  }

  /** Parameters as PyTorch counts them for NetworkCIFAR (affine BN included), which the authors' size cap uses. */
  @Override
  public long parameterCount() {
    return layers().stream().mapToLong(Layer::parameterCount).sum() + 2 * bnChannels;
  }

  /**
   * Stage features: 0 the stem output, i + 1 the output of cell i, L + 1 the pooled features. With
   * {@link BnMode#REDUCTION_ONLY} no BN runs at all (DARTS has no residual reduction blocks to keep theirs).
   */
  @Override
  public NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener) {
    return forward(x, w, bn, listener, Rescaling.NONE);
  }

  /**
   * Rescaled passes run without BN ({@link BnMode#REDUCTION_ONLY}), where every op but the classifier's bias is
   * scale-free.
   */
  @Override
  public boolean rescales() {
    return true;
  }

  /** Without BN ({@link BnMode#REDUCTION_ONLY}) no op mixes images. */
  @Override
  public boolean imagesIndependent(BnMode bn) {
    return bn != BnMode.ALL;
  }

  @Override
  public NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener, Rescaling scale) {
    boolean norm = bn == BnMode.ALL;
    if (norm && scale != Rescaling.NONE) {
      throw new IllegalArgumentException("a rescaled DARTS pass runs without BN");
    }
    // the weights live in the scoring context; the input may be shared by every context of a session
    NDManager root = w.weight(0).getManager();
    TensorOps ops = new TensorOps(root);
    // The rescaled (official CRoZe) pass runs in channels-last memory (TensorOps#channelsLast): 1.4x faster. The
    // checkpointed gradient pass stays NCHW: in channels-last its stem gradient is not the whole pass's bit for bit.
    NDArray s0 = stem(ops, scale == Rescaling.NONE ? x : TensorOps.channelsLast(x), w, norm, listener);
    NDArray s1 = s0;
    for (int i = 0; i < cells; i++) {
      NDArray[] in = scale.rescale(s0, s1);
      // a rescaled copy is computed where its input lives (a listener's manager, for a stage feature): it belongs
      // to the pass, which autograd and the next cell read
      for (int k = 0; k < 2; k++) {
        if (in[k] != s0 && in[k] != s1) {
          in[k].attach(root);
        }
      }
      NDArray out = cell(ops, root, i, in[0], in[1], w, norm, listener);
      s0 = in[1];
      s1 = out;
    }
    return head(ops, s1, w, listener, scale);
  }

  /**
   * Gradient checkpointing by cell (Chen et al. 2016, "Training Deep Nets with Sublinear Memory Cost"): a pass
   * without autograd keeps only the cells' outputs; then, from the last cell back, each cell runs again with
   * autograd from its kept inputs and is backpropagated at once with its output's gradient. Recording the whole
   * pass keeps every cell's activations (about 6 GB at batch 64 with C = 36, L = 20); this keeps the cells'
   * outputs and one cell's activations, for the price of a second forward pass. The stem and cells 0 and 1 are one
   * segment (the stem feeds three preprocessings), so every gradient summed here has two terms, whose float sum
   * does not depend on their order: the weights' gradients are the whole pass's, bit for bit.
   */
  @Override
  public void backward(NDArray x, Weights w, BnMode bn, ForwardListener listener, UnaryOperator<NDArray> loss) {
    if (cells < 3) {
      super.backward(x, w, bn, listener, loss);
      return;
    }
    boolean norm = bn == BnMode.ALL;
    try (NDManager pass = w.weight(0).getManager().newSubManager()) {
      TensorOps ops = new TensorOps(pass);
      NDArray[] out = Backward.withoutGraph(() -> {
        NDArray[] o = Arrays.copyOf(firstCells(ops, pass, x, w, norm, listener), cells);
        for (int i = 2; i < cells; i++) {
          o[i] = cell(ops, pass, i, o[i - 2], o[i - 1], w, norm, listener);
        }
        return o;
      });
      NDArray[] grad = new NDArray[cells];
      NDArray last = Backward.leaf(out[cells - 1]);
      Backward.run(() -> loss.apply(head(ops, last, w, listener, Rescaling.NONE)));
      grad[cells - 1] = Backward.gradient(last);
      for (int i = cells - 1; i >= 2; i--) {
        if (!flowsBack(grad[i], i)) {
          continue;
        }
        int c = i;
        NDArray s0 = Backward.leaf(out[i - 2]);
        NDArray s1 = Backward.leaf(out[i - 1]);
        Backward.run(() -> cell(ops, pass, c, s0, s1, w, norm, ForwardListener.NONE), grad[i]);
        grad[i - 1] = sum(grad[i - 1], Backward.gradient(s1));
        grad[i - 2] = sum(grad[i - 2], Backward.gradient(s0));
        grad[i].close();
        s0.close();
        s1.close();
        out[i].close();
      }
      boolean flows0 = flowsBack(grad[0], 0);
      boolean flows1 = flowsBack(grad[1], 1);
      if (flows0 || flows1) {
        // one backward pass from both outputs: the gradient reaching each through out . grad is grad exactly
        Backward.run(() -> {
          NDArray[] c = firstCells(ops, pass, x, w, norm, ForwardListener.NONE);
          NDArray a = flows0 ? c[0].mul(grad[0]).sum() : null;
          NDArray b = flows1 ? c[1].mul(grad[1]).sum() : null;
          return a == null ? b : b == null ? a : a.add(b);
        });
      }
    }
  }

  /** Whether cell i passes a gradient back: one reached its output, and the output depends on its inputs. */
  private boolean flowsBack(NDArray outputGradient, int i) {
    return outputGradient != null && plans[i].cell().outputDependsOnInputs();
  }

  /** a + b, where null is none; frees the summands. */
  private static NDArray sum(NDArray a, NDArray b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    NDArray s = a.add(b);
    a.close();
    b.close();
    return s;
  }

  /** The outputs of cells 0 and 1 (cells >= 2), the stem's tensors freed. */
  private NDArray[] firstCells(TensorOps ops, NDManager root, NDArray x, Weights w, boolean norm,
      ForwardListener listener) {
    return Scope.runAll(root, () -> {
      NDArray stem = stem(ops, x, w, norm, listener);
      NDArray c0 = cell(ops, root, 0, stem, stem, w, norm, listener);
      return new NDArray[] {c0, cell(ops, root, 1, stem, c0, w, norm, listener)};
    }, x);
  }

  private NDArray stem(TensorOps ops, NDArray x, Weights w, boolean norm, ForwardListener listener) {
    NDArray stem = conv(ops, x, w, 0, 1, 1, listener);
    if (norm) {
      stem = ops.batchNorm(stem);
    }
    listener.stageOutput(0, stem);
    return stem;
  }

  /** Cell i on inputs s0 and s1, its intermediate tensors freed; the output attached to root. */
  private NDArray cell(TensorOps ops, NDManager root, int i, NDArray s0, NDArray s1, Weights w, boolean norm,
      ForwardListener listener) {
    CellPlan plan = plans[i];
    NDArray out = s0 == s1 ? Scope.run(root, () -> cell(ops, plan, s0, s1, w, norm, listener), s0)
        : Scope.run(root, () -> cell(ops, plan, s0, s1, w, norm, listener), s0, s1);
    listener.stageOutput(i + 1, out);
    return out;
  }

  private NDArray head(TensorOps ops, NDArray s, Weights w, ForwardListener listener, Rescaling scale) {
    NDArray pooled = ops.globalAvgPool(s);
    listener.stageOutput(cells + 1, pooled);
    int cls = layers().size() - 1;
    NDArray logits = ops.linear(pooled, w.weight(cls), scale.atScale(w.bias(cls)));
    listener.layerOutput(cls, logits);
    return logits;
  }

  private NDArray cell(TensorOps ops, CellPlan plan, NDArray s0, NDArray s1, Weights w, boolean norm,
      ForwardListener listener) {
    boolean all = listener.needsDeadOps();
    DartsCell cell = plan.cell();
    int states = cell.steps() + 2;
    NDArray[] state = new NDArray[states];
    if (all || plan.liveStates()[0]) {
      state[0] = plan.reductionPrev() ? factorizedReduce(ops, s0, w, plan.pre0(), norm, listener)
          : reluConvBn(ops, s0, w, plan.pre0()[0], norm, listener);
    }
    state[1] = reluConvBn(ops, s1, w, plan.pre1(), norm, listener);
    for (int node = 0; node < cell.steps(); node++) {
      if (!all && !plan.liveStates()[node + 2]) {
        continue;
      }
      NDArray sum = null;
      for (int e = 2 * node; e <= 2 * node + 1; e++) {
        DartsCell.Edge edge = cell.edges().get(e);
        if (edge.op() == DartsOp.NONE) {
          continue;
        }
        int stride = plan.reduction() && edge.input() < 2 ? 2 : 1;
        NDArray in = state[edge.input()];
        if (in == null) {
          throw new IllegalStateException("state " + edge.input() + " of " + cell + " was skipped but is read");
        }
        NDArray out = op(ops, edge.op(), in, stride, w, plan.edgeLayers()[e], norm, listener);
        sum = sum == null ? out : sum.add(out);
      }
      if (sum == null) {
        // both inputs are the Zero op: zeros at the cell's output resolution
        Shape s = state[1].getShape();
        long h = plan.reduction() ? (s.get(2) + 1) / 2 : s.get(2);
        long wd = plan.reduction() ? (s.get(3) + 1) / 2 : s.get(3);
        sum = state[1].getManager().zeros(new Shape(s.get(0), plan.channels(), h, wd), state[1].getDataType());
      }
      state[node + 2] = sum;
    }
    NDList parts = new NDList();
    for (int c : cell.concat()) {
      parts.add(state[c]);
    }
    return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
  }

  private NDArray op(TensorOps ops, DartsOp op, NDArray x, int stride, Weights w, int[] l, boolean norm,
      ForwardListener listener) {
    if (op.isSepConv()) {
      int k = op.kernelSize();
      NDArray h = depthwisePointwise(ops, x, w, l[0], l[1], k, stride, k / 2, 1, norm, listener);
      return depthwisePointwise(ops, h, w, l[2], l[3], k, 1, k / 2, 1, norm, listener);
    }
    if (op.isDilConv()) {
      int k = op.kernelSize();
      return depthwisePointwise(ops, x, w, l[0], l[1], k, stride, k - 1, 2, norm, listener);
    }
    switch (op) {
      case AVG_POOL_3X3:
        return ops.avgPool3x3(x, stride);
      case MAX_POOL_3X3:
        return ops.maxPool3x3(x, stride);
      case SKIP_CONNECT:
        return stride == 1 ? x : factorizedReduce(ops, x, w, l, norm, listener);
      case CONV_7X1_1X7:
        return conv7x1(ops, x, stride, w, l, norm, listener);
      default:
        throw new IllegalStateException("no forward for " + op);
    }
  }

  /**
   * ReLU, (1, 7) and (7, 1) convolutions, BN. PyTorch 2.5.1's CPU float32 kernel for these convolutions returns a
   * wrong gradient for their input at some channel counts (8 and 12 among them, in zeroed memory too, apart from
   * the stale reads of NativeEnvironment#zeroNewTensorMemory; the weight gradient and the forward pass are right),
   * and DJL's type cast cuts the autograd graph, so in float32 each is computed as the sum of seven 1x1 convolutions
   * of the shifted input (the same function, other kernels).
   */
  private NDArray conv7x1(TensorOps ops, NDArray x, int stride, Weights w, int[] l, boolean norm,
      ForwardListener listener) {
    listener.reluInput(x);
    NDArray h = ops.relu(x);
    boolean shifted = x.getDataType() == DataType.FLOAT32;
    h = shifted ? shiftedConv(h, w.weight(l[0]), 3, stride) : ops.conv(h, w.weight(l[0]), null, new Shape(1, stride),
        new Shape(0, 3), 1, 1);
    listener.layerOutput(l[0], h);
    h = shifted ? shiftedConv(h, w.weight(l[1]), 2, stride) : ops.conv(h, w.weight(l[1]), null, new Shape(stride, 1),
        new Shape(3, 0), 1, 1);
    listener.layerOutput(l[1], h);
    return norm ? ops.batchNorm(h) : h;
  }

  /**
   * A bias-free convolution with a kernel of length k along one spatial axis (3 = width, 2 = height), padding k/2
   * and the stride along that axis, as the sum of k 1x1 convolutions of the input shifted along it.
   */
  private static NDArray shiftedConv(NDArray x, NDArray weight, int axis, int stride) {
    long k = weight.getShape().get(axis);
    long p = k / 2;
    long size = x.getShape().get(axis);
    NDArray padded = x.pad(axis == 3 ? new Shape(p, p) : new Shape(0, 0, p, p), 0);
    Shape strides = axis == 3 ? new Shape(1, stride) : new Shape(stride, 1);
    NDArray sum = null;
    for (long i = 0; i < k; i++) {
      String window = i + ":" + (i + size);
      NDArray in = padded.get(axis == 3 ? ":, :, :, " + window : ":, :, " + window + ", :");
      NDArray tap = weight.get(axis == 3 ? ":, :, :, " + i + ":" + (i + 1) : ":, :, " + i + ":" + (i + 1) + ", :");
      NDArray out = Conv2d.conv2d(in, tap, null, strides, new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
      sum = sum == null ? out : sum.add(out);
    }
    return sum;
  }

  /** ReLU, depthwise k x k convolution, pointwise convolution, BN: half a SepConv, or a DilConv. */
  private NDArray depthwisePointwise(TensorOps ops, NDArray x, Weights w, int depthwise, int pointwise, int k,
      int stride, int padding, int dilation, boolean norm, ForwardListener listener) {
    listener.reluInput(x);
    long channels = x.getShape().get(1);
    NDArray h = conv(ops, ops.relu(x), w, depthwise, new Shape(stride, stride), new Shape(padding, padding), dilation,
        (int) channels, listener);
    h = conv(ops, h, w, pointwise, 1, 0, listener);
    return norm ? ops.batchNorm(h) : h;
  }

  private NDArray reluConvBn(TensorOps ops, NDArray x, Weights w, int layer, boolean norm, ForwardListener listener) {
    listener.reluInput(x);
    NDArray h = conv(ops, ops.relu(x), w, layer, 1, 0, listener);
    return norm ? ops.batchNorm(h) : h;
  }

  /** ReLU, two stride-2 1x1 convolutions on the image and on it shifted by one pixel, concatenated; BN. */
  private NDArray factorizedReduce(TensorOps ops, NDArray x, Weights w, int[] l, boolean norm,
      ForwardListener listener) {
    listener.reluInput(x);
    NDArray r = ops.relu(x);
    NDArray a = conv(ops, r, w, l[0], 2, 0, listener);
    NDArray b = conv(ops, r.get(":, :, 1:, 1:"), w, l[1], 2, 0, listener);
    NDArray h = NDArrays.concat(new NDList(a, b), 1);
    return norm ? ops.batchNorm(h) : h;
  }

  private NDArray conv(TensorOps ops, NDArray x, Weights w, int layer, int stride, int padding,
      ForwardListener listener) {
    return conv(ops, x, w, layer, new Shape(stride, stride), new Shape(padding, padding), 1, 1, listener);
  }

  private NDArray conv(TensorOps ops, NDArray x, Weights w, int layer, Shape stride, Shape padding, int dilation,
      int groups, ForwardListener listener) {
    NDArray out = ops.conv(x, w.weight(layer), w.bias(layer), stride, padding, dilation, groups);
    listener.layerOutput(layer, out);
    return out;
  }
}
