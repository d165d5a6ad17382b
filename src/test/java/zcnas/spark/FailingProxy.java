package zcnas.spark;

import weka.core.TechnicalInformation;
import zcnas.space.nb201.Nb201Network;
import zcnas.proxy.ArchitectureContext;
import zcnas.proxy.ZeroCostProxy;
import zcnas.util.ZcnasException;

/** A test proxy: 1.0 for every NB201 architecture but one, on which it fails as a broken network would. */
final class FailingProxy extends ZeroCostProxy {
  private static final long serialVersionUID = 1L;
  private final String bad;

  FailingProxy(String bad) {
    this.bad = bad;
  }

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public String globalInfo() {
    return "Fails on one architecture.";
  }

  @Override
  protected int defaultBatchSize() {
    return 1;
  }

  @Override
  public double score(ArchitectureContext context) {
    if (((Nb201Network) context.network()).architecture().toString().equals(bad)) {
      throw new ZcnasException("cannot build this network (injected by the test)");
    }
    return 1.0;
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return new TechnicalInformation(TechnicalInformation.Type.MISC);
  }
}
