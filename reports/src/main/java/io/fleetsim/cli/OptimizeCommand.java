package io.fleetsim.cli;

import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.CsvTableRenderer;
import io.fleetsim.report.sweep.OptimizeText;
import io.fleetsim.report.sweep.SensitivityTable;
import io.fleetsim.report.sweep.SweepCharts;
import io.fleetsim.report.sweep.SweepHtmlReport;
import io.fleetsim.report.sweep.SweepTables;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.OptimizeOptions;
import io.fleetsim.sweep.OptimizeResult;
import io.fleetsim.sweep.Optimizer;
import io.fleetsim.sweep.ParetoFront;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.Sensitivity;
import io.fleetsim.sweep.SensitivityRow;
import io.fleetsim.sweep.SweepInputException;
import io.fleetsim.sweep.SweepSpec;
import io.fleetsim.sweep.UnitExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleetsim optimize SCENARIO --vary ... --objective M --constraint 'M>=X'}: the best
 * configuration meeting the constraints with 95% confidence, found by bisection on pool capacity
 * where the scenario shows it valid, configurations that cannot beat the best pruned by their cost
 * floor, and replications added only near the constraint boundary; then runner-ups and the best
 * fleet's sensitivity to traffic, spot interruptions, API and GPU prices and the SLO targets.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Find the configuration of the --vary grid that is best on --objective among those meeting "
                + "every --constraint with 95%% confidence; report it with runner-ups and its sensitivity to traffic "
                + "+-30%%, spot preemption x2, API and GPU prices +-20%% and SLO targets +-20%%.",
            "Writes optimize.txt, optimize.csv (configurations simulated), optimize.html, sensitivity.csv, "
                + "cost-vs-slo.png, cost-vs-reserved-share.png and results.jsonl (rerunning resumes)."})
final class OptimizeCommand extends BaseCommand {

    @Mixin
    SweepOptions options;

    @Mixin
    ExecutorOptions executorOptions;

    @Option(names = "--objective", paramLabel = "METRIC", defaultValue = "cost_per_useful_mtok",
            description = "Metric to make best: costs and latencies lowest, slo_attainment highest "
                    + "(default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--min-replications", paramLabel = "N", defaultValue = "3",
            description = "Replications of every configuration simulated (default: ${DEFAULT-VALUE}).")
    int minReplications;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "10",
            description = "Most replications of a configuration, added while a constraint's interval straddles its "
                    + "threshold (default: ${DEFAULT-VALUE}).")
    int maxReplications;

    @Option(names = "--exhaustive", description = "Simulate every configuration instead of bisecting on replicas.")
    boolean exhaustive;

    @Option(names = "--no-sensitivity", description = "Skip the sensitivity runs of the best fleet.")
    boolean noSensitivity;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = commandLine();
        Metric goal;
        try {
            goal = Metric.fromId(objective);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--objective: " + e.getMessage());
        }
        OptimizeOptions search;
        try {
            search = new OptimizeOptions(goal, minReplications, maxReplications, exhaustive);
        } catch (SweepInputException e) {
            throw new CommandLine.ParameterException(cl, SweepInputWords.of(e));
        }
        int threads = options.threadCount(cl);
        SweepSpec sweep = options.spec(cl, List.of("slo_attainment>=0.99"));
        Path folder = options.folder("optimize");
        long start = System.nanoTime();
        OptimizeResult result;
        List<SensitivityRow> sensitivity = List.of();
        int simulated;
        int resumed;
        String where;
        BatchMeter meter = new BatchMeter(err(), options.progress.enabled());
        try (ResultsLog log = ResultsLog.open(folder.resolve("results.jsonl"));
             UnitExecutor executor = executorOptions.open(threads, log)) {
            result = Optimizer.run(sweep, search, executor, meter);
            if (!noSensitivity && result.best() != null) {
                sensitivity = Sensitivity.run(sweep, result.best(), executor, meter);
            }
            simulated = executor.simulated();
            resumed = executor.resumed();
            where = executor.describe();
        }
        double wall = (System.nanoTime() - start) / 1e9;

        String text = OptimizeText.render(result, sensitivity);
        AtomicFiles.writeString(folder.resolve("optimize.txt"), text);
        List<Integer> front = ParetoFront.of(result.evaluated(), Metric.TOTAL_COST_USD, Metric.SLO_ATTAINMENT);
        AtomicFiles.writeString(folder.resolve("optimize.csv"), CsvTableRenderer.render(SweepTables.points(
                result.evaluated(), sweep.grid().dimensions(), true, new HashSet<>(front))));
        if (result.best() != null) {
            AtomicFiles.writeString(folder.resolve("sensitivity.csv"),
                    CsvTableRenderer.render(SensitivityTable.of(result.best(), sensitivity)));
        }
        SweepCharts.write(folder, result.evaluated(), front, sweep.constraints(), sweep.grid().dimensions(), true);
        AtomicFiles.writeString(folder.resolve("optimize.html"), SweepHtmlReport.render(result, sensitivity,
                RunCommand.baseName(options.scenario)));

        PrintWriter o = out();
        o.print(text);
        o.printf("%n%d simulations (%d run, %d from %s) on %s in %.1f s wall time.%nReport: %s%n",
                simulated + resumed, simulated, resumed, folder.resolve("results.jsonl"), where, wall,
                folder.resolve("optimize.txt"));
        o.flush();
        return EXIT_OK;
    }
}
