/**
 * Request traces: reading them (CSV, Mooncake JSONL), their statistics, and fitting a synthetic
 * workload to one.
 *
 * <p>A leaf beside {@code input}: imports nothing of the simulator but {@code input} (checked by
 * {@code DependencyRulesTest}).
 */
package io.fleetsim.trace;
