package io.fleetsim.cli;

import io.fleetsim.input.DurationText;
import picocli.CommandLine;

/** The {@code --horizon} option shared by {@code run} and {@code compare}: a duration with a unit, > 0. */
final class HorizonOption {

    private HorizonOption() {
    }

    /** {@code text} in seconds, or a parameter error (exit code 2) naming the option. */
    static double parseSeconds(CommandLine commandLine, String text) {
        try {
            double seconds = DurationText.parseSeconds(text);
            if (seconds > 0) {
                return seconds;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the option name
        }
        throw new CommandLine.ParameterException(commandLine,
                "--horizon: must be " + DurationText.ALLOWED + " and > 0 (got \"" + text + "\")");
    }
}
