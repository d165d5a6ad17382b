/**
 * Scoring many architectures: Scorer (cache first, one network per architecture, every proxy on it) behind
 * BatchScorer, IsomorphSharing (one scoring per isomorphism class, given to every member), the persistent
 * checksummed ScoreCache, and ScoreTable (score files as CSV and ARFF, written atomically, read back).
 *
 * <p>May depend on: zcnas.proxy, zcnas.space, zcnas.util, Commons CSV.
 */
package zcnas.score;
