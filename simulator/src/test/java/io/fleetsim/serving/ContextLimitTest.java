package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContextLimitTest {

    private static Request request(int prompt, int output) {
        return new Request(0, 0, 0, prompt, output);
    }

    @Test
    void bothBoundsHoldAtTheirEdges() {
        // 100 tokens of context at most, 4 blocks of 16 (64 tokens) at most
        ContextLimit limit = new ContextLimit(100, 4);
        assertTrue(limit.fits(request(60, 4)));
        assertFalse(limit.fits(request(60, 5)), "65 tokens need a fifth block");
        assertTrue(new ContextLimit(100, 10).fits(request(90, 10)));
        assertFalse(new ContextLimit(100, 10).fits(request(90, 11)), "101 tokens exceed the model length");
        assertTrue(ContextLimit.NONE.fits(request(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2)));
    }

    @Test
    void andTakesTheSmallerOfEachBound() {
        ContextLimit both = new ContextLimit(100, 9).and(new ContextLimit(200, 4));
        assertEquals(new ContextLimit(100, 4), both);
    }

    /** The limit read from a spec once answers as the spec itself did, request by request. */
    @Test
    void agreesWithTheSpecsOwnArithmetic() {
        ServerSpec.Llm spec = ReferenceReplica.spec(256, 8192, 0.2255);
        long blocks = spec.kvCacheTokens() / LlmReplica.KV_BLOCK_TOKENS / spec.memory().attentionDataParallel();
        ContextLimit limit = ContextLimit.of(spec);
        SplittableRandom random = new SplittableRandom(16);
        int bound = (int) Math.max(spec.maxModelLen(), spec.kvCacheTokens()) * 2;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            Request r = request(1 + random.nextInt(bound), 1 + random.nextInt(bound / 4));
            long needed = (r.totalTokens() + LlmReplica.KV_BLOCK_TOKENS - 1L) / LlmReplica.KV_BLOCK_TOKENS;
            boolean naive = r.totalTokens() <= spec.maxModelLen() && needed <= blocks;
            assertEquals(naive, limit.fits(r), r.toString());
            assertEquals(naive, LlmReplica.fits(spec, r));
            refused += naive ? 0 : 1;
        }
        assertTrue(refused > 0 && refused < 20_000, "both outcomes are exercised: " + refused);
    }
}
