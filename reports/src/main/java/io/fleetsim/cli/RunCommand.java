package io.fleetsim.cli;

import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.metrics.RequestLog;
import io.fleetsim.report.ChartImage;
import io.fleetsim.report.ReportFolder;
import io.fleetsim.report.RequestCsv;
import io.fleetsim.report.RunReport;
import io.fleetsim.report.SummaryTable;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.Feasibility;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetsim run SCENARIO}: simulate, print the summary, write the report folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a scenario, print a summary and write the report folder:",
            "report.json, summary.txt, summary.csv, timeseries.csv and index.html."})
final class RunCommand extends BaseCommand {

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path scenario;

    @CommandLine.Mixin
    SimulationOptions options;

    @Option(names = "--requests-out", paramLabel = "FILE.csv",
            description = {"Also write one CSV row per request (arrival, route, tenant, pool,",
                "lengths, TTFT, TPOT, E2E, outcome, cause), streamed to disk."})
    Path requestsOut;

    @Option(names = "--no-charts",
            description = "Write index.html without its charts (figures and tables only): for scripted runs.")
    boolean noCharts;

    @CommandLine.Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        if (!noCharts) {
            warmUpChartsAside();
        }
        ScenarioSpec scenarioSpec = new ScenarioLoader().load(scenario);
        if (options.seed != null) {
            scenarioSpec = scenarioSpec.withSeed(options.seed);
        }
        if (options.horizonSeconds != null) {
            scenarioSpec = scenarioSpec.withHorizon(options.horizonSeconds);
        }
        Feasibility.check(scenarioSpec, scenario.toString());
        Path folder = options.folder(commandLine(), Path.of("out", baseName(scenario)));
        long start = System.nanoTime();
        ProgressMeter progress = ProgressMeter.on(err(), 1, progressOption.enabled());
        RunResult result;
        RequestCsv requests = requestsOut == null ? null : RequestCsv.open(requestsOut, scenarioSpec);
        try {
            result = Simulation.run(scenarioSpec, progress.listener(0), requests == null ? RequestLog.NONE : requests);
        } finally {
            progress.finish();
        }
        if (requests != null) {
            requests.close();
        }
        double wall = (System.nanoTime() - start) / 1e9;

        // the capacity line is drawn on the page's charts only: no pilots without them
        ReportFolder.replace(folder, new RunReport(scenarioSpec, result, noCharts ? java.util.Map.of()
                : CapacityPilots.measure(scenario, scenarioSpec, result)), !noCharts);

        PrintWriter o = out();
        o.print(SummaryTable.render(result));
        o.printf("%nSimulated %,d events in %.2f s wall time.%nReport: %s (open index.html in a browser)%n",
                result.events(), wall, folder.resolve("report.json"));
        o.flush();
        return EXIT_OK;
    }

    /**
     * Loads the kernel index and draws a throw-away chart on another thread while this one reads
     * the scenario and simulates: on a machine with a spare core the page's first chart then
     * finds fonts and chart classes ready, off the run's critical path. A daemon, never waited
     * for, whose failure changes nothing (the real charts load what they need themselves).
     */
    private static void warmUpChartsAside() {
        Thread warmUp = new Thread(() -> {
            try {
                KernelIndex.builtIn();
                ChartImage.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // only ever a head start
            }
        }, "fleetsim-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The file name of {@code file} without its extension: {@code quickstart} for {@code quickstart.yaml}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
