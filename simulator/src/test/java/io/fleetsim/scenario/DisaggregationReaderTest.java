package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.HandoffSpec;
import io.fleetsim.spec.KvLinkSpec;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pool's {@code disaggregation} block: what it binds to, and bad input named by file, line and field. */
class DisaggregationReaderTest {

    private static final String FILE = "d.yaml";

    private static final String BASE = """
            name: t
            horizon: 10m
            workload:
              arrivals: {process: poisson, rate_per_s: 2}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 50}
                  slo: {ttft: 1s, tpot: 50ms}
            pools:
              - name: pd
                kind: reserved
                replicas: 3
                gpu: H100-SXM-80GB
                model: llama-3.1-70b
                usd_per_gpu_hour: 2.5
                disaggregation:
                  prefill: {replicas: 2, tensor_parallel: 4}
                  decode: {replicas: 1, tensor_parallel: 8, batching: {max_num_seqs: 512, max_batched_tokens: 8192}}
                  link: {kind: infiniband}
            """;

    private static ScenarioSpec bind(String text) {
        return new ScenarioLoader().bind(SpecDocument.parse(text, FILE, false));
    }

    private static ScenarioException fails(String text, String marker, String path, String... says) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> bind(text));
        List<String> lines = text.lines().toList();
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                line = i + 1;
            }
        }
        assertEquals(FILE, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.fieldPath(), e.getMessage());
        for (String s : says) {
            assertTrue(e.problem().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void bindsBothSidesAndTheLink() {
        PoolSpec p = bind(BASE).pools().get(0);
        ServerSpec.Disaggregated d = assertInstanceOf(ServerSpec.Disaggregated.class, p.server());
        assertEquals(2, d.prefillWorkers());
        assertEquals(4, d.prefill().memory().tensorParallel());
        assertEquals(1, d.decodeWorkers());
        assertEquals(8, d.decode().memory().tensorParallel());
        assertEquals(512, d.decode().batching().maxNumSeqs());
        assertEquals(256, d.prefill().batching().maxNumSeqs(), "the pool's default where the side sets none");
        assertEquals(2 * 4 + 8, d.gpusPerReplica());
        assertEquals(3 * 16, p.gpus(), "billed for every GPU of both sides");
        assertEquals(50e9, d.link().bytesPerSecondPerGpu(), 0, "400 Gb/s NDR per GPU");
        assertEquals(10e-6, d.link().latencySeconds(), 0);
        // 70B: 80 layers x 8 KV heads x 128 x 2 (K and V) x 2 B = 327,680 B per token
        assertEquals(1000 * 327_680.0, d.transferBytes(1000), 1e-6);
        assertEquals(10e-6 + 1000 * 327_680.0 / (50e9 * 4), d.transferSeconds(1000), 1e-15,
                "the smaller worker's 4 GPUs send in parallel");
    }

    @Test
    void nvlinkByDefaultIsHalfTheCatalogsBothWaysFigure() {
        String text = BASE.replace("      link: {kind: infiniband}\n", "");
        ServerSpec.Disaggregated d = (ServerSpec.Disaggregated) bind(text).pools().get(0).server();
        assertEquals(KvLinkSpec.NVLINK, d.link().kind());
        assertEquals(450e9, d.link().bytesPerSecondPerGpu(), 0, "H100 NVLink 4: 900 GB/s both ways");
        assertTrue(d.link().source().startsWith("default"));
    }

    @Test
    void zeroBandwidthIsRefusedAtItsField() {
        String text = BASE.replace("link: {kind: infiniband}", "link: {kind: infiniband, bandwidth_gbps: 0}");
        fails(text, "bandwidth_gbps", "pools[0].disaggregation.link.bandwidth_gbps", "above 0");
    }

    @Test
    void decodeWorkerWithoutKvRoomForTheLongestRequestIsRefused() {
        // 8B on one H100 at 30 % memory: 24 GB - 16.1 GB weights - 2 GB reserve leaves KV for
        // about 45,000 tokens, short of the model's 131,072-token context.
        String text = BASE.replace("model: llama-3.1-70b", "model: llama-3.1-8b")
                .replace("decode: {replicas: 1, tensor_parallel: 8, batching: {max_num_seqs: 512, "
                        + "max_batched_tokens: 8192}}", "decode: {replicas: 1, memory_utilization: 0.3}");
        fails(text, "decode: {", "pools[0].disaggregation.decode", "does not fit", "131072");
    }

    @Test
    void unknownSideFieldAndPoolLevelLayoutAreRefused() {
        fails(BASE.replace("prefill: {replicas: 2, tensor_parallel: 4}", "prefill: {replicas: 2, tensor_paralel: 4}"),
                "tensor_paralel", "pools[0].disaggregation.prefill.tensor_paralel", "tensor_parallel");
        fails(BASE.replace("model: llama-3.1-70b", "model: llama-3.1-70b\n    tensor_parallel: 4"),
                "    tensor_parallel: 4", "pools[0].tensor_parallel", "per side");
        fails(BASE.replace("prefill: {replicas: 2, tensor_parallel: 4}", "prefill: {tensor_parallel: 4}"),
                "prefill: {", "pools[0].disaggregation.prefill", "replicas");
    }
    @Test
    void handoffLatencyIsReadAsADurationAndIsNoneByDefaultWithoutAProfile() {
        ServerSpec.Disaggregated none = (ServerSpec.Disaggregated) bind(BASE).pools().get(0).server();
        assertEquals(HandoffSpec.NONE, none.handoff(), "no handoff profile ships for H100 under vllm");
        String text = BASE.replace("link: {kind: infiniband}", "link: {kind: infiniband}\n      handoff_latency: 250ms");
        ServerSpec.Disaggregated d = (ServerSpec.Disaggregated) bind(text).pools().get(0).server();
        assertEquals(0.25, d.handoff().latencySeconds(), 1e-15);
        assertEquals("scenario", d.handoff().source());
    }

    @Test
    void badHandoffLatencyIsRefusedAtItsField() {
        String field = "pools[0].disaggregation.handoff_latency";
        fails(BASE.replace("link: {kind: infiniband}", "link: {kind: infiniband}\n      handoff_latency: -5ms"),
                "handoff_latency", field, "duration");
        fails(BASE.replace("link: {kind: infiniband}", "link: {kind: infiniband}\n      handoff_latency: 250"),
                "handoff_latency", field, "duration");
        fails(BASE.replace("link: {kind: infiniband}", "link: {kind: infiniband}\n      handoff_latency: 2m"),
                "handoff_latency", field, "0 to 60s");
        fails(BASE.replace("link: {kind: infiniband}", "link: {kind: infiniband}\n      hand_off: 2ms"),
                "hand_off", "pools[0].disaggregation.hand_off");
    }
}
