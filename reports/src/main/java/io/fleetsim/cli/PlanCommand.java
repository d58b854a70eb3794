package io.fleetsim.cli;

import io.fleetsim.plan.MonthlyVolumes;
import io.fleetsim.plan.PlanInput;
import io.fleetsim.plan.PlanInputException;
import io.fleetsim.plan.PlanResult;
import io.fleetsim.plan.PlanSpec;
import io.fleetsim.plan.PlanStrategy;
import io.fleetsim.plan.Planner;
import io.fleetsim.plan.TrafficShape;
import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.ChartImage;
import io.fleetsim.report.CsvTableRenderer;
import io.fleetsim.report.HtmlPage;
import io.fleetsim.report.plan.PlanChart;
import io.fleetsim.report.plan.PlanJson;
import io.fleetsim.report.plan.PlanPage;
import io.fleetsim.report.plan.PlanTables;
import io.fleetsim.report.plan.PlanText;
import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Metric;
import io.fleetsim.sweep.OptimizeOptions;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.ScenarioVariant;
import io.fleetsim.sweep.SweepInputException;
import io.fleetsim.sweep.UnitExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetsim plan SCENARIO --volumes 10M..100B}: for the scenario's traffic at each monthly
 * volume, the cheapest strategy (all API, reserved, reserved + API burst, on-demand + API, spot +
 * API, reserved + spot + API) meeting the SLO, with its runner-up, the margin and the break-even
 * volume against the API.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Reserve, burst or buy tokens? For the scenario's traffic scaled to each monthly volume, the "
                + "cheapest strategy meeting the SLO: all-api, reserved, reserved+api, on-demand+api, spot+api, "
                + "reserved+spot+api (from the scenario's pools and prices), each sized by optimize.",
            "Writes plan.txt, plan.csv, plan.json, plan.html, plan.png and results.jsonl (rerunning resumes)."})
final class PlanCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Option(names = "--volumes", paramLabel = "FROM..TO", defaultValue = "10M..100B",
            description = "Tokens per 30-day month: a log-spaced range (K, M, B, T) or a list 1B,10B "
                    + "(default: ${DEFAULT-VALUE}).")
    String volumes;

    @Option(names = "--points", paramLabel = "N", defaultValue = "5",
            description = "Volumes in the range, log-spaced (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--shape", paramLabel = "SHAPE", defaultValue = "as-written",
            description = "Traffic shape: as-written, steady, diurnal:R (peak R x trough), bursty "
                    + "(default: ${DEFAULT-VALUE}).")
    String shape;

    @Option(names = "--strategies", paramLabel = "S,S", split = ",",
            description = "Strategies to compare (default: every one the scenario's pools allow).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--slo-target", paramLabel = "SHARE", defaultValue = "0.99",
            description = "SLO attainment every strategy must reach with 95%% confidence (default: ${DEFAULT-VALUE}).")
    double sloTarget;

    @Option(names = "--min-replications", paramLabel = "N", defaultValue = "3",
            description = "Replications of every sizing simulated (default: ${DEFAULT-VALUE}).")
    int minReplications;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "6",
            description = "Most replications of a sizing near the SLO target (default: ${DEFAULT-VALUE}).")
    int maxReplications;

    @CommandLine.Mixin
    SimulationOptions options;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations run at once (default: one per core).")
    Integer threads;

    @CommandLine.Mixin
    ExecutorOptions executorOptions;

    @CommandLine.Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = commandLine();
        PlanSpec plan;
        try {
            if (!(sloTarget > 0 && sloTarget <= 1)) {
                throw new IllegalArgumentException("--slo-target: a share between 0 and 1, e.g. 0.99 (got "
                        + sloTarget + ")");
            }
            List<PlanStrategy> asked = new ArrayList<>();
            for (String s : strategies) {
                asked.add(PlanStrategy.fromId(s));
            }
            if (threads != null && threads < 1) {
                throw new IllegalArgumentException("--threads: at least 1 (got " + threads + ")");
            }
            plan = new PlanSpec(ScenarioText.read(scenario),
                    options.horizonSeconds, options.seed,
                    MonthlyVolumes.parse(volumes, points), TrafficShape.parse(shape), asked,
                    List.of(new Constraint(Metric.SLO_ATTAINMENT, true, sloTarget)),
                    new OptimizeOptions(Metric.COST_PER_USEFUL_MTOK, minReplications, maxReplications, false));
            Planner.strategies(ScenarioVariant.of(plan.scenario()).base(), asked, new ArrayList<>());
        } catch (SweepInputException e) {
            throw new CommandLine.ParameterException(cl, SweepInputWords.of(e));
        } catch (PlanInputException e) {
            throw new CommandLine.ParameterException(cl, flag(e.input()) + (e.given() == null ? "" : " " + e.given())
                    + ": " + e.problem());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        Path folder = options.folder(cl, Path.of("out", RunCommand.baseName(scenario), "plan"));
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        PlanResult result;
        String where;
        BatchMeter meter = new BatchMeter(err(), progress.enabled());
        try (ResultsLog log = ResultsLog.open(folder.resolve("results.jsonl"));
             UnitExecutor executor = executorOptions.open(threadCount, log)) {
            result = Planner.run(plan, executor, meter);
            where = executor.describe();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String text = PlanText.render(result);
        ChartImage chart = ChartImage.of("plan", "cost per useful token against monthly volume",
                PlanChart.of(result), HtmlPage.FULL_WIDTH, 560);
        AtomicFiles.writeString(folder.resolve("plan.txt"), text);
        AtomicFiles.writeString(folder.resolve("plan.csv"), CsvTableRenderer.render(PlanTables.rows(result)));
        AtomicFiles.writeString(folder.resolve("plan.json"), PlanJson.render(result));
        AtomicFiles.writeBytes(folder.resolve("plan.png"), chart.png());
        AtomicFiles.writeString(folder.resolve("plan.html"), PlanPage.render(result, chart));
        PrintWriter o = out();
        o.print(text);
        o.printf("%nPlanned on %s in %.1f s wall time.%nReport: %s%n", where, wall,
                folder.resolve("plan.html"));
        o.flush();
        return EXIT_OK;
    }

    /** The flag that sets {@code input}. */
    static String flag(PlanInput input) {
        return switch (input) {
            case VOLUMES -> "--volumes";
            case POINTS -> "--points";
            case SHAPE -> "--shape";
            case STRATEGIES -> "--strategies";
        };
    }
}
