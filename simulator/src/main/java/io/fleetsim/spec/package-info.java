/**
 * The vocabulary of a scenario: every immutable {@code *Spec} record (workload, routes, pools,
 * servers, capacity, economics...) and the enums and value types they hold. What a scenario
 * says, validated; how it is read from a file is {@code scenario}'s business.
 *
 * <p>Must not import {@code scenario} or anything that runs a simulation (engine, serving,
 * fleet, metrics, cost, run); it may use {@code input} for its own parsing helpers and the
 * catalogs it refers to (hardware, kernels, trace).
 */
package io.fleetsim.spec;
