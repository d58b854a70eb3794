package io.fleetsim.sweep;

import java.util.List;
import java.util.function.Function;

/**
 * A sweep or search input that cannot be used: which input ({@link SweepInput}), the text it was
 * given, and what is wrong and allowed. The problem may refer to other inputs; it is kept as parts
 * (text and {@link SweepInput}s) so that the command line words every input as its flag, e.g.
 * {@code --replications: at least --min-replications (3; got 2)}, while {@link #getMessage()}
 * uses the simulator's own names.
 */
public final class SweepInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final SweepInput input;
    private final String given;
    private final transient List<Object> problem;

    /**
     * @param input   the input refused
     * @param given   the text it was given, or null when the problem is with the input as a whole
     * @param problem what is wrong and what is allowed: {@link String}s and {@link SweepInput}s, in order
     */
    public SweepInputException(SweepInput input, String given, Object... problem) {
        super(describe(input, given, List.of(problem), SweepInput::description));
        for (Object part : problem) {
            if (!(part instanceof String || part instanceof SweepInput)) {
                throw new IllegalArgumentException("a problem is made of text and inputs, not " + part);
            }
        }
        this.input = input;
        this.given = given;
        this.problem = List.of(problem);
    }

    private static String describe(SweepInput input, String given, List<Object> problem,
                                   Function<SweepInput, String> name) {
        return name.apply(input) + (given == null ? "" : " " + given) + ": " + problem(problem, name);
    }

    private static String problem(List<Object> parts, Function<SweepInput, String> name) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof SweepInput i ? name.apply(i) : (String) part);
        }
        return out.toString();
    }

    /** The input refused. */
    public SweepInput input() {
        return input;
    }

    /** The text the input was given, or null when the problem is with the input as a whole. */
    public String given() {
        return given;
    }

    /** What is wrong and allowed, each input it refers to named by {@code name}. */
    public String problem(Function<SweepInput, String> name) {
        return problem(problem, name);
    }
}
