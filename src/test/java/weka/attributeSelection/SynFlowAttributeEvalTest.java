package weka.attributeSelection;

public class SynFlowAttributeEvalTest extends ZeroCostEvaluatorTestBase {
  public SynFlowAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  protected ZeroCostAttributeEval newEvaluator() {
    return new SynFlowAttributeEval();
  }
}
