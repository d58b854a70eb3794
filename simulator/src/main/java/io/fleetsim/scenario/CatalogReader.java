package io.fleetsim.scenario;

import io.fleetsim.cost.PriceBook;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads GPU and model entries, both from the catalog shipped inside the jar
 * ({@code catalog/gpus.yaml}, {@code catalog/models.yaml}) and from a scenario's own
 * {@code catalog:} block.
 */
public final class CatalogReader {

    private CatalogReader() {
    }

    /** The catalog shipped with fleetsim. */
    public static HardwareCatalog builtIn() {
        SpecNode gpus = resource("catalog/gpus.yaml");
        SpecNode models = resource("catalog/models.yaml");
        gpus.allowOnly("gpus");
        models.allowOnly("models");
        return new HardwareCatalog(readGpus(gpus.required("gpus")), readModels(models.required("models")));
    }

    /** The default prices shipped with fleetsim. */
    public static PriceBook builtInPrices() {
        SpecNode root = resource("catalog/prices.yaml");
        root.allowOnly("gpu_hour_prices");
        List<PriceBook.GpuHourPrice> out = new ArrayList<>();
        for (SpecNode n : root.required("gpu_hour_prices").elements()) {
            n.allowOnly("gpu", "kind", "usd_per_gpu_hour", "source");
            out.add(new PriceBook.GpuHourPrice(n.required("gpu").text(),
                    PoolKind.fromId(n.required("kind").choice("reserved", "on-demand", "spot")),
                    n.required("usd_per_gpu_hour").positiveNumber(), n.required("source").text()));
        }
        return new PriceBook(out);
    }

    static List<Gpu> readGpus(SpecNode list) {
        List<Gpu> out = new ArrayList<>();
        for (SpecNode n : list.elements()) {
            n.allowOnly("name", "memory", "memory_bandwidth_tb_s", "bf16_tflops", "fp8_tflops", "fp4_tflops",
                    "interconnect_gb_s",
                    "source");
            out.add(new Gpu(n.required("name").text(), positiveBytes(n.required("memory")),
                    n.required("memory_bandwidth_tb_s").positiveNumber() * 1e12,
                    n.required("bf16_tflops").positiveNumber() * 1e12,
                    optionalTflops(n.get("fp8_tflops")), optionalTflops(n.get("fp4_tflops")),
                    n.required("interconnect_gb_s").positiveNumber() * 1e9,
                    n.get("source").text("scenario file")));
        }
        return out;
    }

    static List<LlmModel> readModels(SpecNode list) {
        List<LlmModel> out = new ArrayList<>();
        for (SpecNode n : list.elements()) {
            n.allowOnly("name", "total_params_b", "active_params_b", "layers", "hidden_size", "attention_heads",
                    "kv_heads", "head_dim", "context_length", "source");
            double total = n.required("total_params_b").positiveNumber() * 1e9;
            double active = n.get("active_params_b").isMissing() ? total
                    : n.get("active_params_b").numberIn(1e-9, total / 1e9) * 1e9;
            out.add(new LlmModel(n.required("name").text(), total, active,
                    (int) n.required("layers").integerIn(1, 10_000),
                    (int) n.required("hidden_size").integerIn(1, 1_000_000),
                    (int) n.required("attention_heads").integerIn(1, 10_000),
                    (int) n.required("kv_heads").integerIn(1, 10_000),
                    (int) n.required("head_dim").integerIn(1, 100_000),
                    (int) n.required("context_length").integerIn(1, 100_000_000),
                    n.get("source").text("scenario file")));
        }
        return out;
    }

    private static double optionalTflops(SpecNode n) {
        return n.isMissing() ? 0 : n.numberIn(0, 1e6) * 1e12;
    }

    private static double positiveBytes(SpecNode n) {
        double bytes = n.bytes();
        if (!(bytes > 0)) {
            throw n.error("must be a size > 0");
        }
        return bytes;
    }

    private static SpecNode resource(String name) {
        try (InputStream in = CatalogReader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + name);
            }
            return SpecDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
