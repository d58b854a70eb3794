package io.fleetsim.sweep;

/**
 * What a sweep or a search was asked, as the simulator names it: each one an option of the
 * command line, which spells it (the simulator does not know the flags).
 */
public enum SweepInput {
    /** A dimension varied over values, {@code PATH=VALUES} ({@link Dimension}). */
    VARIATION("variation"),
    /** A requirement on a metric ({@link Constraint}). */
    CONSTRAINT("constraint"),
    /** Replications of every configuration of a sweep. */
    REPLICATIONS("replications"),
    /** The root seed replications take their seeds from ({@link ReplicationSeeds}). */
    SEED("root seed"),
    /** Replications of every configuration a search evaluates ({@link OptimizeOptions#minReplications()}). */
    MIN_REPLICATIONS("minimum replications"),
    /** Most replications of a configuration a search evaluates ({@link OptimizeOptions#maxReplications()}). */
    MAX_REPLICATIONS("most replications");

    private final String description;

    SweepInput(String description) {
        this.description = description;
    }

    /** Its name in the simulator's own words, e.g. {@code minimum replications}. */
    public String description() {
        return description;
    }
}
