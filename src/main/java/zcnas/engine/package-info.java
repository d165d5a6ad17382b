/**
 * The PyTorch engine through DJL: offline start, threads, device, the native environment (OpenMP waiting, the C
 * heap), safe tensors from Java values and numbers, and backward passes per thread.
 *
 * <p>May depend on: DJL and zcnas.util.
 */
package zcnas.engine;
