/**
 * ZeroCostProxyScores: appends proxy scores to a data set of architectures.
 *
 * <p>May depend on: Weka and zcnas.*.
 */
package weka.filters.unsupervised.attribute;
