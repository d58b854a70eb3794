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
 * @param linearAttention  linear-attention (Gated DeltaNet) layers in place of some attention
 *                         layers, or null when every layer has softmax attention
 * @param sparseAttention  the sparse-attention indexer of multi-head latent attention (DeepSeek
 *                         sparse attention), or null for dense attention
 * @param attentionOutputGate whether the softmax-attention layers gate their output by a second
 *                         query-wide projection (Qwen3-Next / Qwen3.5 gated attention)
 */
public record LlmModel(String name, double totalParams, double activeParams, int layers, int hiddenSize,
                       int attentionHeads, int kvHeads, int headDim, int contextLength, String source,
                       int intermediateSize, int vocabSize, MoeLayers moe, LatentAttention mla,
                       SlidingWindow slidingWindow, LinearAttention linearAttention,
                       SparseAttention sparseAttention, boolean attentionOutputGate) {

    /** A model whose layers all have softmax attention, dense, without an output gate. */
    public LlmModel(String name, double totalParams, double activeParams, int layers, int hiddenSize,
                    int attentionHeads, int kvHeads, int headDim, int contextLength, String source,
                    int intermediateSize, int vocabSize, MoeLayers moe, LatentAttention mla,
                    SlidingWindow slidingWindow) {
        this(name, totalParams, activeParams, layers, hiddenSize, attentionHeads, kvHeads, headDim, contextLength,
                source, intermediateSize, vocabSize, moe, mla, slidingWindow, null, null, false);
    }

    /** A model described only by its totals and attention shape (no kernel-level shape). */
    public LlmModel(String name, double totalParams, double activeParams, int layers, int hiddenSize,
                    int attentionHeads, int kvHeads, int headDim, int contextLength, String source) {
        this(name, totalParams, activeParams, layers, hiddenSize, attentionHeads, kvHeads, headDim, contextLength,
                source, 0, 0, null, null, null, null, null, false);
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
            return expectedDistinctExperts(experts, topK, tokens);
        }

        /** {@link #expectedDistinctExperts(double)} of any expert count and top-k (a measured kernel's shape). */
        public static double expectedDistinctExperts(int experts, int topK, double tokens) {
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

    /**
     * Linear-attention layers (Qwen3-Next / Qwen3.5 Gated DeltaNet): instead of a KV cache that
     * grows with the sequence, each holds a constant recurrent state per sequence (one
     * {@code keyHeadDim x valueHeadDim} matrix per value head, in 32-bit floats, plus the last
     * {@code convKernel - 1} inputs of its short convolution).
     *
     * @param layers       how many of the model's layers are linear attention
     * @param keyHeads     query/key heads
     * @param valueHeads   value heads (one state matrix each)
     * @param keyHeadDim   query/key head dimension
     * @param valueHeadDim value head dimension
     * @param convKernel   width of the causal convolution over q, k and v
     */
    public record LinearAttention(int layers, int keyHeads, int valueHeads, int keyHeadDim, int valueHeadDim,
                                  int convKernel) {
        /** Bytes per recurrent-state value: 32-bit floats (the checkpoints' {@code mamba_ssm_dtype}). */
        public static final double STATE_BYTES = 4;
        /** Bytes per cached convolution input (16-bit activations). */
        public static final double CONV_BYTES = 2;

        /** Channels of the causal convolution: queries, keys and values. */
        public int convChannels() {
            return 2 * keyHeads * keyHeadDim + valueHeads * valueHeadDim;
        }

        /** Width of the input projection: queries, keys, values and the output gate z, then beta and alpha per value head. */
        public int inputProjectionWidth() {
            return convChannels() + valueHeads * valueHeadDim + 2 * valueHeads;
        }

        /** Width of the output projection's input (values of all heads). */
        public int outputProjectionWidth() {
            return valueHeads * valueHeadDim;
        }

        /** Bytes of state one sequence holds across all linear-attention layers, at any length. */
        public double stateBytesPerSequence() {
            return layers * ((double) valueHeads * keyHeadDim * valueHeadDim * STATE_BYTES
                    + (convKernel - 1.0) * convChannels() * CONV_BYTES);
        }

        /**
         * FLOPs of the recurrence per token and layer: per value head, reading the state with the
         * query and the key and the rank-one update (three {@code keyHeadDim x valueHeadDim}
         * products of 2 FLOPs each). The chunked prefill kernels do this work in blocks.
         */
        public double recurrenceFlopsPerToken() {
            return 6.0 * valueHeads * keyHeadDim * valueHeadDim;
        }
    }

    /**
     * DeepSeek sparse attention's indexer (DeepSeek-V3.2, GLM-5): a light multi-query scorer over
     * every cached token picks the {@code topK} each query attends to. Its keys are cached beside
     * the latent (one {@code indexHeadDim} key per token and layer); its weights are replicated on
     * every GPU.
     *
     * @param indexHeads   scorer query heads
     * @param indexHeadDim scorer head dimension (and cached key per token and layer)
     * @param topK         tokens each query attends to
     */
    public record SparseAttention(int indexHeads, int indexHeadDim, int topK) {
    }

    /** Layers with softmax attention (and a KV cache): all but the linear-attention ones. */
    public int attentionLayers() {
        return linearAttention == null ? layers : layers - linearAttention.layers();
    }

    /** Bytes of KV cache one token occupies across all layers (keys and values). */
    public double kvBytesPerToken(Precision precision) {
        return kvBytesPerToken(precision.kvBytesPerValue());
    }

    /**
     * Bytes of KV cache one token occupies across all layers at {@code bytesPerValue}: the latent
     * and rotary key for MLA (and the sparse-attention indexer's key), keys and values of every KV
     * head otherwise, on the softmax-attention layers only (linear-attention layers hold a constant
     * state per sequence instead, {@link LinearAttention#stateBytesPerSequence}). Sliding-window
     * layers are counted in full (a conservative bound: the serving engine may free what falls out
     * of the window).
     */
    public double kvBytesPerToken(double bytesPerValue) {
        if (mla != null) {
            int perLayer = mla.cachedValuesPerLayer() + (sparseAttention == null ? 0 : sparseAttention.indexHeadDim());
            return (double) layers * perLayer * bytesPerValue;
        }
        return 2.0 * attentionLayers() * kvHeads * headDim * bytesPerValue;
    }

    /** Bytes of constant per-sequence state (linear-attention layers), 0 for a model without. */
    public double stateBytesPerSequence() {
        return linearAttention == null ? 0 : linearAttention.stateBytesPerSequence();
    }

    /** Bytes of the weights at {@code precision}. */
    public double weightBytes(Precision precision) {
        return totalParams * precision.weightBytesPerValue();
    }

    /**
     * Parameters of the routed experts (gate, up and down projections of every expert of every
     * MoE layer); 0 for a dense model or one without a kernel-level shape.
     */
    public double routedExpertParams() {
        if (moe == null) {
            return 0;
        }
        int moeLayers = Math.max(0, layers - moe.denseLayers());
        return (double) moeLayers * moe.experts() * 3.0 * hiddenSize * moe.expertIntermediateSize();
    }

    /**
     * Weights of one softmax-attention layer's projections: queries (with the output gate of a
     * gated attention), keys and values, and the output; for multi-head latent attention the query
     * compression (when {@code qLoraRank > 0}), the KV latent and rotary key, its up-projection and
     * the output, plus the sparse-attention indexer's projections. Norms are left out (thousands of
     * values).
     */
    public double attentionParamsPerLayer() {
        double h = hiddenSize;
        if (mla != null) {
            double qk = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
            double q = mla.qLoraRank() > 0 ? h * mla.qLoraRank() + (double) mla.qLoraRank() * attentionHeads * qk
                    : h * attentionHeads * qk;
            double kv = h * (mla.kvLoraRank() + mla.qkRopeHeadDim())
                    + (double) mla.kvLoraRank() * attentionHeads * (mla.qkNopeHeadDim() + mla.vHeadDim());
            double o = (double) attentionHeads * mla.vHeadDim() * h;
            double indexer = sparseAttention == null ? 0
                    : (mla.qLoraRank() > 0 ? mla.qLoraRank() : h) * sparseAttention.indexHeads()
                            * (double) sparseAttention.indexHeadDim()
                            + h * sparseAttention.indexHeadDim() + h * sparseAttention.indexHeads();
            return q + kv + o + indexer;
        }
        double queries = (attentionOutputGate ? 2.0 : 1.0) * attentionHeads * headDim;
        return h * (queries + 2.0 * kvHeads * headDim) + (double) attentionHeads * headDim * h;
    }

    /**
     * Parameters of one multi-token-prediction module as DeepSeek-V3 defines it (and GLM, Qwen3.5
     * and MiniMax ship): one more decoder layer of the model's shape (a MoE layer where the model
     * has experts: routed and shared experts and the router; else a dense feed-forward) on
     * softmax attention, and the projection {@code eh_proj} of the normalised embedding and hidden
     * state (2 x hidden to hidden). The embedding and output head are shared with the model
     * (DeepSeek-V3 README_WEIGHTS.md: "11.5B unique parameters, excluding the shared 0.9B
     * Embedding and 0.9B output Head"; this shape gives 11.61 B); 0 without a kernel-level shape.
     */
    public double mtpModuleParams() {
        if (!hasKernelShape()) {
            return 0;
        }
        double h = hiddenSize;
        double mlp = moe == null ? 3 * h * intermediateSize
                : mtpModuleRoutedExpertParams() + moe.sharedExperts() * 3 * h * moe.expertIntermediateSize()
                        + h * moe.experts();
        return attentionParamsPerLayer() + mlp + 2 * h * h;
    }

    /** Of {@link #mtpModuleParams}, the routed experts' (0 for a dense model). */
    public double mtpModuleRoutedExpertParams() {
        return moe == null || !hasKernelShape() ? 0 : moe.experts() * 3.0 * hiddenSize * moe.expertIntermediateSize();
    }

    /** Bytes of KV cache one token occupies on one softmax-attention layer (an MTP module's layer). */
    public double kvBytesPerTokenPerLayer(double bytesPerValue) {
        return kvBytesPerToken(bytesPerValue) / attentionLayers();
    }

    /** Whether the model's shape is complete enough for a kernel-based step time. */
    public boolean hasKernelShape() {
        return intermediateSize > 0 && vocabSize > 0;
    }
}
