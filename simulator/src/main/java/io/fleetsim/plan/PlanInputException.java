package io.fleetsim.plan;

/**
 * A planner input that cannot be used: which input ({@link PlanInput}), the text it was given and
 * what is wrong and allowed. The command line words it with the flag that sets the input.
 */
public final class PlanInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final PlanInput input;
    private final String given;
    private final String problem;

    /**
     * @param input   the input refused
     * @param given   the text it was given, or null when the problem names what was wrong in it
     * @param problem what is wrong and what is allowed
     */
    public PlanInputException(PlanInput input, String given, String problem) {
        super(input.description() + (given == null ? "" : " " + given) + ": " + problem);
        this.input = input;
        this.given = given;
        this.problem = problem;
    }

    /** The input refused. */
    public PlanInput input() {
        return input;
    }

    /** The text the input was given, or null. */
    public String given() {
        return given;
    }

    /** What is wrong and what is allowed. */
    public String problem() {
        return problem;
    }
}
