/**
 * Benchmarks kept apart from the tests: the bare event engine on an M/M/c queue, the fixed
 * {@link java.util.PriorityQueue} reference the speed suite divides by, the suite's own
 * workloads, and CPU-time readings (never wall time, which measures the neighbours on a shared
 * machine).
 */
package io.fleetsim.bench;
