package weka.attributeSelection;

public class ZeroCostEnsembleAttributeEvalTest extends ZeroCostEvaluatorTestBase {
  public ZeroCostEnsembleAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  protected ZeroCostAttributeEval newEvaluator() {
    return new ZeroCostEnsembleAttributeEval();
  }
}
