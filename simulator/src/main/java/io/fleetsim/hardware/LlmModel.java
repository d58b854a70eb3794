package io.fleetsim.hardware;

/**
 * The shape of a transformer model, enough to size its weights, its KV cache, its FLOPs and the
 * shapes of its kernels.
 *
 * @param name             catalog name, e.g. {@code llama-3.1-70b}
 * @param totalParams      all parameters (weights to hold in memory)
 * @param activeParams     parameters used per token (equal to total for dense models)
 * @param layers           transformer layers
 * @param hiddenSize       model dimension
 * @param attentionHeads   query heads
 * @param kvHeads          key/value heads (grouped-query attention)
 * @param headDim          dimension of one head
 * @param contextLength    longest sequence (prompt + output) the model accepts
 * @param source           where the numbers come from
 * @param intermediateSize dense feed-forward width (0 when not given: no kernel-based step time)
 * @param vocabSize        vocabulary size (the LM head's width; 0 when not given)
 * @param moe              mixture-of-experts layers, or null for a dense model
 * @param mla              multi-head latent attention, or null for ordinary (grouped-query) attention
 * @param slidingWindow    sliding-window attention layers, or null when every layer attends to all
 */
public record LlmModel(String name, double totalParams, double activeParams, int layers, int hiddenSize,
                       int attentionHeads, int kvHeads, int headDim, int contextLength, String source,
                       int intermediateSize, int vocabSize, MoeLayers moe, LatentAttention mla,
                       SlidingWindow slidingWindow) {

    /** A model described only by its totals and attention shape (no kernel-level shape). */
    public LlmModel(String name, double totalParams, double activeParams, int layers, int hiddenSize,
                    int attentionHeads, int kvHeads, int headDim, int contextLength, String source) {
        this(name, totalParams, activeParams, layers, hiddenSize, attentionHeads, kvHeads, headDim, contextLength,
                source, 0, 0, null, null, null);
    }

    /**
     * Mixture-of-experts feed-forward layers.
     *
     * @param experts                routed experts
     * @param topK                   routed experts per token
     * @param sharedExperts          experts every token uses
     * @param expertIntermediateSize feed-forward width of one expert
     * @param denseLayers            leading layers with a dense feed-forward of {@code intermediateSize}
     */
    public record MoeLayers(int experts, int topK, int sharedExperts, int expertIntermediateSize, int denseLayers) {

        /**
         * Expected number of distinct experts a batch of {@code tokens} tokens reads, when each
         * token picks {@code topK} of {@code experts} uniformly: E (1 - (1 - k/E)^tokens). Weight
         * bytes read grow with the batch until every expert is read.
         */
        public double expectedDistinctExperts(double tokens) {
            return experts * (1 - Math.pow(1 - (double) topK / experts, tokens));
        }
    }

    /**
     * Multi-head latent attention (DeepSeek-V2/V3, Kimi K2): the KV cache holds one compressed
     * latent of {@code kvLoraRank} plus a shared rotary key of {@code qkRopeHeadDim} per token and
     * layer, not heads x dim keys and values.
     *
     * @param kvLoraRank    latent dimension
     * @param qkRopeHeadDim rotary part of each query/key head
     * @param qkNopeHeadDim non-rotary part of each query/key head
     * @param vHeadDim      value head dimension
     * @param qLoraRank     query compression rank (0 when queries are not compressed)
     */
    public record LatentAttention(int kvLoraRank, int qkRopeHeadDim, int qkNopeHeadDim, int vHeadDim,
                                  int qLoraRank) {
        /** Values cached per token and layer. */
        public int cachedValuesPerLayer() {
            return kvLoraRank + qkRopeHeadDim;
        }
    }

    /**
     * Sliding-window attention on some layers (gpt-oss: every other layer).
     *
     * @param tokens window length
     * @param layers how many of the model's layers use it
     */
    public record SlidingWindow(int tokens, int layers) {
    }

    /** Bytes of KV cache one token occupies across all layers (keys and values). */
    public double kvBytesPerToken(Precision precision) {
        return kvBytesPerToken(precision.kvBytesPerValue());
    }

    /**
     * Bytes of KV cache one token occupies across all layers at {@code bytesPerValue}: the latent
     * and rotary key for MLA, keys and values of every KV head otherwise. Sliding-window layers are
     * counted in full (a conservative bound: the serving engine may free what falls out of the window).
     */
    public double kvBytesPerToken(double bytesPerValue) {
        if (mla != null) {
            return (double) layers * mla.cachedValuesPerLayer() * bytesPerValue;
        }
        return 2.0 * layers * kvHeads * headDim * bytesPerValue;
    }

    /** Bytes of the weights at {@code precision}. */
    public double weightBytes(Precision precision) {
        return totalParams * precision.weightBytesPerValue();
    }

    /** Whether the model's shape is complete enough for a kernel-based step time. */
    public boolean hasKernelShape() {
        return intermediateSize > 0 && vocabSize > 0;
    }
}
