/**
 * Measured end-to-end benchmark points of real deployments, and the simulation of each point as
 * it was measured: the points file ({@link io.fleetsim.validation.PointsFile}), the names its
 * rows use mapped to catalog entries ({@link io.fleetsim.validation.CatalogNames}), the
 * deployment a row describes turned into a simulated one or a reason it cannot be
 * ({@link io.fleetsim.validation.DeploymentPlanner}), a closed-loop benchmark client driving
 * replicas ({@link io.fleetsim.validation.ClosedLoopBenchmark}), and the errors of predicted
 * against measured latencies ({@link io.fleetsim.validation.ErrorSummary}); and the end-to-end
 * fits of engine parameters to those points, per (GPU, engine, precision) and per engine version
 * ({@link io.fleetsim.validation.ProfileFitting}), cross-validated holding out whole deployments or
 * models ({@link io.fleetsim.validation.HeldOut}).
 *
 * <p>It reads the serving model ({@code serving}) and the catalog; it knows nothing of fleets,
 * routing or money: must not import {@code fleet}, {@code cost} or {@code run}.
 */
package io.fleetsim.validation;
