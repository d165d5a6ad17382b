package weka.attributeSelection;

public class NASWOTAttributeEvalTest extends ZeroCostEvaluatorTestBase {
  public NASWOTAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  protected ZeroCostAttributeEval newEvaluator() {
    return new NASWOTAttributeEval();
  }
}
