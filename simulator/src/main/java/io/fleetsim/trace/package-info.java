/**
 * Request traces: reading them (CSV, Mooncake JSONL), their statistics, and fitting a synthetic
 * workload to one.
 */
package io.fleetsim.trace;
