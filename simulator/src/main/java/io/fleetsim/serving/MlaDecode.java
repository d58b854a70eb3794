package io.fleetsim.serving;

import io.fleetsim.hardware.LlmModel;
import io.fleetsim.kernels.KernelSet;
import io.fleetsim.kernels.LogGrid;
import java.util.Locale;

/**
 * How long multi-head latent attention (DeepSeek's MLA) takes to decode when no MLA decode kernel
 * was measured: as a roofline of two measured regimes of the same GPU.
 *
 * <p>An MLA decode kernel (FlashMLA, TensorRT-LLM's) reads each sequence's cached latent once
 * for all the query heads on the GPU and does, per head and cached token, a product over the
 * latent with its rope part ({@code kv_lora_rank + qk_rope_head_dim} values) and one over the
 * latent ({@code kv_lora_rank}). With few heads the read dominates; with many (attention tensor
 * parallelism 1 or 2, as under attention data parallelism) the FLOPs do. The read is timed by the
 * measured GQA decode kernel of at most {@link #MEASURED_HEADS} query heads over one KV head of
 * the latent's width (its memory-bound path); the FLOPs by the best rate the GPU's measured
 * prefill attention reaches, against the best bandwidth its measured decode attention reaches. The
 * decode time is then the read's times {@code max(1, heads / h*)}, where {@code h*} is the head
 * count at which the FLOPs take as long as the read.
 *
 * @param flopsPerSecond best attention FLOP rate measured (prefill, causal)
 * @param bytesPerSecond best KV read rate measured (decode)
 * @param balanceHeads   {@code h*}: heads whose FLOPs at that rate take as long as the latent read
 */
public record MlaDecode(double flopsPerSecond, double bytesPerSecond, double balanceHeads) {

    /** Most query heads per KV head the measured decode kernels run on their memory-bound path. */
    public static final int MEASURED_HEADS = 32;

    /**
     * From the measured prefill attention {@code context} of shape {@code contextShape} and decode
     * attention {@code decode} of {@code decodeShape} (seconds per call), for {@code mla} with a KV cache of
     * {@code kvBytesPerValue} bytes per value.
     */
    public static MlaDecode of(LlmModel.LatentAttention mla, double kvBytesPerValue,
                               KernelSet.AttentionShape contextShape, LogGrid context,
                               KernelSet.AttentionShape decodeShape, LogGrid decode) {
        double flops = 0;
        for (double batch : context.axis(0)) {
            for (double isl : context.axis(1)) {
                double seconds = context.at(batch, isl);
                if (seconds > 0) {
                    // Causal: half of the isl x isl scores, QK^T and PV each 2 FLOPs per multiply-add.
                    double work = 2.0 * batch * contextShape.heads() * contextShape.headDim() * isl * isl;
                    flops = Math.max(flops, work / seconds);
                }
            }
        }
        double bytes = 0;
        for (double batch : decode.axis(0)) {
            for (double kv : decode.axis(1)) {
                double seconds = decode.at(batch, kv);
                if (seconds > 0) {
                    double read = batch * kv * 2.0 * decodeShape.kvHeads() * decodeShape.headDim() * kvBytesPerValue;
                    bytes = Math.max(bytes, read / seconds);
                }
            }
        }
        double readPerToken = mla.cachedValuesPerLayer() * kvBytesPerValue;
        double flopsPerHeadToken = 2.0 * (mla.cachedValuesPerLayer() + mla.kvLoraRank());
        double balance = flops > 0 && bytes > 0 ? flops / bytes * readPerToken / flopsPerHeadToken
                : Double.POSITIVE_INFINITY;
        return new MlaDecode(flops, bytes, balance);
    }

    /**
     * The decode time of {@code heads} query heads per GPU over that of the measured kernel of
     * {@code min(heads, MEASURED_HEADS)} heads: 1 up to the measured heads, which the kernel's own
     * time covers, then {@code heads / max(h*, MEASURED_HEADS)}, at least 1.
     */
    public double stretch(int heads) {
        if (heads <= MEASURED_HEADS) {
            return 1;
        }
        return Math.max(1, heads / Math.max(balanceHeads, MEASURED_HEADS));
    }

    /** The rates and balance, for a pool's notes. */
    public String describe() {
        return String.format(Locale.ROOT, "measured attention %.0f TFLOP/s, KV read %.0f GB/s: FLOPs outlast the latent "
                + "read beyond %.0f heads", flopsPerSecond / 1e12, bytesPerSecond / 1e9, balanceHeads);
    }
}
