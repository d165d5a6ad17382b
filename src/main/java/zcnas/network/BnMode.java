package zcnas.network;

/** Which batch-normalisation layers a forward pass applies (always with batch statistics, as in train mode). */
public enum BnMode {
  /** Every BN of the network. */
  ALL,
  /** Only the BNs inside the residual reduction blocks: the reference code's "no-BN" copy (SynFlow, official CRoZe). */
  REDUCTION_ONLY
}
