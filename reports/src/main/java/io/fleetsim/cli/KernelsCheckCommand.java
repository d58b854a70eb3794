package io.fleetsim.cli;

import io.fleetsim.kernels.KernelCheck;
import io.fleetsim.kernels.KernelIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetsim kernels check RAWDIR}: the shipped tables against held-out measurements. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Predict every measured kernel row held out of the shipped tables (every 4th value of the "
                + "token axis) by interpolating the shipped tables, and print the median and 90th percentile "
                + "absolute percentage error per table, engine version / GPU and dtype.")
final class KernelsCheckCommand extends BaseCommand {

    @Parameters(paramLabel = "RAWDIR", description = "Folder of the raw *_perf.csv.gz tables.")
    Path raw;

    @Override
    public Integer call() {
        List<KernelCheck.Score> scores = KernelCheck.run(KernelsCommand.database(raw, commandLine()),
                KernelIndex.builtIn().directories());
        PrintWriter w = out();
        w.printf(Locale.ROOT, "%-22s %-27s %-16s %7s %9s %9s%n", "table", "engine version / GPU", "dtype", "rows",
                "median %", "p90 %");
        for (KernelCheck.Score s : scores) {
            w.printf(Locale.ROOT, "%-22s %-27s %-16s %7d %9.2f %9.2f%n", s.table(), s.directory(), s.family(), s.rows(),
                    s.medianPct(), s.p90Pct());
        }
        w.println("Held out of the shipped tables: every 4th measured value of each table's token axis (GEMM m, "
                + "prefill ISL, decode KV length, MoE tokens); error |predicted - measured| / measured.");
        w.flush();
        return EXIT_OK;
    }
}
