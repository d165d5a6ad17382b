/**
 * The prepared experiments (the paper's tables): their specifications, the runner (every target on its own data
 * set's images, seeds, ensembles, the corrected t-test), results as CSV, ARFF, Markdown and plots; the few-shot
 * experiment, where Weka regressors trained on a few labelled architectures' proxy scores and cells predict the
 * accuracies of the rest; and the same experiments as saved Weka Experimenter files (SavedExperiments).
 *
 * <p>May depend on: zcnas.score, zcnas.proxy, zcnas.space, zcnas.stats, zcnas.data, zcnas.weka (Experimenter result
 * sets), Weka's classifiers and its ZeroCostProxyRegressor (saved experiments), XChart.
 */
package zcnas.experiment;
