package io.fleetsim.cli;

import io.fleetsim.report.trace.FittedWorkloadYaml;
import io.fleetsim.trace.Trace;
import io.fleetsim.trace.TraceFit;
import io.fleetsim.trace.TraceStats;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetsim trace fit FILE}: a synthetic {@code workload:} block resembling the trace. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Print a scenario workload block fitted to a trace: rate (with an hourly profile when the "
                + "trace spans a day), burstiness and lognormal lengths.")
final class TraceFitCommand extends BaseCommand {

    @CommandLine.Mixin
    TraceInput input;

    @Override
    public Integer call() {
        Trace trace = input.read(commandLine());
        PrintWriter o = out();
        o.print(FittedWorkloadYaml.render(trace, TraceFit.of(trace), TraceStats.of(trace)));
        o.flush();
        return EXIT_OK;
    }
}
