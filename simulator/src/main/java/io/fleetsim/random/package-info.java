/**
 * Random streams, one per source of randomness and derived from (seed, name), so that strategies
 * run on the same seed see the same traffic (common random numbers).
 */
package io.fleetsim.random;
