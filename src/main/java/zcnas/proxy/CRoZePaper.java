package zcnas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import zcnas.data.ImageBatch;
import zcnas.engine.Backward;
import zcnas.network.ForwardListener;
import zcnas.network.Layer;
import zcnas.network.Network;
import zcnas.network.Weights;

/**
 * CRoZe as Algorithm 1 of the paper prints it: three forward/backward passes (two with Gaussian noise), robust
 * weights theta_r = theta + beta ||theta|| g / ||g||, one gradient step of size gamma on both networks before P,
 * cosines of whole flattened tensors, every layer's own output as its feature.
 */
final class CRoZePaper {
  private CRoZePaper() {
  }

  /** Rows {Z, P, G} of the live layers. */
  static double[][] components(CRoZe settings, ArchitectureContext context) {
    Network net = context.network();
    List<Layer> layers = net.layers();
    CRoZe.Cosine cosine = settings.cosineKind();
    ImageBatch batch = context.batch(settings.getBatchSize(), settings.getSeed());
    NDArray x = context.images(batch);
    NDArray y = context.oneHot(batch, DataType.FLOAT32);
    Weights base = context.weights(settings.initializer(), settings.getSeed());

    // Pass 1: clean network on clean images; its gradient also gives the robust direction.
    Weights clean = base.map(NDArray::duplicate).requireGradients();
    Consistency.LayerOutputs z = new Consistency.LayerOutputs(layers.size(), context.manager());
    Backward.run(() -> ArchitectureContext.crossEntropy(net.forward(x, clean, settings.bnMode(), z), y));
    NDArray[] g = Consistency.gradients(layers, clean);

    NDArray[] robustW = new NDArray[layers.size()];
    NDArray[] robustB = new NDArray[layers.size()];
    for (int i = 0; i < layers.size(); i++) {
      NDArray w = base.weight(i);
      robustB[i] = base.bias(i);
      double gn = g[i] == null ? 0 : Consistency.scalar(g[i].norm());
      robustW[i] = gn > 0 ? w.add(g[i].mul(settings.getBeta() * Consistency.scalar(w.norm()) / gn)) : w;
    }
    Weights robust = new Weights(robustW, robustB);

    NDArray perturbed = perturbedImages(settings, context, robust, x, y);

    // Pass 3: robust network on perturbed images.
    Weights robustGrad = robust.map(NDArray::duplicate).requireGradients();
    Consistency.LayerOutputs zr = new Consistency.LayerOutputs(layers.size(), context.manager());
    Backward.run(() -> ArchitectureContext.crossEntropy(net.forward(perturbed, robustGrad, settings.bnMode(), zr), y));
    NDArray[] gr = Consistency.gradients(layers, robustGrad);

    double gamma = settings.getGamma();
    NDList terms = new NDList();
    for (int i = 0; i < layers.size(); i++) {
      if (g[i] == null) {
        continue;
      }
      NDArray theta1 = base.weight(i).sub(g[i].mul(gamma));
      NDArray thetaR1 = robustW[i].sub(gr[i].mul(gamma));
      terms.add(Consistency.row(Consistency.cosine(z.get(i), zr.get(i), cosine).add(1),
          Consistency.cosine(theta1, thetaR1, cosine).add(1), Consistency.cosine(g[i], gr[i], cosine).abs()));
    }
    return Consistency.toMatrix(terms);
  }

  /** FGSM against the robust network (one more forward/backward), or seeded Gaussian noise; both of scale eps. */
  private static NDArray perturbedImages(CRoZe settings, ArchitectureContext context, Weights robust, NDArray x,
      NDArray y) {
    double eps = settings.getEpsilon();
    NDArray step = channelConstant(context, c -> eps / context.dataset().std(c));
    NDArray direction;
    if (settings.perturbationKind() == CRoZe.Perturbation.FGSM) {
      NDArray input = x.duplicate();
      input.setRequiresGradient(true);
      Backward.run(() -> ArchitectureContext.crossEntropy(
          context.network().forward(input, robust, settings.bnMode(), ForwardListener.NONE), y)
          .add(Consistency.inputAnchor(input)));
      direction = input.getGradient().sign();
    } else {
      direction = Consistency.gaussianNoise(context.manager(), x.getShape(), settings.getSeed());
    }
    // Keep the perturbed image a valid image: [0, 1] in pixel units, i.e. [-mean/std, (1-mean)/std] per channel.
    NDArray low = channelConstant(context, c -> -context.dataset().mean(c) / context.dataset().std(c));
    NDArray high = channelConstant(context,
        c -> (1 - context.dataset().mean(c)) / context.dataset().std(c));
    return x.add(direction.mul(step)).maximum(low).minimum(high);
  }

  private static NDArray channelConstant(ArchitectureContext context, IntToDoubleFunction f) {
    return context.manager().create(new float[] {(float) f.applyAsDouble(0), (float) f.applyAsDouble(1),
        (float) f.applyAsDouble(2)}, new Shape(1, 3, 1, 1));
  }
}
