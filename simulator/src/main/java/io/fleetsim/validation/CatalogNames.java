package io.fleetsim.validation;

import io.fleetsim.hardware.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where the names measured data uses are mapped to fleetsim's: hardware systems to
 * catalog GPUs, Hugging Face model paths to catalog models, engine labels to engines and
 * quantisation modes to precisions. The mapping says only what a name means; whether the catalog
 * has the entry is looked up when a point is simulated, so a name the catalog lacks today is a
 * skipped point, not an error.
 */
public final class CatalogNames {

    /** Engines a points file may name. */
    public static final List<String> ENGINES = List.of("vllm", "sglang", "trtllm");

    /** Quantisation modes a points file may name, besides empty (16-bit). */
    public static final List<String> QUANTISATIONS = List.of("bf16", "fp16", "fp8", "fp8_block", "nvfp4", "mxfp4",
            "int4_wo");

    private static final Map<String, String> SYSTEMS = new LinkedHashMap<>();
    private static final Map<String, List<String>> MODELS = new LinkedHashMap<>();

    static {
        SYSTEMS.put("a100_sxm", "A100-SXM-80GB");
        SYSTEMS.put("h100_sxm", "H100-SXM-80GB");
        SYSTEMS.put("h200_sxm", "H200-SXM-141GB");
        SYSTEMS.put("b200_sxm", "B200-180GB");
        SYSTEMS.put("b300_sxm", "B300-SXM-288GB");
        SYSTEMS.put("gb200", "GB200-NVL72");
        SYSTEMS.put("gb300", "GB300-NVL72");
        SYSTEMS.put("l40s", "L40S");

        // Fine-tunes and re-quantised checkpoints share their base model's shapes.
        model("llama-3.1-8b", "meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B-Instruct",
                "nvidia/Llama-3.1-8B-Instruct-FP8");
        model("llama-3.1-70b", "meta-llama/Llama-3.1-70B", "meta-llama/Llama-3.1-70B-Instruct",
                "nvidia/Llama-3.1-70B-Instruct-FP8");
        model("llama-3.1-405b", "meta-llama/Llama-3.1-405B", "meta-llama/Llama-3.1-405B-Instruct");
        model("llama-3.3-70b", "meta-llama/Llama-3.3-70B-Instruct", "nvidia/Llama-3.3-70B-Instruct-FP8");
        model("qwen3-32b", "Qwen/Qwen3-32B", "Qwen/Qwen3-32B-FP8", "nvidia/Qwen3-32B-NVFP4");
        model("qwen3-235b-a22b", "Qwen/Qwen3-235B-A22B", "Qwen/Qwen3-235B-A22B-FP8");
        model("qwen3.5-397b-a17b", "Qwen/Qwen3.5-397B-A17B");
        model("deepseek-r1", "deepseek-ai/DeepSeek-R1", "nvidia/DeepSeek-R1-NVFP4");
        // DeepSeek-V3.1 keeps V3's architecture and shapes.
        model("deepseek-v3", "deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-V3.1", "nvidia/DeepSeek-V3.1-NVFP4");
        model("gpt-oss-20b", "openai/gpt-oss-20b");
        model("gpt-oss-120b", "openai/gpt-oss-120b");
        model("kimi-k2", "moonshotai/Kimi-K2-Instruct");
        model("minimax-m2.5", "MiniMaxAI/MiniMax-M2.5");
        model("glm-5", "zhipuai/GLM-5");
        // Kimi-K2.5's language model has Kimi-K2's shapes: the catalog may carry either name.
        MODELS.put("moonshotai/kimi-k2.5", List.of("kimi-k2.5", "kimi-k2"));
    }

    private CatalogNames() {
    }

    private static void model(String catalogName, String... paths) {
        for (String p : paths) {
            MODELS.put(p.toLowerCase(Locale.ROOT), List.of(catalogName));
        }
    }

    /** The catalog GPU of a hardware system name such as {@code h100_sxm}. */
    public static Optional<String> gpuName(String system) {
        return Optional.ofNullable(SYSTEMS.get(system.toLowerCase(Locale.ROOT)));
    }

    /**
     * The catalog GPU a points file's {@code system} names: the mapped GPU of a system name, else
     * the name itself (a catalog GPU name, as a planner's own benchmark gives it).
     */
    public static String gpuOf(String system) {
        return gpuName(system).orElse(system);
    }

    /** System names known. */
    public static List<String> systems() {
        return List.copyOf(SYSTEMS.keySet());
    }

    /**
     * Catalog model names a data model name may stand for, in order of preference: for a Hugging
     * Face path ({@code org/name}, any case) the mapped names, empty when unknown; a name without
     * {@code /} is taken as a catalog name itself.
     */
    public static List<String> modelCandidates(String model) {
        if (!model.contains("/")) {
            return model.isEmpty() ? List.of() : List.of(model);
        }
        return MODELS.getOrDefault(model.toLowerCase(Locale.ROOT), List.of());
    }

    /** Hugging Face paths known, as lower case. */
    public static List<String> modelPaths() {
        return new ArrayList<>(MODELS.keySet());
    }

    /** The engine an engine label names ({@code vllm}, {@code sglang}, {@code trtllm}). */
    public static Optional<String> engine(String backend) {
        String b = backend.toLowerCase(Locale.ROOT);
        if (b.equals("tensorrt-llm") || b.equals("tensorrt_llm")) {
            return Optional.of("trtllm");
        }
        return ENGINES.contains(b) ? Optional.of(b) : Optional.empty();
    }

    /** Whether {@code quant} is a known quantisation mode (empty: 16-bit). */
    public static Optional<String> quantisation(String quant) {
        String q = quant.toLowerCase(Locale.ROOT);
        return q.isEmpty() || QUANTISATIONS.contains(q) ? Optional.of(q) : Optional.empty();
    }

    /**
     * The precision a known quantisation mode runs at, empty when fleetsim cannot express it.
     * Block-scaled fp8, mxfp4 and int4 weight-only keep their own kernels (the tables time them
     * apart from per-tensor fp8 and nvfp4).
     */
    public static Optional<Precision> precision(String quant) {
        return switch (quant.toLowerCase(Locale.ROOT)) {
            case "", "bf16", "fp16" -> Optional.of(Precision.BF16);
            case "fp8" -> Optional.of(Precision.FP8);
            case "fp8_block" -> Optional.of(Precision.FP8_BLOCK);
            case "nvfp4" -> Optional.of(Precision.FP4);
            case "mxfp4" -> Optional.of(Precision.MXFP4);
            case "int4_wo" -> Optional.of(Precision.INT4_WO);
            default -> Optional.empty();
        };
    }
}
