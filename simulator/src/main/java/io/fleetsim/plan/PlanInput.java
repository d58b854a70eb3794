package io.fleetsim.plan;

/**
 * What the planner was asked, as the simulator names it: each one an option of the command line,
 * which spells it (the simulator does not know the flags).
 */
public enum PlanInput {
    /** The monthly token volumes planned for ({@link MonthlyVolumes}). */
    VOLUMES("volumes"),
    /** How many volumes a range is split into. */
    POINTS("points"),
    /** The shape the traffic is given ({@link TrafficShape}). */
    SHAPE("shape"),
    /** The ways of buying capacity compared ({@link PlanStrategy}). */
    STRATEGIES("strategies");

    private final String description;

    PlanInput(String description) {
        this.description = description;
    }

    /** Its name in the simulator's own words. */
    public String description() {
        return description;
    }
}
