package io.fleetsim.cli;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.scenario.CatalogReader;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetsim catalog}: the GPUs and models scenario files can name. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "List the GPUs and models a scenario can name (scenarios may add their own).")
final class CatalogCommand extends BaseCommand {

    @Override
    public Integer call() {
        HardwareCatalog catalog = CatalogReader.builtIn();
        PrintWriter out = out();
        out.printf(Locale.ROOT, "%-16s %8s %8s %9s %9s %9s %8s%n", "GPU", "mem GB", "HBM TB/s", "BF16 TF",
                "FP8 TF", "FP4 TF", "link GB/s");
        for (Gpu g : catalog.gpus()) {
            out.printf(Locale.ROOT, "%-16s %8.1f %8.2f %9.0f %9s %9s %8.0f%n", g.name(), g.memoryBytes() / 1e9,
                    g.memoryBandwidthBytesPerSecond() / 1e12, g.bf16FlopsPerSecond() / 1e12,
                    tflops(g.fp8FlopsPerSecond()), tflops(g.fp4FlopsPerSecond()), g.interconnectBytesPerSecond() / 1e9);
        }
        out.println();
        out.printf(Locale.ROOT, "%-16s %9s %9s %6s %6s %8s %9s %12s%n", "model", "params B", "active B", "layers",
                "hidden", "kv heads", "context", "KV KB/token");
        for (LlmModel m : catalog.models()) {
            out.printf(Locale.ROOT, "%-16s %9.1f %9.1f %6d %6d %8d %9d %12.0f%n", m.name(), m.totalParams() / 1e9,
                    m.activeParams() / 1e9, m.layers(), m.hiddenSize(), m.kvHeads(), m.contextLength(),
                    m.kvBytesPerToken(Precision.BF16) / 1024);
        }
        out.println();
        out.println("Sources: simulator/src/main/resources/catalog/ (KV per token at bf16).");
        out.flush();
        return EXIT_OK;
    }

    private static String tflops(double flops) {
        return flops > 0 ? String.format(Locale.ROOT, "%.0f", flops / 1e12) : "-";
    }
}
