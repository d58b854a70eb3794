package io.fleetsim.cli;

import io.fleetsim.kernels.KernelTableBuilder;
import io.fleetsim.kernels.RawKernelDb;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetsim kernels ...}: build and check the shipped kernel tables. */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "Build the shipped kernel tables from the raw AIConfigurator database, or check them on "
                + "held-out measurements.",
        subcommands = {KernelsCommand.Build.class, KernelsCheckCommand.class, KernelsMlEnergyCommand.class})
final class KernelsCommand extends BaseCommand {

    @Override
    public Integer call() {
        commandLine().usage(out());
        return EXIT_OK;
    }

    /** Checks that RAWDIR holds the database's CSV tables. */
    static RawKernelDb database(Path raw, CommandLine commandLine) {
        if (!Files.isDirectory(raw) || !new RawKernelDb(raw).has("gemm")) {
            throw new CommandLine.ParameterException(commandLine, "RAWDIR: " + raw
                    + " is not a folder holding gemm_perf.csv.gz (and the other *_perf.csv.gz tables of "
                    + "profiling/aiconfigurator-kernel-db/csv)");
        }
        return new RawKernelDb(raw);
    }

    /** {@code fleetsim kernels build RAWDIR --out DIR}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Write the compact per-engine-version, per-GPU tables fleetsim ships "
                    + "(simulator/src/main/resources/kernels) from the raw database, leaving out the held-out "
                    + "grid values that 'kernels check' scores.")
    static final class Build extends BaseCommand {

        @Parameters(paramLabel = "RAWDIR", description = "Folder of the raw *_perf.csv.gz tables.")
        Path raw;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
        Path out;

        @Override
        public Integer call() {
            List<String> written = KernelTableBuilder.build(database(raw, commandLine()), out);
            PrintWriter w = out();
            w.println("wrote " + written.size() + " table sets to " + out + ": " + String.join(", ", written));
            w.flush();
            return EXIT_OK;
        }
    }
}
