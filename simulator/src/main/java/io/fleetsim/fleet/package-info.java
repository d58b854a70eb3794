/**
 * The pools of a fleet and what happens between requests and replicas: routing and overflow
 * between pools ({@code Router}), balancing inside a pool ({@code ReplicaChooser}), cold starts,
 * autoscaling ({@code Autoscaler}), spot preemption ({@code SpotMarket}), GPU and node failures
 * ({@code FailureModel}), zone outages ({@code ZoneOutage}) and rolling deploys
 * ({@code RollingDeploy}), client patience and retries ({@code ClientTracker}), and each pool's
 * paid time ({@code PoolLedger}). What servers report reaches the metrics through
 * {@code MeasuringListener}.
 *
 * <p>Drives servers ({@code serving}) and feeds {@code metrics}; computes no money (that is
 * {@code cost}, after the run).
 */
package io.fleetsim.fleet;
