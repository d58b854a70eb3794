/**
 * The Apache Spark {@link io.fleetsim.sweep.UnitExecutor}: each batch of work units (a sweep, an
 * optimize round, a sensitivity or plan batch) is one Spark job whose tasks map a unit's JSON to
 * its result's JSON; results are logged on the driver as each task finishes. Registered with
 * {@link java.util.ServiceLoader}, so the command line finds it when this module's jar is on the
 * class path and the simulator knows nothing of Spark.
 */
package io.fleetsim.spark;
