package io.fleetsim.sweep;

/**
 * A unit of work that kept failing after the executor's retries, named by its configuration and
 * replication so that the user can rerun it alone.
 */
public final class UnitFailedException extends RuntimeException {

    /** {@code unit} failed with {@code reason} (one line) after {@code attempts} attempts. */
    public UnitFailedException(WorkUnit unit, int attempts, String reason) {
        super("configuration " + Configuration.keyOf(unit.settings()) + " replication " + unit.replication()
                + " failed " + attempts + (attempts == 1 ? " time" : " times") + ": " + reason);
    }
}
