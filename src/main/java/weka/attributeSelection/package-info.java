/**
 * The attribute evaluators of the package: CRoZeAttributeEval and the other proxies' evaluators over
 * ZeroCostAttributeEval, thin adapters over zcnas.weka.InstanceScorer.
 *
 * <p>May depend on: Weka and zcnas.*.
 */
package weka.attributeSelection;
