package io.fleetsim.hardware;

/**
 * The shape of a transformer model, enough to size its weights, its KV cache and its FLOPs.
 *
 * @param name           catalog name, e.g. {@code llama-3.1-70b}
 * @param totalParams    all parameters (weights to hold in memory)
 * @param activeParams   parameters used per token (equal to total for dense models)
 * @param layers         transformer layers
 * @param hiddenSize     model dimension
 * @param attentionHeads query heads
 * @param kvHeads        key/value heads (grouped-query attention)
 * @param headDim        dimension of one head
 * @param contextLength  longest sequence (prompt + output) the model accepts
 * @param source         where the numbers come from
 */
public record LlmModel(String name, double totalParams, double activeParams, int layers, int hiddenSize,
                       int attentionHeads, int kvHeads, int headDim, int contextLength, String source) {

    /** Bytes of KV cache one token occupies across all layers (keys and values). */
    public double kvBytesPerToken(Precision precision) {
        return 2.0 * layers * kvHeads * headDim * precision.kvBytesPerValue();
    }

    /** Bytes of the weights at {@code precision}. */
    public double weightBytes(Precision precision) {
        return totalParams * precision.weightBytesPerValue();
    }
}
