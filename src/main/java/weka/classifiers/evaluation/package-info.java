/**
 * Spearman rho and Kendall tau as Weka plugin evaluation metrics.
 *
 * <p>May depend on: Weka and zcnas.stats.
 */
package weka.classifiers.evaluation;
