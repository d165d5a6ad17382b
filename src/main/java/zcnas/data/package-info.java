/**
 * The real images the proxies see: the CIFAR binary formats, the image sets of the three NAS-Bench-201 data sets
 * (CifarDataset, with the ImageNet16-120 stand-in), seeded and reference batches, where the shared data lives.
 *
 * <p>May depend on: zcnas.util and zcnas.engine (tensors from Java values).
 */
package zcnas.data;
