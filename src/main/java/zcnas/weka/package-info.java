/**
 * What the Weka adapters (weka.*) share: the settings beans InstanceScorer (architecture attribute and space, images,
 * device, cache, scoring of a data set's instances with progress) and ProxySelection / ProxyEnsemble (the proxies as
 * Weka options, and the rank aggregation of several), progress shown in the GUI, and Experimenter result sets with
 * the paired corrected t-tester.
 *
 * <p>May depend on: Weka, zcnas.score, zcnas.proxy, zcnas.space, zcnas.data, zcnas.util.
 */
package zcnas.weka;
