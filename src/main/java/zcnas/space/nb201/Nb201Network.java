package zcnas.space.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
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
 * The zero-cost reference variant of the NAS-Bench-201 network: stem Conv3x3 + BN; three stages of N cells at
 * C, 2C, 4C channels with residual reduction blocks between them; head BN, ReLU, global average pool, linear.
 * Cell convolutions are ReLU-Conv(bias)-BN(no affine), as in the reference code's {@code affine=False} cells.
 */
public final class Nb201Network extends LayeredNetwork {
  public static final int DEFAULT_CHANNELS = 16;
  public static final int DEFAULT_CELLS = 5;

  private final Nb201Architecture arch;
  private final int channels;
  private final int cellsPerStage;
  /** Layer index of each cell edge's convolution, [stage][cell][edge], or -1 where the edge has none. */
  private final int[][][] edgeLayer;
  private final int[][] reductionLayers;

  public Nb201Network(Nb201Architecture arch, int classes, int inputSize) {
    this(arch, classes, inputSize, DEFAULT_CHANNELS, DEFAULT_CELLS);
  }

  public Nb201Network(Nb201Architecture arch, int classes, int inputSize, int channels, int cellsPerStage) {
    super(classes, inputSize);
    if (inputSize % 4 != 0 || inputSize < 4) {
      throw new ZcnasException("NB201 input size must be a positive multiple of 4, got " + inputSize);
    }
    this.arch = arch;
    this.channels = channels;
    this.cellsPerStage = cellsPerStage;
    List<Layer> list = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    list.add(new Layer("stem", new Shape(channels, 3, 3, 3), false, true));
    groups.add(0);
    edgeLayer = new int[3][cellsPerStage][Nb201Architecture.EDGES];
    reductionLayers = new int[2][3];
    for (int stage = 0; stage < 3; stage++) {
      long c = (long) channels << stage;
      if (stage > 0) {
        long in = c / 2;
        reductionLayers[stage - 1][0] = list.size();
        list.add(new Layer("reduction" + stage + ".conv_a", new Shape(c, in, 3, 3), false, true));
        reductionLayers[stage - 1][1] = list.size();
        list.add(new Layer("reduction" + stage + ".conv_b", new Shape(c, c, 3, 3), false, true));
        reductionLayers[stage - 1][2] = list.size();
        list.add(new Layer("reduction" + stage + ".shortcut", new Shape(c, in, 1, 1), false, true));
        for (int i = 0; i < 3; i++) {
          groups.add(stage);
        }
      }
      for (int cell = 0; cell < cellsPerStage; cell++) {
        for (int e = 0; e < Nb201Architecture.EDGES; e++) {
          Nb201Op op = arch.op(e);
          if (op.isConv()) {
            edgeLayer[stage][cell][e] = list.size();
            int k = op.kernelSize();
            list.add(new Layer("stage" + (stage + 1) + ".cell" + cell + ".edge" + e, new Shape(c, c, k, k), true,
                arch.isEdgeLive(e)));
            // The official code counts the cells entered so far and divides by the cells per stage, so a stage's
            // last cell is paired with the next stage's feature.
            groups.add((stage * cellsPerStage + cell + 1) / cellsPerStage);
          } else {
            edgeLayer[stage][cell][e] = -1;
          }
        }
      }
    }
    long last = (long) channels << 2;
    list.add(new Layer("classifier", new Shape(classes, last), true, true));
    groups.add(4);
    define(list, groups);
  }

  public Nb201Architecture architecture() {
    return arch;
  }

  @Override
  public NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener) {
    return forward(x, w, bn, listener, Rescaling.NONE);
  }

  @Override
  public boolean rescales() {
    return true;
  }

  @Override
  public NDArray forward(NDArray x, Weights w, BnMode bn, ForwardListener listener, Rescaling scale) {
    // the weights live in the scoring context; the input may be shared by every context of a session
    NDManager root = w.weight(0).getManager();
    TensorOps ops = new TensorOps(root);
    NDArray h = convLayer(ops, TensorOps.channelsLast(x), w, 0, 1, 1, listener, scale);
    if (bn == BnMode.ALL) {
      h = ops.batchNorm(h);
    }
    // at exponent 0: the first cell brings it into range, as it does every cell's input
    listener.stageOutput(0, h);
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        int[] l = reductionLayers[stage - 1];
        NDArray in = h;
        h = Scope.run(root, () -> reduction(ops, in, w, l, listener, scale), in);
        listener.stageOutput(stage, h);
      }
      for (int cell = 0; cell < cellsPerStage; cell++) {
        int[] edges = edgeLayer[stage][cell];
        NDArray in = h;
        h = Scope.run(root, () -> cell(ops, scale.rescale(in), w, edges, bn, listener, scale), in);
      }
    }
    if (bn == BnMode.ALL) {
      h = scale.atScale(scale.batchNorm(ops, h));
    }
    listener.reluInput(h);
    h = ops.relu(h);
    listener.stageOutput(3, h);
    h = ops.globalAvgPool(h);
    listener.stageOutput(4, h);
    int cls = layers().size() - 1;
    NDArray logits = ops.linear(h, w.weight(cls), scale.atScale(w.bias(cls)));
    listener.layerOutput(cls, logits);
    return logits;
  }

  private NDArray cell(TensorOps ops, NDArray input, Weights w, int[] edges, BnMode bn, ForwardListener listener,
      Rescaling scale) {
    NDArray[] nodes = new NDArray[Nb201Architecture.NODES];
    nodes[0] = input;
    boolean all = listener.needsDeadOps();
    for (int node = 1; node < Nb201Architecture.NODES; node++) {
      NDArray sum = null;
      for (int e = 0; e < Nb201Architecture.EDGES; e++) {
        if (Nb201Architecture.edgeTo(e) != node || arch.op(e) == Nb201Op.NONE || !(all || arch.isEdgeLive(e))) {
          continue;
        }
        NDArray in = nodes[Nb201Architecture.edgeFrom(e)];
        NDArray out;
        switch (arch.op(e)) {
          case SKIP_CONNECT:
            out = in;
            break;
          case AVG_POOL_3X3:
            out = ops.avgPool3x3(in);
            break;
          default:
            listener.reluInput(in);
            int k = arch.op(e).kernelSize();
            out = convLayer(ops, ops.relu(in), w, edges[e], 1, k / 2, listener, scale);
            if (bn == BnMode.ALL) {
              out = scale.atScale(scale.batchNorm(ops, out));
            }
        }
        sum = sum == null ? out : sum.add(out);
      }
      // A node without (live) inputs is the zero tensor, as the reference's Zero op makes it.
      nodes[node] = sum == null ? input.zerosLike() : sum;
    }
    return nodes[Nb201Architecture.NODES - 1];
  }

  /** A residual block: the shortcut keeps x's exponent; the BN branch is at true scale until it joins it. */
  private NDArray reduction(TensorOps ops, NDArray x, Weights w, int[] l, ForwardListener listener,
      Rescaling scale) {
    NDArray xs = scale.rescale(x);
    listener.reluInput(xs);
    NDArray a = scale.batchNorm(ops, convLayer(ops, ops.relu(xs), w, l[0], 2, 1, listener, Rescaling.NONE));
    listener.reluInput(a);
    NDArray b = ops.batchNorm(convLayer(ops, ops.relu(a), w, l[1], 1, 1, listener, Rescaling.NONE));
    NDArray shortcut = convLayer(ops, ops.avgPool2x2(xs), w, l[2], 1, 0, listener, scale);
    return shortcut.add(scale.atScale(b));
  }

  private NDArray convLayer(TensorOps ops, NDArray x, Weights w, int layer, int stride, int padding,
      ForwardListener listener, Rescaling scale) {
    NDArray out = ops.conv(x, w.weight(layer), scale.atScale(w.bias(layer)), stride, padding);
    listener.layerOutput(layer, out);
    return out;
  }
}
