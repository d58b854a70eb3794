package io.fleetsim.validation;

import io.fleetsim.spec.SpeculativeSpec;
import java.util.Locale;

/**
 * Multi-token prediction (DeepSeek's MTP layers used as the drafter of speculative decoding)
 * where the recipe a measured deployment ran enabled it, though its row does not say so.
 *
 * <p>The rows labelled {@code deepseek-ai/DeepSeek-R1} under TensorRT-LLM are InferenceX's
 * {@code dsr1} benchmarks (their ids and provenance say so), whose TensorRT-LLM recipes come in a
 * plain and an {@code -mtp} variant of the same layout and concurrencies
 * (SemiAnalysisAI/InferenceX: {@code benchmarks/single_node/dsr1_fp4_b200_trt_mtp.sh} and its fp8
 * and H200 siblings set {@code speculative_config: {decoding_type: MTP, num_nextn_predict_layers:
 * 3}}, and 1 with attention data parallelism; the Dynamo disaggregated recipes of
 * {@code .github/configs/nvidia-master.yaml} list {@code spec-decoding: "mtp"} entries with 1 to 3
 * layers, 3 where decode attention is tensor-parallel). The plain runs of those sweeps are also
 * listed, as the same measurements, under {@code deepseek-ai/DeepSeek-V3} in the benchmark
 * database dump ({@link DuplicateMeasurements} keeps that listing), so what is left under the R1
 * label is, by the measurements, the MTP runs: at the same engine, GPU, layout and concurrency
 * they are 0.5 to 0.7 times the V3 rows' TPOT (docs/validation.md).
 *
 * <p>Under SGLang, the disaggregated B200 rows labelled {@code deepseek-ai/DeepSeek-R1} (the internal
 * sweeps; the benchmark dump lists its own as {@code DeepSeek-V3}) decode at 5.2-5.6 ms TPOT at 4-8
 * clients, below every aggregated SGLang run of that model on B200 (6.7-9.6 ms), and InferenceX's
 * Dynamo SGLang recipes come in plain and {@code -mtp} variants on B200 only
 * ({@code dsr1-fp4-b200-dynamo-sglang-mtp}, {@code dsr1-fp8-b200-dynamo-sglang-mtp}): their decode
 * workers are planned with MTP too, at the acceptance TensorRT-LLM's profile of the same GPU and
 * precision fitted ({@link #FITTED_ENGINE}). No other row is planned with MTP.
 *
 * <p>Draft tokens per step: {@value #TOKENS}, or {@value #TOKENS_WITH_ATTENTION_DP} on a worker
 * with attention data parallelism, as the single-node scripts choose. The acceptance is what a fit
 * finds ({@link SpeculativeSpace}) or, where none was fitted, {@value #DEFAULT_ACCEPTANCE}: the
 * low end of the "85 % to 90 %" acceptance of the second token DeepSeek reports for its MTP
 * module (DeepSeek-V3 Technical Report, arXiv:2412.19437, section 5.4.3), a figure on natural
 * text that benchmarks on random prompts need not reach.
 */
public final class MtpRecipe {

    /** Acceptance where no fit gives one. */
    public static final double DEFAULT_ACCEPTANCE = 0.85;
    /** Draft tokens per step without attention data parallelism. */
    public static final int TOKENS = 3;
    /** Draft tokens per step with attention data parallelism. */
    public static final int TOKENS_WITH_ATTENTION_DP = 1;
    /** The model label whose TensorRT-LLM rows ran the MTP recipes. */
    static final String MODEL = "deepseek-ai/deepseek-r1";
    /**
     * The engine whose fit gives SGLang's MTP decode workers their acceptance: how many of DeepSeek's
     * MTP drafts the target accepts on the benchmark's prompts is the model's and the prompts', not
     * the engine's, and only TensorRT-LLM's aggregated rows run MTP, so only its profiles fit it.
     */
    static final String FITTED_ENGINE = "trtllm";
    /** The system whose SGLang disaggregated rows of {@link #MODEL} ran InferenceX's MTP recipes. */
    static final String SGLANG_MTP_SYSTEM = "b200_sxm";

    private MtpRecipe() {
    }

    /** Whether deployment {@code d} decoded with multi-token prediction. */
    public static boolean applies(Deployment d) {
        return CatalogNames.engine(d.backend()).filter("trtllm"::equals).isPresent()
                && d.model().toLowerCase(Locale.ROOT).equals(MODEL);
    }

    /**
     * The speculative decoding of a worker of {@code layout} in deployment {@code d} at
     * {@code acceptance}, or null when {@code d} did not use multi-token prediction.
     */
    public static SpeculativeSpec of(Deployment d, Deployment.ParallelLayout layout, double acceptance) {
        return applies(d) ? spec(layout, acceptance) : null;
    }

    /**
     * The speculative decoding of disaggregated deployment {@code d}'s decode workers beyond what
     * {@link #of} gives them, or null: at {@code fittedAcceptance}, the acceptance {@link #FITTED_ENGINE}'s
     * profile of the workers' GPU and precision fitted (no SGLang profile fits one), or
     * {@link #DEFAULT_ACCEPTANCE} where that is NaN.
     */
    static SpeculativeSpec ofSglangDecode(Deployment d, double fittedAcceptance) {
        boolean recipe = d.disaggregated() && CatalogNames.engine(d.backend()).filter("sglang"::equals).isPresent()
                && d.system().equals(SGLANG_MTP_SYSTEM) && d.model().toLowerCase(Locale.ROOT).equals(MODEL);
        return recipe ? spec(d.layout(), Double.isNaN(fittedAcceptance) ? DEFAULT_ACCEPTANCE : fittedAcceptance)
                : null;
    }

    private static SpeculativeSpec spec(Deployment.ParallelLayout layout, double acceptance) {
        int tokens = layout.attentionDp() > 1 ? TOKENS_WITH_ATTENTION_DP : TOKENS;
        return new SpeculativeSpec(SpeculativeSpec.MTP, tokens, acceptance, null);
    }
}
