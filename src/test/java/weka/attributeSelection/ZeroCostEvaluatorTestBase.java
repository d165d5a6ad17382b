package weka.attributeSelection;

import zcnas.weka.WekaHarness;

/**
 * Weka's evaluator harness (options, GOE, capabilities, serialisation, regression output) for the zero-cost
 * evaluators. The harness's random strings are no architectures: they are skipped, which is what is tested here;
 * real data is tested in zcnas.weka.WekaAdaptersOnRealDataIT.
 */
public abstract class ZeroCostEvaluatorTestBase extends AbstractEvaluatorTest {
  protected ZeroCostEvaluatorTestBase(String name) {
    super(name);
  }

  protected abstract ZeroCostAttributeEval newEvaluator();

  @Override
  public ASEvaluation getEvaluator() {
    ZeroCostAttributeEval e = newEvaluator();
    e.setScoring(WekaHarness.scoring());
    return e;
  }

  @Override
  public ASSearch getSearch() {
    return new Ranker();
  }
}
