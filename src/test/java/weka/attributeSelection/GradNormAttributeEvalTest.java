package weka.attributeSelection;

public class GradNormAttributeEvalTest extends ZeroCostEvaluatorTestBase {
  public GradNormAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  protected ZeroCostAttributeEval newEvaluator() {
    return new GradNormAttributeEval();
  }
}
