/**
 * The catalog of GPUs and models with their datasheet and published figures, precisions, and what
 * a replica's memory holds (weights, KV cache). Must not import any other fleetsim package.
 */
package io.fleetsim.hardware;
