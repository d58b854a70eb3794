/**
 * The {@code fleetsim} command line: one class per subcommand, its options, progress on stderr,
 * and one error handler that turns bad input into exit code 2 with a one-line message.
 */
package io.fleetsim.cli;
