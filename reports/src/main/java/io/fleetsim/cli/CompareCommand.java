package io.fleetsim.cli;

import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Strategy;
import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.CompareHtmlReport;
import io.fleetsim.report.CompareJson;
import io.fleetsim.report.ComparisonTables;
import io.fleetsim.report.ComparisonText;
import io.fleetsim.report.CsvTableRenderer;
import io.fleetsim.report.ReportFolder;
import io.fleetsim.report.RunReport;
import io.fleetsim.report.StagedFolder;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.Feasibility;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.sweep.PointMetrics;
import io.fleetsim.sweep.ReplicationSeeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetsim compare A.yaml B.yaml ...}: runs each scenario on the same seed (so, with the
 * same workload block, on the same requests), prints them side by side and names the cheapest per
 * useful token among those meeting the SLO target. With {@code --replications N}, replication i of
 * every strategy runs on the same seed ({@link ReplicationSeeds}; replication 0 on the common seed
 * itself), figures are means with 95% intervals and the verdict is judged on them. Runs go in
 * parallel, one per core; each is single-threaded and independent, and results are reported in
 * command-line order.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run several scenarios (strategies) on the same traffic and compare them side by side: "
                + "cost per useful 1M tokens, SLO attainment, p99 TTFT/TPOT, spend by pool, waste.",
            "Writes compare.txt, compare.csv, compare.json, compare.html and one report folder per strategy."})
final class CompareCommand extends BaseCommand {

    @Parameters(paramLabel = "SCENARIO", arity = "2..*", description = "Scenario files, one per strategy.")
    List<Path> scenarios;

    @CommandLine.Mixin
    SimulationOptions options;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Runs of every strategy, replication i of each on the same seed (common random numbers); "
                    + "above 1, figures are means with 95%% intervals and a strategy meets the SLO target when its "
                    + "whole interval does (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--slo-target", paramLabel = "SHARE", defaultValue = "0.99",
            description = "SLO attainment a strategy must reach to be chosen, 0..1 (default: ${DEFAULT-VALUE}).")
    double sloTarget;

    @CommandLine.Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        if (!(sloTarget >= 0 && sloTarget <= 1)) {
            throw new CommandLine.ParameterException(commandLine(),
                    "--slo-target: must be a share between 0 and 1, e.g. 0.99 (got " + sloTarget + ")");
        }
        if (replications < 1) {
            throw new CommandLine.ParameterException(commandLine(),
                    "--replications: at least 1 (got " + replications + ")");
        }
        List<ScenarioSpec> specs = load(options.horizonSeconds);
        List<String> names = strategyNames();
        Path folder = options.folder(commandLine(), Path.of("out", "compare"));

        long start = System.nanoTime();
        List<RunReport> reports = new ArrayList<>();
        List<List<PointMetrics>> more = new ArrayList<>();
        runAll(specs, reports, more);
        double wall = (System.nanoTime() - start) / 1e9;

        // the whole comparison, strategy folders included, is written beside the target and swapped in
        StagedFolder staged = StagedFolder.beside(folder);
        Path into = staged.path();
        String text;
        try {
            List<Strategy> strategies = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                RunReport report = reports.get(i);
                ReportFolder.write(into.resolve(names.get(i)), report);
                strategies.add(new Strategy(names.get(i), scenarios.get(i).toString(), report.scenario(), report.result(),
                        more.get(i)));
            }
            Comparison comparison = new Comparison(sloTarget, strategies);
            text = ComparisonText.render(comparison);
            AtomicFiles.writeString(into.resolve("compare.txt"), text);
            AtomicFiles.writeString(into.resolve("compare.csv"),
                    CsvTableRenderer.render(ComparisonTables.full(comparison)));
            AtomicFiles.writeString(into.resolve("compare.json"), CompareJson.render(comparison));
            AtomicFiles.writeString(into.resolve("compare.html"), CompareHtmlReport.render(comparison));
        } catch (IOException | RuntimeException e) {
            staged.abandon();
            throw e;
        }
        staged.commit();

        PrintWriter o = out();
        o.print(text);
        o.printf("%nSimulated %d strategies%s in %.2f s wall time.%nReport: %s (open compare.html in a browser)%n",
                specs.size(), replications > 1 ? " x " + replications + " replications" : "", wall,
                folder.resolve("compare.json"));
        o.flush();
        return EXIT_OK;
    }

    /** Loads every scenario, with one seed for all (common random numbers) and the horizon override. */
    private List<ScenarioSpec> load(Double horizonSeconds) {
        ScenarioLoader loader = new ScenarioLoader();
        List<ScenarioSpec> specs = new ArrayList<>();
        for (Path file : scenarios) {
            specs.add(loader.load(file));
        }
        long common = options.seed != null ? options.seed : specs.get(0).seed();
        List<ScenarioSpec> out = new ArrayList<>();
        for (ScenarioSpec s : specs) {
            ScenarioSpec t = s.withSeed(common);
            ScenarioSpec run = horizonSeconds != null ? t.withHorizon(horizonSeconds) : t;
            Feasibility.check(run, scenarios.get(out.size()).toString());
            out.add(run);
        }
        return out;
    }

    /** File names without extension, made unique with {@code -2}, {@code -3}... */
    private List<String> strategyNames() {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Path file : scenarios) {
            String base = RunCommand.baseName(file);
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "-" + n;
            }
            names.add(name);
        }
        return names;
    }

    /**
     * Runs replication 0 of every strategy, with the capacity pilots of its report, into
     * {@code first} and the further replications into {@code more} (their figures only, one list
     * per strategy), all in parallel, one run per core.
     */
    private void runAll(List<ScenarioSpec> specs, List<RunReport> first, List<List<PointMetrics>> more)
            throws Exception {
        int runs = specs.size() * replications;
        int threads = Math.max(1, Math.min(runs, Runtime.getRuntime().availableProcessors()));
        ProgressMeter progress = ProgressMeter.on(err(), runs, progressOption.enabled());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RunReport>> firsts = new ArrayList<>();
            List<List<Future<PointMetrics>>> rest = new ArrayList<>();
            int index = 0;
            for (ScenarioSpec s : specs) {
                var listener = progress.listener(index);
                Path file = scenarios.get(index++);
                firsts.add(pool.submit(() -> {
                    RunResult run = Simulation.run(s, listener);
                    return new RunReport(s, run, CapacityPilots.measure(file, s, run));
                }));
            }
            for (ScenarioSpec s : specs) {
                List<Future<PointMetrics>> futures = new ArrayList<>();
                for (int r = 1; r < replications; r++) {
                    ScenarioSpec replica = s.withSeed(ReplicationSeeds.seed(s.seed(), r));
                    var listener = progress.listener(index++);
                    futures.add(pool.submit(() -> PointMetrics.of(Simulation.run(replica, listener))));
                }
                rest.add(futures);
            }
            for (Future<RunReport> f : firsts) {
                first.add(f.get());
            }
            for (List<Future<PointMetrics>> futures : rest) {
                List<PointMetrics> metrics = new ArrayList<>();
                for (Future<PointMetrics> f : futures) {
                    metrics.add(f.get());
                }
                more.add(metrics);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }
}
