package io.fleetsim.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/**
 * The catalog entries of MiniMax-M2.5, GLM-5 and Qwen3.5-397B-A17B against parameter counts and
 * KV bytes computed here by hand from the values of each model's config.json (the literals below),
 * not from the catalog's fields.
 */
class NewCatalogModelsTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();

    /** A SwiGLU feed-forward block (gate, up, down) of {@code width} on a {@code hidden} model. */
    private static double ffn(double hidden, double width) {
        return 3 * hidden * width;
    }

    @Test
    void miniMaxM25() {
        // config.json: hidden 3072, 62 layers, 48 heads / 8 KV heads of 128, 256 experts of 1536,
        // top 8, vocab 200064, untied embeddings
        double h = 3072;
        double attention = h * (48 * 128 + 2 * 8 * 128) + 48 * 128 * h;
        double router = h * 256;
        double embeddings = 2 * 200064 * h;
        double total = 62 * (attention + 256 * ffn(h, 1536) + router) + embeddings;
        double active = 62 * (attention + 8 * ffn(h, 1536) + router) + 200064 * h;
        LlmModel m = CATALOG.model("minimax-m2.5");
        assertEquals(total, m.totalParams(), 0.001 * total);
        assertEquals(active, m.activeParams(), 0.001 * active);
        // keys and values of 8 heads of 128 on 62 layers, 16-bit
        assertEquals(2.0 * 62 * 8 * 128 * 2, m.kvBytesPerToken(2));
        assertEquals(0, m.stateBytesPerSequence());
    }

    @Test
    void glm5() {
        // config.json: hidden 6144, 78 layers (3 dense of 12288), 64 heads, q_lora 2048, kv_lora 512,
        // qk_nope 192, qk_rope 64, v_head 256, 256 experts + 1 shared of 2048, top 8, vocab 154880,
        // indexer 32 heads of 128
        double h = 6144;
        double mla = h * 2048 + 2048 * 64 * (192 + 64) + h * (512 + 64) + 512 * 64 * (192 + 256) + 64 * 256 * h;
        double indexer = 2048 * 32 * 128 + h * 128 + h * 32;
        double router = h * 256;
        double total = 78 * (mla + indexer) + 3 * ffn(h, 12288) + 75 * (257 * ffn(h, 2048) + router) + 2 * 154880 * h;
        double active = 78 * (mla + indexer) + 3 * ffn(h, 12288) + 75 * (9 * ffn(h, 2048) + router) + 154880 * h;
        LlmModel m = CATALOG.model("glm-5");
        assertEquals(total, m.totalParams(), 0.001 * total);
        assertEquals(active, m.activeParams(), 0.002 * active);
        // per token and layer: the latent (512), the rotary key (64) and the indexer's key (128), 8-bit
        assertEquals(78.0 * (512 + 64 + 128), m.kvBytesPerToken(1));
    }

    @Test
    void qwen35() {
        // text_config: hidden 4096, 60 layers of which every 4th full attention (32 heads / 2 KV heads
        // of 256, gated: q projection twice as wide), 45 Gated DeltaNet (16 key heads / 64 value heads
        // of 128, conv 4), 512 experts of 1024 top 10 + shared 1024, vocab 248320
        double h = 4096;
        double full = h * (2 * 32 * 256 + 2 * 2 * 256) + 32 * 256 * h;
        double conv = 2 * 16 * 128 + 64 * 128;
        double linear = h * (conv + 64 * 128 + 2 * 64) + conv * 4 + 64 * 128 * h;
        double moe = 512 * ffn(h, 1024) + ffn(h, 1024) + h * 512 + h;
        double total = 15 * full + 45 * linear + 60 * moe + 2 * 248320 * h;
        double active = 15 * full + 45 * linear + 60 * (11 * ffn(h, 1024) + h * 512 + h) + 248320 * h;
        LlmModel m = CATALOG.model("qwen3.5-397b-a17b");
        assertEquals(total, m.totalParams(), 0.001 * total);
        assertEquals(active, m.activeParams(), 0.003 * active);
        assertEquals(15, m.attentionLayers());
        // KV only on the 15 full-attention layers: keys and values of 2 heads of 256, 16-bit
        assertEquals(15.0 * 2 * 2 * 256 * 2, m.kvBytesPerToken(2));
        // per linear layer: 64 state matrices of 128 x 128 fp32, and 3 inputs of the 12288 conv channels
        assertEquals(45.0 * (64 * 128 * 128 * 4 + 3 * 12288 * 2), m.stateBytesPerSequence());
    }

    /**
     * The constant state of 64 sequences is taken from the KV cache before it is divided into
     * tokens, each token's KV counted once per GPU that keeps it.
     */
    @Test
    void linearAttentionStateIsReservedPerSequence() {
        LlmModel m = CATALOG.model("qwen3.5-397b-a17b");
        Gpu gpu = CATALOG.gpu("B200-180GB");
        ReplicaMemory memory = new ReplicaMemory(gpu, m, 8, Precision.BF16, 0.9);
        ServerSpec.Llm server = new ServerSpec.Llm(memory, 16384, new BatchingSpec(64, 8192), PerformanceSpec.DEFAULT);
        double usable = 8 * gpu.memoryBytes() * 0.9;
        double free = usable - 396.3e9 * 2 - 8 * 2e9 - 64 * 45.0 * (64 * 128 * 128 * 4 + 3 * 12288 * 2);
        // 2 KV heads over 8 GPUs: each head's cache is kept on 4 of them
        assertEquals(4, memory.kvCopies(m));
        assertEquals((long) Math.floor(free / (15.0 * 2 * 2 * 256 * 2 * 4)), server.kvCacheTokens());
    }
}
