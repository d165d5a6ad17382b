package zcnas.network;

import java.util.Collections;
import java.util.List;

/**
 * What every {@link Network} holds besides its forward pass: input size, classes, the layers and the feature group of
 * each. A subclass lays out its layers in its constructor and hands them over once with {@link #define}.
 */
public abstract class LayeredNetwork implements Network {
  private final int classes;
  private final int inputSize;
  private List<Layer> layers;
  private int[] featureGroups;

  protected LayeredNetwork(int classes, int inputSize) {
    this.classes = classes;
    this.inputSize = inputSize;
  }

  /** The layers in forward order and, for each, the stage feature the official CRoZe pairs it with. */
  protected final void define(List<Layer> layers, List<Integer> featureGroups) {
    if (this.layers != null || layers.size() != featureGroups.size()) {
      throw new IllegalStateException("layers defined twice, or " + layers.size() + " layers for "
          + featureGroups.size() + " feature groups");
    }
    this.layers = Collections.unmodifiableList(layers);
    this.featureGroups = featureGroups.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public final List<Layer> layers() {
    return layers;
  }

  @Override
  public final int inputSize() {
    return inputSize;
  }

  @Override
  public final int classes() {
    return classes;
  }

  @Override
  public final int featureGroup(int layer) {
    return featureGroups[layer];
  }
}
