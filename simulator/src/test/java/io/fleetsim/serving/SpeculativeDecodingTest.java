package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.engine.Simulator;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.SpeculativeSpec;
import io.fleetsim.workload.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculative decoding on one replica against hand computations. The target is the reference
 * replica of {@code LlmReplicaTest} (llama-3.1-8b, BF16, one H100, roofline 50 % / 70 % / 3 ms):
 * <pre>
 *   decode iteration of d sequences holding kv tokens = 0.003 + max((d F + A kv) / C, (W + K kv) / M)
 * </pre>
 * with multi-token prediction heads as the drafter, each proposed token costing 1/32 (one of the
 * 32 layers) of a decode iteration of the batch.
 */
class SpeculativeDecodingTest {

    private static final double F = 2 * 8.03e9;
    private static final double A = 4.0 * 32 * 32 * 128;
    private static final double C = 989e12 * 0.5;
    private static final double W = 8.03e9 * 2;
    private static final double K = 2.0 * 32 * 8 * 128 * 2;
    private static final double M = 3.35e12 * 0.7;
    private static final double OVERHEAD = 0.003;
    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();

    private static double decode(int seqs, double kv) {
        return OVERHEAD + Math.max((seqs * F + A * kv) / C, (W + K * kv) / M);
    }

    private static double prefill(int prompt) {
        double ctx = prompt * (prompt + 1.0) / 2;
        return OVERHEAD + Math.max((prompt * F + A * ctx) / C, W / M);
    }

    private static ServerSpec.Llm replica(SpeculativeSpec speculative) {
        ReplicaMemory memory = new ReplicaMemory(CATALOG.gpu("H100-SXM-80GB"), CATALOG.model("llama-3.1-8b"), 1,
                Precision.BF16, 0.9);
        return new ServerSpec.Llm(memory, 131072, new BatchingSpec(8, 8192), PerformanceSpec.DEFAULT, null, 1,
                speculative);
    }

    /** One request through one replica: when it completed, and what the drafter did. */
    private static final class OneRequest implements WorkSource, ServingListener {
        final Simulator sim = new Simulator();
        final ArrayDeque<Request> queue = new ArrayDeque<>();
        final List<long[]> drafts = new ArrayList<>();
        double firstToken;
        double completed;
        long gapTokens;

        OneRequest(ServerSpec.Llm spec, int prompt, int output) {
            LlmReplica replica = new LlmReplica(sim, 0, spec, this, this);
            queue.add(new Request(0, 0, 0, prompt, output));
            replica.wake();
            sim.runUntil(1e6);
        }

        @Override
        public Request peek() {
            return queue.peek();
        }

        @Override
        public Request poll() {
            return queue.poll();
        }

        @Override
        public void firstToken(Request request, double time) {
            firstToken = time;
        }

        @Override
        public void completed(Request request, int pool, double admittedAt, double firstTokenAt, double completedAt) {
            completed = completedAt;
        }

        @Override
        public void speculated(Request request, long proposed, long accepted) {
            drafts.add(new long[] {proposed, accepted});
        }

        @Override
        public void tokenGaps(double seconds, long count) {
            gapTokens += count;
        }
    }

    @Test
    void acceptanceOneTakesOneStepPerKPlusOneTokens() {
        int prompt = 500;
        int output = 9;
        int k = 3;
        OneRequest plain = new OneRequest(replica(null), prompt, output);
        OneRequest spec = new OneRequest(replica(new SpeculativeSpec(SpeculativeSpec.MTP, k, 1, null)), prompt,
                output);
        // Without speculation: 8 decode steps after the prefill's token.
        double plainDecode = 0;
        for (int i = 0; i < output - 1; i++) {
            plainDecode += decode(1, prompt + 1 + i);
        }
        assertEquals(prefill(prompt) + plainDecode, plain.completed, 1e-12);
        // With it: the 8 tokens in 8 / (k + 1) = 2 steps, each verifying k + 1 = 4 tokens (timed as a
        // decode iteration of 4 sequences over the request's cache, which grows 4 a step) plus k MTP
        // proposals at 1/32 of a decode iteration of the one sequence each.
        double specDecode = 0;
        for (int i = 0; i < 2; i++) {
            specDecode += decode(4, prompt + 1 + 4 * i) + k * decode(1, prompt + 1 + i) / 32;
        }
        assertEquals(plain.firstToken, spec.firstToken, 0, "the prefill is the same");
        assertEquals(prefill(prompt) + specDecode, spec.completed, 1e-12);
        assertEquals(List.of(2L * k), spec.drafts.stream().map(d -> d[0]).toList(), "2 steps x 3 proposed");
        assertEquals(List.of(6L), spec.drafts.stream().map(d -> d[1]).toList(), "all 6 accepted");
        assertEquals(output - 1, spec.gapTokens, "every output token after the first has its gap");
    }

    @Test
    void acceptanceZeroIsPlainDecodingPlusTheDraftCost() {
        int prompt = 500;
        int output = 9;
        int k = 2;
        OneRequest plain = new OneRequest(replica(null), prompt, output);
        OneRequest spec = new OneRequest(replica(new SpeculativeSpec(SpeculativeSpec.MTP, k, 0, null)), prompt,
                output);
        // The same 8 steps, one token each; each step verifies 3 tokens and pays 2 proposals.
        double plainDecode = 0;
        double specDecode = 0;
        for (int i = 0; i < output - 1; i++) {
            plainDecode += decode(1, prompt + 1 + i);
            specDecode += decode(3, prompt + 1 + 3 * i) + k * decode(1, prompt + 1 + i) / 32;
        }
        assertEquals(prefill(prompt) + plainDecode, plain.completed, 1e-12);
        assertEquals(prefill(prompt) + specDecode, spec.completed, 1e-12);
        assertTrue(spec.completed > plain.completed, "speculation that never hits only costs");
        assertEquals(List.of(8L * k), spec.drafts.stream().map(d -> d[0]).toList());
        assertEquals(List.of(0L), spec.drafts.stream().map(d -> d[1]).toList(), "nothing accepted");
        assertEquals(plain.gapTokens, spec.gapTokens);
    }

    @Test
    void expectedTokensPerStepFollowTheGeometricAcceptance() {
        assertEquals(4, new SpeculativeSpec(SpeculativeSpec.MTP, 3, 1, null).tokensPerStep(), 0);
        assertEquals(1, new SpeculativeSpec(SpeculativeSpec.MTP, 3, 0, null).tokensPerStep(), 0);
        // 1 + 0.5 + 0.25 + 0.125
        assertEquals(1.875, new SpeculativeSpec(SpeculativeSpec.MTP, 3, 0.5, null).tokensPerStep(), 1e-12);
    }
}
