/**
 * Proxy-guided search: SearchObjective (budget, guide, ensemble by mean rank) and the strategies (random, warm-up
 * and move, aging evolution) over any SearchSpace.
 *
 * <p>May depend on: zcnas.space, zcnas.score, zcnas.proxy, zcnas.stats, zcnas.util.
 */
package zcnas.search;
