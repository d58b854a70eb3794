package io.fleetsim.cli;

import io.fleetsim.input.DurationText;
import picocli.CommandLine.ITypeConverter;

/**
 * The converter of every duration option ({@code --horizon}): a duration with a unit, as scenario
 * files write them ({@link DurationText}), greater than zero, in seconds. A bad value is an
 * {@link OptionValueException}, which the error handler prints after the option's name (exit 2).
 */
final class DurationConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String text) {
        try {
            double seconds = DurationText.parseSeconds(text);
            if (seconds > 0) {
                return seconds;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with what is allowed
        }
        throw new OptionValueException("must be " + DurationText.ALLOWED + " and > 0 (got \"" + text + "\")");
    }
}
