/**
 * The {@code fleetsim} command line: one class per subcommand on {@link io.fleetsim.cli.BaseCommand}
 * (the exit codes, output through the command spec), the options several commands share (seed,
 * horizon and report folder in {@code SimulationOptions}, durations converted by
 * {@code DurationConverter}), progress on stderr, and one error handler that turns bad input into
 * exit code 2 with a one-line message.
 */
package io.fleetsim.cli;
