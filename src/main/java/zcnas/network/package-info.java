/**
 * Networks as pure functions of their weights (Network, Layer, Weights, BnMode, ForwardListener), the tensor
 * operations they are built from, memory scoping of blocks, single precision at a running exponent (Rescaling), and
 * the weight initialisations. The concrete networks live with their space (zcnas.space.nb201, zcnas.space.darts).
 *
 * <p>May depend on: DJL, zcnas.engine and zcnas.util.
 */
package zcnas.network;
