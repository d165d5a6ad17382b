/**
 * NAS-Bench-201: cells and their canonical form, the zero-cost reference network, the benchmark tables (accuracies,
 * robustness, adversarially trained) and the targets a score file carries.
 *
 * <p>May depend on: zcnas.space, zcnas.network, zcnas.data, zcnas.engine, zcnas.util, Commons CSV.
 */
package zcnas.space.nb201;
