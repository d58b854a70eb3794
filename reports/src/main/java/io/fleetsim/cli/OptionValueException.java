package io.fleetsim.cli;

import picocli.CommandLine.TypeConversionException;

/**
 * A value one of fleetsim's converters refused. Its message says what is allowed and what was
 * given; the error handler prints it after the option's name ({@code error: --horizon: must be
 * ...}) rather than after picocli's "Invalid value for option" wording.
 */
final class OptionValueException extends TypeConversionException {

    private static final long serialVersionUID = 1L;

    OptionValueException(String message) {
        super(message);
    }
}
