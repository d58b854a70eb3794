package io.fleetsim.validation;

import java.util.Locale;

/**
 * What was deployed for a measured point, as the points file names it: the unit that
 * cross-validation holds out whole, since all points of one deployment share its errors.
 *
 * @param system         the hardware system, e.g. {@code h100_sxm}
 * @param backend        the serving engine, e.g. {@code vllm}
 * @param backendVersion the engine's version as the data names it; empty when not stated
 * @param model          the model as the data names it (a Hugging Face path or a catalog name)
 * @param precision      the precision label of the row (informative; the quant modes decide)
 * @param gemmQuant      quantisation of the dense matrix multiplies; empty for 16-bit
 * @param moeQuant       quantisation of the expert matrix multiplies; empty for 16-bit or dense
 * @param mode           {@code agg} (one engine does prefill and decode) or {@code disagg}
 * @param layout         how the model is spread over GPUs (a disaggregated deployment's decode workers)
 * @param split          a disaggregated deployment's prefill side and worker counts; null when
 *                       aggregated or when the points file does not give them
 */
public record Deployment(String system, String backend, String backendVersion, String model, String precision,
                         String gemmQuant, String moeQuant, String mode, ParallelLayout layout, Split split) {

    /** A deployment whose points file gives no prefill side. */
    public Deployment(String system, String backend, String backendVersion, String model, String precision,
                      String gemmQuant, String moeQuant, String mode, ParallelLayout layout) {
        this(system, backend, backendVersion, model, precision, gemmQuant, moeQuant, mode, layout, null);
    }

    /**
     * The two sides of a disaggregated deployment beyond the decode layout.
     *
     * <p>The batch sizes are the point's, not the deployment's (a sweep sizes them for each
     * concurrency), so they are not part of {@link #describe} nor of the deployment's key.
     *
     * @param prefill        the prefill workers' layout
     * @param prefillWorkers prefill workers (0: not stated)
     * @param decodeWorkers  decode workers (0: not stated)
     * @param prefillBatch   requests a prefill worker's attention rank batches ({@code prefill_batch_size};
     *                       0: not stated)
     * @param decodeBatch    sequences a decode worker's attention rank batches ({@code decode_batch_size};
     *                       0: not stated)
     */
    public record Split(ParallelLayout prefill, int prefillWorkers, int decodeWorkers, int prefillBatch,
                        int decodeBatch) {

        /** A split whose batch sizes are not stated. */
        public Split(ParallelLayout prefill, int prefillWorkers, int decodeWorkers) {
            this(prefill, prefillWorkers, decodeWorkers, 0, 0);
        }

        /** e.g. {@code prefill tp4 pp1 dp1 moe_tp1 ep4 x1, decode x2} (x? when not stated). */
        public String describe() {
            return "prefill " + prefill.describe() + " x" + count(prefillWorkers) + ", decode x" + count(decodeWorkers);
        }

        private static String count(int n) {
            return n == 0 ? "?" : Integer.toString(n);
        }
    }

    /** Whether prefill and decode run on separate workers. */
    public boolean disaggregated() {
        return mode.equals("disagg");
    }

    /** A one-line key naming every field, for grouping and for reports. */
    public String key() {
        return String.join("|", system, backend, backendVersion.isEmpty() ? "-" : backendVersion, model,
                precision.isEmpty() ? "-" : precision, gemmQuant.isEmpty() ? "-" : gemmQuant,
                moeQuant.isEmpty() ? "-" : moeQuant, mode, layout.describe())
                + (split == null ? "" : "|" + split.describe());
    }

    /**
     * The parallel layout of an aggregated deployment, with AIConfigurator's conventions: the
     * attention part of the model runs tensor-parallel on {@code tp} GPUs in each of
     * {@code attentionDp} data-parallel ranks; expert layers are split over
     * {@code moeTp x moeEp} GPUs. A value the data leaves empty or 0 means 1 (no such split);
     * for a disaggregated deployment the decode workers' layout is kept.
     *
     * @param tp          tensor-parallel degree of attention (and of dense layers)
     * @param pp          pipeline-parallel degree
     * @param attentionDp attention data-parallel ranks
     * @param moeTp       tensor-parallel degree of expert layers
     * @param moeEp       expert-parallel degree
     */
    public record ParallelLayout(int tp, int pp, int attentionDp, int moeTp, int moeEp) {

        /** e.g. {@code tp4 pp1 dp2 moe_tp1 ep8}. */
        public String describe() {
            return String.format(Locale.ROOT, "tp%d pp%d dp%d moe_tp%d ep%d", tp, pp, attentionDp, moeTp, moeEp);
        }
    }
}
