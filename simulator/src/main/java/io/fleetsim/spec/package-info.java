/**
 * The vocabulary of a scenario: every immutable {@code *Spec} record (workload, routes, pools,
 * servers, capacity, economics...) and the enums and value types they hold. What a scenario
 * says, validated; how it is read from a file is {@code scenario}'s business.
 *
 * <p>Must not import {@code scenario}, anything that runs a simulation (engine, serving,
 * fleet, metrics, cost, run) or uses one (sweep, compare, plan, validation, calibration), nor the
 * kernel tables (which engine version a pool defaults to is the readers' and serving's call);
 * it uses only leaves: {@code input} for durations' words and the catalogs it refers to
 * (hardware, trace).
 */
package io.fleetsim.spec;
