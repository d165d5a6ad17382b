/**
 * Statistics of scores: Spearman and Kendall, rank aggregation of ensembles (mean rank, vote, rank product),
 * log-determinants.
 *
 * <p>May depend on: Commons Math only.
 */
package zcnas.stats;
