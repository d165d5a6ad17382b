/**
 * ZeroCostProxyRegressor: a proxy as a regression scheme, for the Experimenter.
 *
 * <p>May depend on: Weka and zcnas.*.
 */
package weka.classifiers.functions;
