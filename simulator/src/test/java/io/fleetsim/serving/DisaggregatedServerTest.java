package io.fleetsim.serving;

import static io.fleetsim.serving.ReferenceReplica.K;
import static io.fleetsim.serving.ReferenceReplica.prefill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.serving.ServerHarness.Done;
import io.fleetsim.spec.HandoffSpec;
import io.fleetsim.spec.KvLinkSpec;
import io.fleetsim.spec.ServerSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A disaggregated deployment ({@link DisaggregatedServer}) against a hand computation and against
 * conservation.
 *
 * <p>Both sides are the {@link ReferenceReplica} (llama-3.1-8b, BF16, one H100-SXM-80GB, roofline
 * at 50 % of peak FLOPs and 70 % of peak bandwidth, 3 ms per iteration). The link is 50 GB/s per
 * GPU with 10 µs per transfer.
 */
class DisaggregatedServerTest {

    private static final KvLinkSpec LINK = new KvLinkSpec("infiniband", 50e9, 10e-6, "test");

    private static ServerSpec.Llm worker(int maxNumSeqs) {
        return ReferenceReplica.spec(maxNumSeqs, 8192);
    }

    private static ServerSpec.Disaggregated deployment(int prefillWorkers, int decodeWorkers, int maxNumSeqs) {
        return new ServerSpec.Disaggregated(worker(maxNumSeqs), prefillWorkers, worker(maxNumSeqs), decodeWorkers,
                LINK);
    }

    /** The output - 1 decode steps of one sequence after its prompt, the cache growing a token a step. */
    private static double decodeSteps(int prompt, int output) {
        double decode = 0;
        for (int k = 0; k < output - 1; k++) {
            decode += ReferenceReplica.decode(1, prompt + 1 + k);
        }
        return decode;
    }

    @Test
    void oneRequestThrough1p1dIsPrefillThenTransferThenDecodeSteps() {
        int prompt = 1000;
        int output = 5;
        var h = ServerHarness.disaggregated(deployment(1, 1, 8));
        h.arrive(0, prompt, output);
        h.run();

        double prefill = prefill(prompt);
        double transfer = 10e-6 + prompt * K / 50e9;
        double decode = decodeSteps(prompt, output);
        Done d = h.done.get(0);
        assertEquals(0, d.admittedAt());
        assertEquals(prefill + transfer, d.firstTokenAt(), 1e-12, "TTFT = prefill + transfer");
        assertEquals(prefill + transfer + decode, d.completedAt(), 1e-12, "then output - 1 decode steps");
        assertEquals(1, h.transferSeconds.size(), "one transfer");
        assertEquals(transfer, h.transferSeconds.get(0), 1e-12);
        assertEquals(prompt * K, h.transferBytes, 1e-6);
        assertEquals(prefill, h.prefillSeconds, 1e-12, "the prefill worker only prefilled");
        assertEquals(decode, h.decodeSeconds, 1e-12, "the decode worker only decoded");
        assertEquals(prefill, h.server.prefillBusySeconds(h.sim.now()), 1e-12);
        assertEquals(decode, h.server.decodeBusySeconds(h.sim.now()), 1e-12);
    }

    @Test
    void aHandoffDelaysTheDecodeSideByItsLatencyButNotTheLink() {
        // One request through 1P1D with a 200 ms handoff: TTFT = prefill + transfer + handoff; the
        // transfer time reported is the link's alone; then output - 1 decode steps.
        int prompt = 1000;
        int output = 5;
        double handoff = 0.2;
        var h = ServerHarness.disaggregated(deployment(1, 1, 8).withHandoff(new HandoffSpec(handoff, "test")));
        h.arrive(0, prompt, output);
        h.run();
        double prefill = prefill(prompt);
        double transfer = 10e-6 + prompt * K / 50e9;
        double decode = decodeSteps(prompt, output);
        Done d = h.done.get(0);
        assertEquals(prefill + transfer + handoff, d.firstTokenAt(), 1e-12, "TTFT = prefill + transfer + handoff");
        assertEquals(prefill + transfer + handoff + decode, d.completedAt(), 1e-12);
        assertEquals(transfer, h.transferSeconds.get(0), 1e-12, "the handoff is not link time");
        assertEquals(decode, h.decodeSeconds, 1e-12, "the handoff is not decode work");

        // Two prompts from one prefill worker: the second's KV leaves when the first's has arrived,
        // not after the first's handoff (handoffs overlap and hold no link).
        KvLinkSpec slow = new KvLinkSpec("infiniband", 0.1e9, 10e-6, "test");
        var two = ServerHarness.disaggregated(new ServerSpec.Disaggregated(worker(8), 1, worker(8), 1, slow)
                .withHandoff(new HandoffSpec(5.0, "test")));
        two.arrive(0, 1000, 3);
        two.arrive(0.001, 1000, 3);
        two.run();
        double one = 10e-6 + 1000 * K / 0.1e9;
        assertEquals(one, two.transferArrivals.get(1) - two.transferArrivals.get(0), 1e-9,
                "the link is free again when the first KV has arrived");
    }

    @Test
    void transfersFromOnePrefillWorkerQueueOnItsLink() {
        // On a slow link (0.1 GB/s: 1.31 s per prompt, far longer than a prefill) the second
        // prompt's KV leaves when the first's has arrived.
        KvLinkSpec slow = new KvLinkSpec("infiniband", 0.1e9, 10e-6, "test");
        var h = ServerHarness.disaggregated(new ServerSpec.Disaggregated(worker(8), 1, worker(8), 1, slow));
        h.arrive(0, 1000, 3);
        h.arrive(0.001, 1000, 3);
        h.run();
        double one = 10e-6 + 1000 * K / 0.1e9;
        assertEquals(one, h.transferSeconds.get(0), 1e-12);
        assertEquals(one, h.transferArrivals.get(1) - h.transferArrivals.get(0), 1e-9);
        assertTrue(h.transferSeconds.get(1) > one, "the second waited for the link");
    }

    @Test
    void everyRequestsKvIsTransferredOnceAndWorkAddsUp() {
        var h = ServerHarness.disaggregated(deployment(2, 3, 16));
        SplittableRandom random = new SplittableRandom(11);
        double t = 0;
        long prompts = 0;
        long handedOver = 0;
        for (int i = 0; i < 400; i++) {
            t += -Math.log(1 - random.nextDouble()) / 20;
            int prompt = 1 + random.nextInt(6000);
            int output = 1 + random.nextInt(400);
            h.arrive(t, prompt, output);
            if (output > 1) {
                handedOver++;
                prompts += prompt;
            }
        }
        h.run();
        assertEquals(handedOver, h.server.transfers());
        assertEquals(handedOver, h.transfersOf.size());
        assertTrue(h.transfersOf.values().stream().allMatch(n -> n == 1), "no request transferred twice");
        assertEquals(prompts * K, h.transferBytes, 1e-3 * K);
        assertEquals(400, h.firstTokens.size());
        for (Done d : h.done) {
            assertEquals(h.firstTokens.get(d.request().id()), d.firstTokenAt());
            assertTrue(d.admittedAt() >= d.request().arrivalTime() && d.firstTokenAt() >= d.admittedAt()
                    && d.completedAt() >= d.firstTokenAt());
            if (d.request().outputTokens() > 1) {
                assertTrue(d.firstTokenAt() - d.admittedAt() >= 10e-6 + d.request().promptTokens() * K / 50e9 - 1e-12,
                        "the first token waits for the transfer");
            }
        }
        // The compute time the workers reported is the time they were busy (no overlap within a worker).
        double busy = h.server.prefillBusySeconds(h.sim.now()) + h.server.decodeBusySeconds(h.sim.now());
        assertEquals(busy, h.prefillSeconds + h.decodeSeconds, 1e-6 * busy);
        // GPU-seconds: the deployment's busy time is its workers' busy GPU-seconds over its GPUs.
        assertEquals(busy / 5, h.server.busySeconds(h.sim.now()), 1e-9 * busy);
    }
}
