/**
 * The prepared experiments (the paper's tables): their specifications, the runner (every target on its own data
 * set's images, seeds, ensembles, the corrected t-test), results as CSV, ARFF, Markdown and plots; the same
 * experiments as saved Weka Experimenter files (SavedExperiments).
 *
 * <p>May depend on: zcnas.score, zcnas.proxy, zcnas.space, zcnas.stats, zcnas.data, zcnas.weka (Experimenter result
 * sets), Weka and its ZeroCostProxyRegressor (saved experiments), XChart.
 */
package zcnas.experiment;
