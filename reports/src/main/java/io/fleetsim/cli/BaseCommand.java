package io.fleetsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What every fleetsim command shares: its exit codes, in one place, and where it writes, which is
 * picocli's command spec (so that a test or an embedding program that sets the command line's
 * writers captures everything the command prints).
 */
abstract class BaseCommand implements Callable<Integer> {

    /** Exit code for success. */
    public static final int EXIT_OK = CommandLine.ExitCode.OK;
    /** Exit code for anything unexpected. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for invalid scenario files or arguments. */
    public static final int EXIT_INVALID_INPUT = 2;

    /** Injected by picocli: the command as parsed, with its command line and writers. */
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command line running this command. */
    final CommandLine commandLine() {
        return spec.commandLine();
    }

    /** Where the command's results go (stdout unless the command line was given another writer). */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where progress and errors go (stderr unless the command line was given another writer). */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
