package io.fleetsim.sweep;

/**
 * A cluster engine that can run units of work, found with {@link java.util.ServiceLoader} so that
 * the simulator (and the command-line jar) need not depend on it: the engine's own module
 * registers an implementation under {@code META-INF/services/io.fleetsim.sweep.UnitExecutorProvider}.
 */
public interface UnitExecutorProvider {

    /** The name {@code --executor} selects it by, e.g. "spark". */
    String name();

    /**
     * Connects to the engine and returns an executor writing to {@code log}.
     *
     * @throws ExecutorUnavailableException if the engine cannot be reached or started
     */
    UnitExecutor open(ClusterSettings settings, ResultsLog log);
}
