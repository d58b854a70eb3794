/**
 * Measured kernel latencies (GEMM, prefill and decode attention, all-reduce, all-to-all, MoE
 * blocks) of one engine version on one GPU, as shipped in {@code resources/kernels/}, and the
 * interpolation between measured shapes. Also the command-side helpers that build the shipped
 * tables from the raw AIConfigurator database and check them on held-out rows. Knows GPUs and
 * dtypes by the database's names; knows nothing of requests, batches or pools, and must not
 * import any other fleetsim package.
 */
package io.fleetsim.kernels;
