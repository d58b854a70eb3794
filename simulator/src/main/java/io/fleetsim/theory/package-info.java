/**
 * Queueing theory used as independent truth: Erlang C and Pollaczek-Khinchine formulas.
 */
package io.fleetsim.theory;
