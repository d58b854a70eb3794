/**
 * Random streams, one per source of randomness and derived from (seed, name), so that strategies
 * run on the same seed see the same traffic (common random numbers). Must not import any other
 * fleetsim package.
 */
package io.fleetsim.random;
