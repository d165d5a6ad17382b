/**
 * The DARTS space: genotypes in the DARTS notation, cells, the operation pool and NetworkCIFAR.
 *
 * <p>May depend on: zcnas.space, zcnas.network, zcnas.data, zcnas.util.
 */
package zcnas.space.darts;
