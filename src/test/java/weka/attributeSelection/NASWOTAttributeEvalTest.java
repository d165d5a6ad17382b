package weka.attributeSelection;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's evaluator harness (options, GOE, capabilities, serialisation) on its generated data sets. */
public class NASWOTAttributeEvalTest extends AbstractEvaluatorTest {
  public NASWOTAttributeEvalTest(String name) {
    super(name);
  }

  @Override
  public ASEvaluation getEvaluator() {
    NASWOTAttributeEval e = new NASWOTAttributeEval();
    // The harness's random strings are no architectures: they are skipped, which is what is tested here.
    e.getScoring().setSkipBad(true);
    e.getScoring().setCache("none");
    return e;
  }

  @Override
  public ASSearch getSearch() {
    return new Ranker();
  }

  public static Test suite() {
    return new TestSuite(NASWOTAttributeEvalTest.class);
  }
}
