package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zcnas.data.ImageBatch;
import zcnas.engine.Backward;
import zcnas.network.BnMode;
import zcnas.network.ForwardListener;
import zcnas.network.Layer;
import zcnas.network.Network;
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

  /** Rows {Z, P, G} of the live layers. */
  static double[][] components(CRoZe settings, ArchitectureContext context) {
    Network net = context.network();
    List<Layer> layers = net.layers();
    CRoZe.Cosine cosine = settings.cosineKind();
    ImageBatch batch = context.batch(settings.getBatchSize(), settings.getSeed());
    NDArray x = context.images(batch).toType(DataType.FLOAT64, false);
    NDArray y = context.oneHot(batch, DataType.FLOAT64);
    Weights abs = context.weights(settings.initializer(), settings.getSeed())
        .map(a -> a.abs().toType(DataType.FLOAT64, false));

    Weights clean = abs.map(NDArray::duplicate).requireGradients();
    Consistency.StageOutputs feats = new Consistency.StageOutputs(context.manager());
    Backward.run(() -> ArchitectureContext.crossEntropy(net.forward(x, clean, BnMode.REDUCTION_ONLY, feats), y));
    NDArray[] g = Consistency.gradients(layers, clean);

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
    Weights robust = new Weights(robustW, robustB);

    NDArray perturbed;
    NDArray[] grFgsm = null;
    if (settings.perturbationKind() == CRoZe.Perturbation.FGSM) {
      Weights robustFgsm = robust.map(NDArray::duplicate).requireGradients();
      NDArray input = x.duplicate();
      input.setRequiresGradient(true);
      Backward.run(() -> ArchitectureContext.crossEntropy(
          net.forward(input, robustFgsm, BnMode.REDUCTION_ONLY, ForwardListener.NONE), y)
          .add(Consistency.inputAnchor(input)));
      perturbed = x.sub(input.getGradient().sign().mul(STEP)).clip(0, 1);
      grFgsm = Consistency.gradients(layers, robustFgsm);
    } else {
      NDArray noise = Consistency.gaussianNoise(context.manager(), x.getShape(), settings.getSeed())
          .toType(DataType.FLOAT64, false);
      perturbed = x.add(noise.mul(STEP)).clip(0, 1);
    }

    Weights robustGrad = robust.map(NDArray::duplicate).requireGradients();
    Consistency.StageOutputs featsR = new Consistency.StageOutputs(context.manager());
    NDArray perturbedInput = perturbed;
    Backward.run(() -> ArchitectureContext.crossEntropy(
        net.forward(perturbedInput, robustGrad, BnMode.REDUCTION_ONLY, featsR), y));
    NDArray[] grPerturbed = Consistency.gradients(layers, robustGrad);

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
          () -> Consistency.cosineDim0(featsR.get(k), feats.get(k), cosine).add(1).sum(),
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
}
