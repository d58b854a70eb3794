package io.fleetsim.cli;

import io.fleetsim.sweep.SweepInput;
import io.fleetsim.sweep.SweepInputException;
import io.fleetsim.sweep.VariantException;

/**
 * The command line's words for a refused sweep input: each {@link SweepInput} as the flag that
 * sets it, e.g. {@code --vary seed: replications take their seeds from the scenario's seed; use
 * --replications (and --seed to change the root)}; and the variation a refused variant is blamed on.
 */
final class SweepInputWords {

    private SweepInputWords() {
    }

    /** The error of {@code e} as the user typed it: the flag, the value given and the problem. */
    static String of(SweepInputException e) {
        String given = e.given() == null ? ""
                : e.input() == SweepInput.CONSTRAINT ? " '" + e.given() + "'" : " " + e.given();
        return flag(e.input()) + given + ": " + e.problem(SweepInputWords::flag);
    }

    /** The error of a variant that cannot be made or run, each variation named by its flag. */
    static String of(VariantException e) {
        return e.describe(flag(SweepInput.VARIATION));
    }

    /** The flag that sets {@code input}. */
    static String flag(SweepInput input) {
        return switch (input) {
            case VARIATION -> "--vary";
            case CONSTRAINT -> "--constraint";
            case REPLICATIONS, MAX_REPLICATIONS -> "--replications";
            case SEED -> "--seed";
            case MIN_REPLICATIONS -> "--min-replications";
        };
    }
}
