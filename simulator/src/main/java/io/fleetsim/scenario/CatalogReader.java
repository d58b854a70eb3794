package io.fleetsim.scenario;

import io.fleetsim.cost.PriceBook;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.PoolKind;
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
                    "kv_heads", "head_dim", "context_length", "source", "intermediate_size", "vocab_size", "moe",
                    "mla", "sliding_window", "linear_attention", "sparse_attention", "attention_output_gate");
            double total = n.required("total_params_b").positiveNumber() * 1e9;
            double active = n.get("active_params_b").isMissing() ? total
                    : n.get("active_params_b").numberIn(1e-9, total / 1e9) * 1e9;
            int layers = (int) n.required("layers").integerIn(1, 10_000);
            LlmModel.LatentAttention mla = mla(n.get("mla"));
            if (mla == null && !n.get("sparse_attention").isMissing()) {
                throw n.get("sparse_attention").error("needs mla (the sparse-attention indexer is modelled for "
                        + "multi-head latent attention only)");
            }
            out.add(new LlmModel(n.required("name").text(), total, active, layers,
                    (int) n.required("hidden_size").integerIn(1, 1_000_000),
                    (int) n.required("attention_heads").integerIn(1, 10_000),
                    (int) n.required("kv_heads").integerIn(1, 10_000),
                    (int) n.required("head_dim").integerIn(1, 100_000),
                    (int) n.required("context_length").integerIn(1, 100_000_000),
                    n.get("source").text("scenario file"),
                    n.get("intermediate_size").intIn(1, 10_000_000, 0),
                    n.get("vocab_size").intIn(1, 100_000_000, 0),
                    moe(n.get("moe")), mla, slidingWindow(n.get("sliding_window")),
                    linearAttention(n.get("linear_attention"), layers), sparseAttention(n.get("sparse_attention")),
                    n.get("attention_output_gate").flag(false)));
        }
        return out;
    }

    private static LlmModel.MoeLayers moe(SpecNode n) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("experts", "top_k", "shared_experts", "expert_intermediate_size", "dense_layers");
        int experts = (int) n.required("experts").integerIn(1, 100_000);
        return new LlmModel.MoeLayers(experts, (int) n.required("top_k").integerIn(1, experts),
                n.get("shared_experts").intIn(0, 1000, 0),
                (int) n.required("expert_intermediate_size").integerIn(1, 10_000_000),
                n.get("dense_layers").intIn(0, 10_000, 0));
    }

    private static LlmModel.LatentAttention mla(SpecNode n) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("kv_lora_rank", "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim", "q_lora_rank");
        return new LlmModel.LatentAttention((int) n.required("kv_lora_rank").integerIn(1, 100_000),
                (int) n.required("qk_rope_head_dim").integerIn(0, 100_000),
                (int) n.required("qk_nope_head_dim").integerIn(0, 100_000),
                (int) n.required("v_head_dim").integerIn(1, 100_000),
                n.get("q_lora_rank").intIn(0, 100_000, 0));
    }

    private static LlmModel.SlidingWindow slidingWindow(SpecNode n) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("tokens", "layers");
        return new LlmModel.SlidingWindow((int) n.required("tokens").integerIn(1, 100_000_000),
                (int) n.required("layers").integerIn(0, 10_000));
    }

    private static LlmModel.LinearAttention linearAttention(SpecNode n, int layers) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("layers", "key_heads", "value_heads", "key_head_dim", "value_head_dim", "conv_kernel");
        // at least one layer keeps softmax attention (and a KV cache)
        return new LlmModel.LinearAttention((int) n.required("layers").integerIn(1, layers - 1),
                (int) n.required("key_heads").integerIn(1, 10_000),
                (int) n.required("value_heads").integerIn(1, 10_000),
                (int) n.required("key_head_dim").integerIn(1, 100_000),
                (int) n.required("value_head_dim").integerIn(1, 100_000),
                n.get("conv_kernel").intIn(1, 1_000, 4));
    }

    private static LlmModel.SparseAttention sparseAttention(SpecNode n) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("index_heads", "index_head_dim", "index_topk");
        return new LlmModel.SparseAttention((int) n.required("index_heads").integerIn(1, 10_000),
                (int) n.required("index_head_dim").integerIn(1, 100_000),
                (int) n.required("index_topk").integerIn(1, 100_000_000));
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
