package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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

    int parts = single && net.imagesIndependent(BnMode.REDUCTION_ONLY) ? Math.min(2, (int) x.getShape().get(0)) : 1;
    Pass clean = new Pass(context, held, parts, true);
    NDArray[] g = clean.gradients(net, x, single ? abs.map(a -> a.toType(type, false)) : abs, y, false);

    NDArray[] robustW = new NDArray[layers.size()];
    NDArray[] robustB = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      NDArray w = abs.weight(i);
      robustB[i] = abs.bias(i);
      if (g[i] == null) {
        robustW[i] = w;
      } else {
        // The code's SGD step on -CE gives diff = LR g; it rescales diff to beta ||w|| (EPS 1e-30).
        NDArray gi = g[i];
        robustW[i] = Scope.run(context.manager(), () -> {
          NDArray diff = gi.mul(LR);
          return w.add(diff.mul(settings.getBeta() * Consistency.scalar(w.norm())
              / (Consistency.scalar(diff.norm()) + 1e-30)));
        }, gi, w);
      }
    }
    Weights robust = single ? new Weights(robustW, robustB).map(a -> a.toType(type, false))
        : new Weights(robustW, robustB);

    NDArray perturbed;
    NDArray[] grFgsm = null;
    if (settings.perturbationKind() == CRoZe.Perturbation.FGSM) {
      Pass fgsm = new Pass(context, held, parts, false);
      grFgsm = fgsm.gradients(net, x, robust, y, true);
      perturbed = x.sub(fgsm.inputGradient().sign().mul(STEP)).clip(0, 1);
    } else {
      NDArray noise = Consistency.gaussianNoise(context.manager(), x.getShape(), settings.getSeed())
          .toType(type, false);
      perturbed = x.add(noise.mul(STEP)).clip(0, 1);
    }

    Pass robustPass = new Pass(context, held, parts, true);
    NDArray[] grPerturbed = robustPass.gradients(net, perturbed, robust, y, false);

    // Z depends only on the layer's feature group: one cosine per group (a DARTS cell has ~30 layers reading its
    // whole feature map). Groups and layers are independent tasks, which the session's inter-op threads share. Each
    // term's temporaries are freed at once, not when the architecture is done.
    int[] groups = IntStream.range(0, layers.size()).filter(i -> g[i] != null).map(net::featureGroup).distinct()
        .toArray();
    Map<Integer, NDArray> zByGroup = new ConcurrentHashMap<>();
    List<Runnable> work = new ArrayList<>();
    for (int group : groups) {
      work.add(() -> zByGroup.put(group, Scope.run(context.manager(),
          () -> Consistency.cosineDim0(robustPass.feature(group), clean.feature(group), cosine).add(1).sum(),
          robustPass.features(group, clean))));
    }
    context.session().runParts(work);
    work.clear();
    NDArray[] rows = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      if (g[i] == null) {
        continue;
      }
      int layer = i;
      NDArray z = zByGroup.get(net.featureGroup(i));
      NDArray gi = g[i];
      NDArray rw = robustW[i];
      NDArray aw = abs.weight(i);
      NDArray g2 = grPerturbed[i];
      NDArray g1 = grFgsm == null ? null : grFgsm[i];
      NDArray[] inputs = g1 == null ? new NDArray[] {gi, rw, aw, g2} : new NDArray[] {gi, rw, aw, g1, g2};
      work.add(() -> rows[layer] = Scope.run(context.manager(), () -> Consistency.row(z,
          Consistency.cosineDim0(rw, aw, cosine).add(1).sum(),
          // the code never zeroes the robust gradient between its FGSM pass and its perturbed pass
          Consistency.cosineDim0((g1 == null ? g2.zerosLike() : g1).add(g2), gi, cosine).abs().sum()), inputs));
    }
    context.session().runParts(work);
    NDList terms = new NDList();
    Arrays.stream(rows).filter(Objects::nonNull).forEach(terms::add);
    return Consistency.toMatrix(terms);
  }

  /**
   * One forward and backward pass of the cross-entropy over the batch, its weight gradients returned in float64 at
   * true scale. In a rescaled pass the loss is sum(logits' s) with s = 2^SEED_EXPONENT dCE/dlogits computed in
   * float64 from the true logits (the logits' 2^e): the gradients are then 2^(SEED_EXPONENT - e) the true ones, which
   * keeps the smallest of them (those reaching a reduction block's BN branch, 2^-e its share of the block's output)
   * above float32's underflow.
   *
   * <p>Where no image's pass reads another's (no BN), the batch may run as parts of consecutive images, each a pass
   * of its own at its own exponent, whose gradients add at true scale and whose features and input gradients are
   * stacked: that is the same function, and {@link ScoringSession#runParts} may run the parts at once on two cores.
   * The split depends only on the network and the batch, so the scores do not depend on how the parts ran.
   */
  private static final class Pass {
    private static final int SEED_EXPONENT = 60;
    private final ArchitectureContext context;
    /** Where a single-precision pass leaves its logits, gradients and features as computed; null in double. */
    private final List<NDArray> held;
    private final Part[] parts;

    Pass(ArchitectureContext context, List<NDArray> held, int parts, boolean recordFeatures) {
      this.context = context;
      this.held = held;
      this.parts = new Part[parts];
      for (int p = 0; p < parts; p++) {
        Rescaling scale = held != null ? new Rescaling(context.manager()) : Rescaling.NONE;
        this.parts[p] = new Part(scale, recordFeatures ? new Consistency.StageOutputs(context.manager(), scale) : null);
      }
    }

    /** The weight gradients (float64, true scale) for images x under weights; inputGradient: x's too. */
    NDArray[] gradients(Network net, NDArray x, Weights weights, NDArray y, boolean inputGradient) {
      long n = x.getShape().get(0);
      List<Runnable> work = new ArrayList<>();
      for (int p = 0; p < parts.length; p++) {
        Part part = parts[p];
        String rows = n * p / parts.length + ":" + n * (p + 1) / parts.length;
        NDArray xp = parts.length == 1 ? x : x.get(rows);
        NDArray yp = parts.length == 1 ? y : y.get(rows);
        work.add(() -> part.run(net, xp, weights, yp, n, inputGradient));
      }
      context.session().runParts(work);
      NDArray[] g = parts[0].gradients;
      for (int p = 1; p < parts.length; p++) {
        for (int i = 0; i < g.length; i++) {
          if (g[i] != null) {
            NDArray sum = g[i].add(parts[p].gradients[i]);
            g[i].close();
            parts[p].gradients[i].close();
            g[i] = sum;
          }
        }
      }
      if (held != null) {
        for (Part part : parts) {
          held.addAll(part.held);
          if (part.features != null) {
            held.addAll(part.features.held());
          }
        }
      }
      return g;
    }

    /** The input's gradient (its sign is all that is read: each part's scale is a positive power of two). */
    NDArray inputGradient() {
      return stack(p -> p.input.getGradient());
    }

    /** A stage feature in float64 at true scale. */
    NDArray feature(int group) {
      return stack(p -> p.features.trueScale(group));
    }

    /** A stage feature of this pass and of another, as held: what computing from them reads. */
    NDArray[] features(int group, Pass other) {
      return Stream.concat(Arrays.stream(parts), Arrays.stream(other.parts))
          .map(p -> p.features.get(group)).toArray(NDArray[]::new);
    }

    private NDArray stack(Function<Part, NDArray> f) {
      if (parts.length == 1) {
        return f.apply(parts[0]);
      }
      NDList list = new NDList();
      for (Part part : parts) {
        list.add(f.apply(part));
      }
      return NDArrays.concat(list, 0);
    }

    /** One part's pass: its own exponent, features and held tensors. */
    private final class Part {
      final Rescaling scale;
      final Consistency.StageOutputs features;
      final List<NDArray> held = new ArrayList<>();
      NDArray[] gradients;
      NDArray input;

      Part(Rescaling scale, Consistency.StageOutputs features) {
        this.scale = scale;
        this.features = features;
      }

      /**
       * The pass in a manager of its own, closed after it: the blocks' outputs that the network keeps for the
       * backward pass go with it. What the part hands on (logits, gradients) moves to the context.
       */
      void run(Network net, NDArray x, Weights weights, NDArray y, long batch, boolean inputGradient) {
        NDManager keep = context.manager();
        if (inputGradient) {
          x = x.duplicate();
          x.setRequiresGradient(true);
        }
        input = x;
        NDArray in = x;
        try (NDManager pass = keep.newSubManager()) {
          Weights w = weights.map(a -> {
            NDArray copy = a.duplicate();
            copy.attach(pass);
            return copy;
          }).requireGradients();
          ForwardListener listener = features == null ? ForwardListener.NONE : features;
          Backward.run(() -> {
            NDArray logits = net.forward(in, w, BnMode.REDUCTION_ONLY, listener, scale);
            // kept without its graph: a tensor of the graph keeps what the backward pass does not free
            NDArray kept = logits.stopGradient();
            kept.attach(keep);
            held.add(kept);
            NDArray loss = scale == Rescaling.NONE ? ArchitectureContext.crossEntropy(logits, y)
                : seeded(logits, y, batch);
            return in.hasGradient() ? loss.add(Consistency.inputAnchor(in)) : loss;
          });
          NDArray[] g = Consistency.gradients(net.layers(), w);
          for (int i = 0; i < g.length; i++) {
            if (g[i] != null) {
              g[i].attach(keep);
              if (scale != Rescaling.NONE) {
                held.add(g[i]);
                g[i] = Consistency.trueScale(g[i], scale.exponent() - SEED_EXPONENT);
              }
            }
          }
          gradients = g;
        }
      }

      /** The seed of the batch's mean cross-entropy (batch images) restricted to this part's logits. */
      private NDArray seeded(NDArray logits, NDArray y, long batch) {
        NDArray trueLogits = Consistency.trueScale(logits.stopGradient(), scale.exponent());
        NDArray seed = trueLogits.softmax(1).sub(y).div(batch)
            .mul(Math.scalb(1.0, SEED_EXPONENT)).toType(logits.getDataType(), false);
        return logits.mul(seed).sum();
      }
    }
  }
}
