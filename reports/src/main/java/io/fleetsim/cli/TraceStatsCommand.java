package io.fleetsim.cli;

import io.fleetsim.report.trace.TraceRateChart;
import io.fleetsim.report.trace.TraceStatsText;
import io.fleetsim.trace.Trace;
import io.fleetsim.trace.TraceStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetsim trace stats FILE}: volume, rate over time, burstiness, lengths, prefix reuse, and a rate chart. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Summarize a trace and chart its arrival rate over time (rate.png).")
final class TraceStatsCommand extends BaseCommand {

    @CommandLine.Mixin
    TraceInput input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for rate.png (default: out/<trace file name>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Trace trace = input.read(commandLine());
        TraceStats stats = TraceStats.of(trace);
        Path chart = (out != null ? out : Path.of("out", input.baseName())).resolve("rate.png");
        TraceRateChart.write(trace, stats.perSecond(), stats.perMinute(), chart);
        PrintWriter o = out();
        o.print(TraceStatsText.render(trace, stats));
        o.printf("%nChart: %s%n", chart);
        o.flush();
        return EXIT_OK;
    }
}
