package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zcnas.data.ImageBatch;
import zcnas.engine.Backward;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Layer;
import zcnas.network.Network;
import zcnas.network.Rescaling;
import zcnas.network.Scope;
import zcnas.network.Weights;

/**
 * CRoZe as the authors' public code (HyeonjeongHa/CRoZe, measures/croze.py) computes it: absolute weights in double
 * precision, BN only in the reduction blocks, robust weights from the clean gradient (beta = 2.0 there), "FGSM"
 * x' = clamp(x - 0.01 sign(grad), 0, 1) (or 0.01 N(0, 1) noise in its place), the robust gradient accumulated over
 * its FGSM pass and its perturbed pass, no gamma step, cosines along dimension 0 summed, features shared by groups
 * of layers ({@link Network#featureGroup}). doc/croze.md lists every difference from the paper.
 */
final class CRoZeOfficial {
  /** The code's fixed perturbation step, in normalised units. */
  private static final double STEP = 0.01;
  /** The code's SGD learning rate for the robust direction; only its direction survives the rescaling. */
  private static final double LR = 0.001;

  private CRoZeOfficial() {
  }

  /**
   * Rows {Z, P, G} of the live layers. In single precision (where the network takes a rescaled pass) the three
   * network passes run in float32 at a running exponent ({@link Rescaling}) and everything else in float64 on their
   * results at true scale, so each cosine sees what the authors' float64 code sees, to float32's rounding, overflow
   * to 0 included. A result that is not finite is computed again in float64, unless every logit, gradient and stage
   * feature of the float32 passes was finite as held: then it became so in the float64 steps after the passes, on
   * the values (at true scale) that the authors' float64 passes compute, so the float64 pass, five times as long and
   * twice the memory, would give it again (on DARTS: NaN).
   */
  static double[][] components(CRoZe settings, ArchitectureContext context) {
    if (settings.single() && context.network().rescales()) {
      List<NDArray> held = new ArrayList<>();
      double[][] zpg = components(settings, context, held);
      if (Arrays.stream(zpg).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite)
          || held.stream().allMatch(Consistency::allFinite)) {
        return zpg;
      }
    }
    return components(settings, context, null);
  }

  /** The rows; held, where not null, runs the passes in single precision and receives every float32 result. */
  static double[][] components(CRoZe settings, ArchitectureContext context, List<NDArray> held) {
    boolean single = held != null;
    Network net = context.network();
    List<Layer> layers = net.layers();
    CRoZe.Cosine cosine = settings.cosineKind();
    DataType type = single ? DataType.FLOAT32 : DataType.FLOAT64;
    ImageBatch batch = context.batch(settings.getBatchSize(), settings.getSeed());
    NDArray x = context.images(batch).toType(type, false);
    NDArray y = context.oneHot(batch, DataType.FLOAT64);
    Weights abs = context.weights(settings.initializer(), settings.getSeed())
        .map(a -> a.abs().toType(DataType.FLOAT64, false));

    Pass clean = new Pass(context, held);
    Consistency.StageOutputs feats = new Consistency.StageOutputs(context.manager(), clean.scale);
    NDArray[] g = clean.gradients(net, x, single ? abs.map(a -> a.toType(type, false)) : abs, feats, y);

    NDArray[] robustW = new NDArray[layers.size()];
    NDArray[] robustB = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      NDArray w = abs.weight(i);
      robustB[i] = abs.bias(i);
      if (g[i] == null) {
        robustW[i] = w;
      } else {
        // The code's SGD step on -CE gives diff = LR g; it rescales diff to beta ||w|| (EPS 1e-30).
        NDArray diff = g[i].mul(LR);
        robustW[i] = w.add(diff.mul(settings.getBeta() * Consistency.scalar(w.norm())
            / (Consistency.scalar(diff.norm()) + 1e-30)));
      }
    }
    Weights robust = single ? new Weights(robustW, robustB).map(a -> a.toType(type, false))
        : new Weights(robustW, robustB);

    NDArray perturbed;
    NDArray[] grFgsm = null;
    if (settings.perturbationKind() == CRoZe.Perturbation.FGSM) {
      NDArray input = x.duplicate();
      input.setRequiresGradient(true);
      grFgsm = new Pass(context, held).gradients(net, input, robust, ForwardListener.NONE, y);
      perturbed = x.sub(input.getGradient().sign().mul(STEP)).clip(0, 1);
    } else {
      NDArray noise = Consistency.gaussianNoise(context.manager(), x.getShape(), settings.getSeed())
          .toType(type, false);
      perturbed = x.add(noise.mul(STEP)).clip(0, 1);
    }

    Pass robustPass = new Pass(context, held);
    Consistency.StageOutputs featsR = new Consistency.StageOutputs(context.manager(), robustPass.scale);
    NDArray[] grPerturbed = robustPass.gradients(net, perturbed, robust, featsR, y);

    if (single) {
      held.addAll(feats.held());
      held.addAll(featsR.held());
    }
    NDList terms = new NDList();
    // Z depends only on the layer's feature group: one cosine per group (a DARTS cell has ~30 layers reading its
    // whole feature map). Each term's temporaries are freed at once, not when the architecture is done.
    Map<Integer, NDArray> zByGroup = new HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      if (g[i] == null) {
        continue;
      }
      int group = net.featureGroup(i);
      NDArray z = zByGroup.computeIfAbsent(group, k -> Scope.run(context.manager(),
          () -> Consistency.cosineDim0(featsR.trueScale(k), feats.trueScale(k), cosine).add(1).sum(),
          featsR.get(k), feats.get(k)));
      NDArray gi = g[i];
      NDArray rw = robustW[i];
      NDArray aw = abs.weight(i);
      NDArray g2 = grPerturbed[i];
      // the code never zeroes the robust gradient between its FGSM pass and its perturbed pass
      NDArray g1 = grFgsm == null ? g2.zerosLike() : grFgsm[i];
      terms.add(Scope.run(context.manager(), () -> Consistency.row(z,
          Consistency.cosineDim0(rw, aw, cosine).add(1).sum(),
          Consistency.cosineDim0(g1.add(g2), gi, cosine).abs().sum()), gi, rw, aw, g1, g2));
    }
    return Consistency.toMatrix(terms);
  }

  /**
   * One forward and backward pass of the cross-entropy, its weight gradients returned in float64 at true scale. In
   * a rescaled pass the loss is sum(logits' s) with s = 2^SEED_EXPONENT dCE/dlogits computed in float64 from the true
   * logits (the logits' 2^e): the gradients are then 2^(SEED_EXPONENT - e) the true ones, which keeps the smallest of
   * them (those reaching a reduction block's BN branch, 2^-e its share of the block's output) above float32's
   * underflow.
   */
  private static final class Pass {
    private static final int SEED_EXPONENT = 60;
    final Rescaling scale;
    /** Where a single-precision pass leaves its logits and gradients as computed; null in double precision. */
    private final List<NDArray> held;

    Pass(ArchitectureContext context, List<NDArray> held) {
      scale = held != null ? new Rescaling(context.manager()) : Rescaling.NONE;
      this.held = held;
    }

    NDArray[] gradients(Network net, NDArray x, Weights weights, ForwardListener listener, NDArray y) {
      Weights w = weights.map(NDArray::duplicate).requireGradients();
      Backward.run(() -> {
        NDArray logits = net.forward(x, w, BnMode.REDUCTION_ONLY, listener, scale);
        if (held != null) {
          held.add(logits);
        }
        NDArray loss = scale == Rescaling.NONE ? ArchitectureContext.crossEntropy(logits, y) : seeded(logits, y);
        return x.hasGradient() ? loss.add(Consistency.inputAnchor(x)) : loss;
      });
      NDArray[] g = Consistency.gradients(net.layers(), w);
      if (scale != Rescaling.NONE) {
        for (int i = 0; i < g.length; i++) {
          if (g[i] != null) {
            held.add(g[i]);
            g[i] = Consistency.trueScale(g[i], scale.exponent() - SEED_EXPONENT);
          }
        }
      }
      return g;
    }

    private NDArray seeded(NDArray logits, NDArray y) {
      NDArray trueLogits = Consistency.trueScale(logits.stopGradient(), scale.exponent());
      NDArray seed = trueLogits.softmax(1).sub(y).div(y.getShape().get(0))
          .mul(Math.scalb(1.0, SEED_EXPONENT)).toType(logits.getDataType(), false);
      return logits.mul(seed).sum();
    }
  }
}
