package io.fleetsim.cli;

import io.fleetsim.bench.BenchScenarios;
import io.fleetsim.bench.CpuClock;
import io.fleetsim.bench.MmcEngineBenchmark;
import io.fleetsim.bench.PriorityQueueReference;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetsim bench}: the speed suite, in CPU seconds and as multiples of a fixed reference
 * run at the same time; {@code fleetsim bench engine}: the bare event engine in events per second.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Engine.class,
        description = {"Measure fleetsim's own speed: CPU seconds of each case and its ratio to a fixed",
            "reference (a plain java.util.PriorityQueue M/M/8 at rho 0.9, 40 M customers) run in the",
            "same process at the same time. Cases: the bare engine, the benchmark day, fleet scaling",
            "(50 vs 2,500 replicas at equal request count and load per replica) and BLIS's workload",
            "(simulation alone, and end to end through ./fleetsim run)."})
final class BenchCommand extends BaseCommand {

    /** Customers of the reference and engine M/M/8 runs. */
    private static final long MMC_CUSTOMERS = 40_000_000;
    private static final int MMC_SERVERS = 8;
    private static final double MMC_RHO = 0.9;
    /** BLIS's workload: 100,000 requests at 45 requests/s. */
    private static final double BLIS_RATE = 45;
    private static final double BLIS_REQUESTS = 100_000;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "X",
            description = "Multiply every case's size (customers, horizon) by X; 0.1 gives a quick look "
                    + "(default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--large", description = "Also run 10,000 req/s on 5,000 replicas for 10 minutes (minutes of CPU).")
    boolean large;

    @Option(names = "--no-end-to-end", description = "Skip the case that starts ./fleetsim run as a new process.")
    boolean noEndToEnd;

    @Option(names = "--day", defaultValue = "scenarios/bench/day-100rps.yaml", paramLabel = "FILE",
            description = "The benchmark day's scenario (default ${DEFAULT-VALUE}).")
    Path day;

    private PrintWriter out;
    private double referenceSeconds;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0 && scale <= 1)) {
            throw new CommandLine.ParameterException(commandLine(), "--scale: must be in (0, 1] (got " + scale + ")");
        }
        ScenarioSpec daySpec = new ScenarioLoader().load(BenchMachine.resolve(day));
        out = out();
        out.println(BenchMachine.describe());
        out.println("CPU s: all threads of this JVM (JIT and GC included); main: the simulating thread only.");
        out.printf("%-11s %-52s %14s %8s %8s %8s%n", "case", "what", "work", "CPU s", "main s", "x ref");
        out.flush();

        long customers = Math.max(1, Math.round(MMC_CUSTOMERS * scale));
        CpuClock clock = CpuClock.start();
        PriorityQueueReference.Result ref = PriorityQueueReference.run(MMC_SERVERS, MMC_RHO, customers, 1);
        CpuClock.Span refSpan = clock.elapsed();
        referenceSeconds = refSpan.processSeconds();
        row("reference", "java.util.PriorityQueue M/M/8 at rho 0.9", ref.customers(), "customers", refSpan);
        checkWait("reference", ref.meanWaitSimulated(), ref.meanWaitErlangC());

        clock = CpuClock.start();
        MmcEngineBenchmark.Result engine = MmcEngineBenchmark.run(MMC_SERVERS, MMC_RHO, customers, 1);
        row("engine", "fleetsim's event engine, the same M/M/8", engine.customers(), "customers", clock.elapsed());
        checkWait("engine", engine.meanWaitSimulated(), engine.meanWaitErlangC());

        ScenarioSpec scaledDay = daySpec.withHorizon(daySpec.horizonSeconds() * scale);
        simulate("day", day + " (50 replicas)", scaledDay);

        CpuClock.Span small = simulate("fleet-50", "50 replicas, 96 req/s, 100 min (steady chat)",
                BenchScenarios.steadyChat(50, 96, 6000 * scale));
        CpuClock.Span big = simulate("fleet-2500", "2,500 replicas, 4,800 req/s, 2 min (steady chat)",
                BenchScenarios.steadyChat(2500, 4800, 120 * scale));
        out.printf("  fleet scaling: fleet-2500 / fleet-50 = %.2fx CPU at equal requests and load per replica%n",
                big.processSeconds() / small.processSeconds());
        if (large) {
            simulate("fleet-5000", "5,000 replicas, 10,000 req/s, 10 min (steady chat)",
                    BenchScenarios.steadyChat(5000, 10000, 600 * scale));
        }
        double blisHorizon = BLIS_REQUESTS / BLIS_RATE * scale;
        simulate("blis-sim", "BLIS's workload: 1 H100, 512/256 tokens, 45 req/s", BenchScenarios.blisLike(BLIS_RATE,
                blisHorizon));
        if (!noEndToEnd) {
            endToEnd(blisHorizon);
        }
        out.flush();
        return EXIT_OK;
    }

    private CpuClock.Span simulate(String name, String what, ScenarioSpec scenario) {
        CpuClock clock = CpuClock.start();
        RunResult result = Simulation.run(scenario);
        CpuClock.Span span = clock.elapsed();
        row(name, what, result.requests().arrived(), "requests", span);
        return span;
    }

    private void endToEnd(double horizonSeconds) throws Exception {
        BenchMachine.EndToEnd run = BenchMachine.runCliInNewProcess(
                BenchScenarios.blisLikeText(BLIS_RATE, horizonSeconds));
        if (run == null) {
            out.println("  blis-e2e: skipped (needs the fleetsim jar and bash)");
            return;
        }
        out.printf("%-11s %-52s %14s %8.2f %8s %8.2f%n", "blis-e2e",
                "the same through ./fleetsim run, JVM start to report", "1 process", run.cpuSeconds(), "-",
                run.cpuSeconds() / referenceSeconds);
        out.printf("  blis-e2e wall time %.2f s; %s%n", run.wallSeconds(), run.command());
        out.flush();
    }

    private void row(String name, String what, long work, String unit, CpuClock.Span span) {
        out.printf("%-11s %-52s %,14d %8.2f %8.2f %8.2f%n", name, what, work, span.processSeconds(),
                span.threadSeconds(), span.processSeconds() / referenceSeconds);
        out.printf("  %s: %s%n", name, perItem(span.processSeconds(), work, unit));
        out.flush();
    }

    private static String perItem(double seconds, long work, String unit) {
        return String.format("%.3f us CPU per %s", seconds / work * 1e6, unit.substring(0, unit.length() - 1));
    }

    /** A benchmark that has gone wrong must not print a speed: the mean wait must be within 5 % of Erlang C. */
    private void checkWait(String name, double simulated, double exact) {
        if (scale >= 0.1 && Math.abs(simulated - exact) > 0.05 * exact) {
            throw new IllegalStateException(name + ": mean wait " + simulated + " is not Erlang C's " + exact);
        }
    }

    /** The bare engine: an M/M/c queue, events per second of wall time. */
    @Command(name = "engine", mixinStandardHelpOptions = true,
            description = "Run an M/M/c queue on the bare engine and report events per second.")
    static final class Engine extends BaseCommand {

        @Option(names = "--servers", defaultValue = "8", description = "Servers c (default ${DEFAULT-VALUE}).")
        int servers;

        @Option(names = "--utilization", defaultValue = "0.9", description = "rho (default ${DEFAULT-VALUE}).")
        double utilization;

        @Option(names = "--customers", defaultValue = "10000000",
                description = "Customers served (default ${DEFAULT-VALUE}).")
        long customers;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            if (servers < 1 || !(utilization > 0 && utilization < 1) || customers < 1) {
                throw new CommandLine.ParameterException(commandLine(),
                        "need --servers >= 1, 0 < --utilization < 1 and --customers >= 1");
            }
            MmcEngineBenchmark.Result r = MmcEngineBenchmark.warmUpAndRun(servers, utilization, customers, seed);
            PrintWriter out = out();
            out.printf("M/M/%d at rho %.2f, %,d customers: %,d events in %.3f s = %.1f M events/s%n", servers,
                    utilization, r.customers(), r.events(), r.wallSeconds(), r.eventsPerSecond() / 1e6);
            out.printf("mean wait %.5f (simulated) vs %.5f (Erlang C), in mean service times%n",
                    r.meanWaitSimulated(), r.meanWaitErlangC());
            out.flush();
            return EXIT_OK;
        }
    }
}
