/**
 * Queueing theory used as independent truth: Erlang C and Pollaczek-Khinchine formulas. Must not
 * import any other fleetsim package, so that it stays independent of what it checks.
 */
package io.fleetsim.theory;
