package io.fleetsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetsim trace ...}: look at request traces before replaying them. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Summarize a request trace or fit a synthetic workload to it.",
        subcommands = {TraceStatsCommand.class, TraceFitCommand.class})
final class TraceCommand extends BaseCommand {

    @Override
    public Integer call() {
        commandLine().usage(out());
        return EXIT_OK;
    }
}
