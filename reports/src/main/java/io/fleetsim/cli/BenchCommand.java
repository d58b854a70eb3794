package io.fleetsim.cli;

import io.fleetsim.bench.MmcEngineBenchmark;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetsim bench engine}: measures the bare event engine on an M/M/c queue. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Engine.class,
        description = "Benchmarks that measure fleetsim's own speed.")
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The bare engine: an M/M/c queue, events per second of wall time. */
    @Command(name = "engine", mixinStandardHelpOptions = true,
            description = "Run an M/M/c queue on the bare engine and report events per second.")
    static final class Engine implements Callable<Integer> {

        @Option(names = "--servers", defaultValue = "8", description = "Servers c (default ${DEFAULT-VALUE}).")
        int servers;

        @Option(names = "--utilization", defaultValue = "0.9", description = "rho (default ${DEFAULT-VALUE}).")
        double utilization;

        @Option(names = "--customers", defaultValue = "10000000",
                description = "Customers served (default ${DEFAULT-VALUE}).")
        long customers;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (servers < 1 || !(utilization > 0 && utilization < 1) || customers < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "need --servers >= 1, 0 < --utilization < 1 and --customers >= 1");
            }
            MmcEngineBenchmark.Result r = MmcEngineBenchmark.warmUpAndRun(servers, utilization, customers, seed);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("M/M/%d at rho %.2f, %,d customers: %,d events in %.3f s = %.1f M events/s%n", servers,
                    utilization, r.customers(), r.events(), r.wallSeconds(), r.eventsPerSecond() / 1e6);
            out.printf("mean wait %.5f (simulated) vs %.5f (Erlang C), in mean service times%n",
                    r.meanWaitSimulated(), r.meanWaitErlangC());
            out.flush();
            return 0;
        }
    }
}
