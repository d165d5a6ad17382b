package weka.attributeSelection;

public class CRoZeAttributeEvalTest extends ZeroCostEvaluatorTestBase {
  public CRoZeAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  protected ZeroCostAttributeEval newEvaluator() {
    return new CRoZeAttributeEval();
  }
}
