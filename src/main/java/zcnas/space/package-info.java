/**
 * Search spaces as every tool sees them: SearchSpace (notation, draws, neighbours, enumeration, canonical form,
 * network), the registry Spaces (the one place that lists the implementations), benchmark tables (Benchmark) and
 * architecture lists read from files. Each implementation is a sub-package.
 *
 * <p>May depend on: zcnas.network, zcnas.data, zcnas.util; the registry also names its sub-packages.
 */
package zcnas.space;
