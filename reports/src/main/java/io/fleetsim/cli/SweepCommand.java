package io.fleetsim.cli;

import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.CsvTableRenderer;
import io.fleetsim.report.sweep.SweepCharts;
import io.fleetsim.report.sweep.SweepHtmlReport;
import io.fleetsim.report.sweep.SweepText;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.Sweep;
import io.fleetsim.sweep.SweepResult;
import io.fleetsim.sweep.SweepSpec;
import io.fleetsim.sweep.UnitExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleetsim sweep SCENARIO --vary PATH=VALUES ...}: every configuration of the grid, each
 * replicated on the same seeds, in parallel; a table and CSV of means with confidence intervals,
 * and charts of cost against SLO attainment (Pareto front) and against the reserved share. Every
 * finished run is appended to {@code results.jsonl} at once, so an interrupted sweep resumes.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Simulate every combination of --vary values, each with --replications seeds (the same seeds "
                + "for every configuration), and report means with 95%% confidence intervals.",
            "Writes sweep.txt, sweep.csv, sweep.html, cost-vs-slo.png, cost-vs-reserved-share.png and results.jsonl (one line per "
                + "finished run; rerunning the same sweep skips what is there)."})
final class SweepCommand extends BaseCommand {

    @Mixin
    SweepOptions options;

    @Mixin
    ExecutorOptions executorOptions;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
            description = "Replications of every configuration (default: ${DEFAULT-VALUE}).")
    int replications;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = commandLine();
        if (replications < 1) {
            throw new CommandLine.ParameterException(cl, "--replications: at least 1 (got " + replications + ")");
        }
        int threads = options.threadCount(cl);
        SweepSpec sweep = options.spec(cl, List.of());
        Path folder = options.folder("sweep");
        long start = System.nanoTime();
        SweepResult result;
        int simulated;
        int resumed;
        String where;
        try (ResultsLog log = ResultsLog.open(folder.resolve("results.jsonl"));
             UnitExecutor executor = executorOptions.open(threads, log)) {
            result = Sweep.run(sweep, replications, executor, new BatchMeter(err(), options.progress.enabled()));
            simulated = executor.simulated();
            resumed = executor.resumed();
            where = executor.describe();
        }
        double wall = (System.nanoTime() - start) / 1e9;

        String text = SweepText.render(result);
        AtomicFiles.writeString(folder.resolve("sweep.txt"), text);
        AtomicFiles.writeString(folder.resolve("sweep.csv"), CsvTableRenderer.render(SweepText.table(result)));
        boolean judged = !sweep.constraints().isEmpty();
        SweepCharts.write(folder, result.points(), result.paretoFront(), sweep.constraints(),
                sweep.grid().dimensions(), judged);
        AtomicFiles.writeString(folder.resolve("sweep.html"), SweepHtmlReport.render(result,
                RunCommand.baseName(options.scenario)));

        PrintWriter o = out();
        o.print(text);
        o.printf("%n%d simulations (%d run, %d from %s) on %s in %.1f s wall time.%nReport: %s%n",
                simulated + resumed, simulated, resumed, folder.resolve("results.jsonl"), where, wall,
                folder.resolve("sweep.csv"));
        o.flush();
        return EXIT_OK;
    }
}
