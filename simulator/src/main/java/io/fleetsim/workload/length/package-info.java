/**
 * Samplers of token lengths, one per distribution of {@link io.fleetsim.spec.LengthSpec}, and
 * of (prompt, output) pairs. Each draws only from the stream it is given.
 */
package io.fleetsim.workload.length;
