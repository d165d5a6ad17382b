package weka.attributeSelection;

public class SnipAttributeEvalTest extends ZeroCostEvaluatorTestBase {
  public SnipAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  protected ZeroCostAttributeEval newEvaluator() {
    return new SnipAttributeEval();
  }
}
