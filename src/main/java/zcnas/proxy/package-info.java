/**
 * The zero-cost proxies, one class each (GradNorm, Snip, SynFlow, Naswot, CRoZe with its two variants), each a Weka
 * OptionHandler, GradNorm and Snip through GradientProxy (one term per layer of the shared gradient pass); the
 * registry Proxies (adding a proxy is one line there); ScoringSession and ArchitectureContext, which share images,
 * weights and passes between proxies.
 *
 * <p>May depend on: zcnas.network, zcnas.data, zcnas.engine, zcnas.stats, zcnas.util, DJL, and Weka's option
 * interfaces only.
 */
package zcnas.proxy;
