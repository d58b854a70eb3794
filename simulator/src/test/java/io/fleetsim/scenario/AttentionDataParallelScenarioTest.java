package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.ServerSpec;
import org.junit.jupiter.api.Test;

/** A pool's {@code attention_data_parallel}: read into the replica's layout, bad values named. */
class AttentionDataParallelScenarioTest {

    private static final String FILE = "dp.yaml";
    private static final String BASE = """
            name: t
            seed: 7
            horizon: 1m
            workload:
              arrivals: {process: poisson, rate_per_s: 1}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 1000}
                  output_tokens: {dist: fixed, tokens: 100}
                  slo: {ttft: 2s, tpot: 50ms}
            pools:
              - name: wide-ep
                kind: reserved
                replicas: 1
                gpu: B200-180GB
                model: deepseek-v3
                precision: fp4
                max_model_len: 16384
                tensor_parallel: 1
                attention_data_parallel: 8
                expert_parallel: 8
                usd_per_gpu_hour: 5
            """;

    private static ServerSpec.Llm server(String text) {
        return (ServerSpec.Llm) new ScenarioLoader().bind(SpecDocument.parse(text, FILE, false)).pools().get(0)
                .server();
    }

    private static ScenarioException fails(String text) {
        return assertThrows(ScenarioException.class, () -> server(text));
    }

    private static String with(String oldLine, String newLine) {
        assertTrue(BASE.contains(oldLine), "test bug: no " + oldLine);
        return BASE.replace(oldLine, newLine);
    }

    private static int lineOf(String text, String marker) {
        return text.substring(0, text.indexOf(marker)).split("\n", -1).length;
    }

    @Test
    void aReplicaOfEightRanksOfOneGpu() {
        ServerSpec.Llm dp8 = server(BASE);
        assertEquals(8, dp8.gpusPerReplica());
        assertEquals(8, dp8.memory().attentionDataParallel());
        assertEquals(1, dp8.memory().attentionTensorParallel());
        assertEquals(8, dp8.expertParallel());
        // the same 8 GPUs as one rank of tp 8: each of the 8 ranks holds its own copy of the weights
        // that are not routed experts, so the KV cache is smaller by 7 such copies (and is 8 ranks' own)
        ServerSpec.Llm tp8 = server(with("tensor_parallel: 1\n    attention_data_parallel: 8\n",
                "tensor_parallel: 8\n"));
        assertEquals(8, tp8.gpusPerReplica());
        assertEquals(1, tp8.memory().attentionDataParallel());
        double others = dp8.memory().model().weightBytes(dp8.memory().precision())
                - dp8.memory().model().routedExpertParams() * dp8.memory().precision().weightBytesPerValue();
        assertEquals(tp8.memory().kvCacheBytes() - 7 * others, dp8.memory().kvCacheBytes(), 1);
        // twice the ranks on twice the GPUs: twice the KV cache, plus the memory the experts free,
        // each GPU now holding a 16th of them instead of an 8th
        ServerSpec.Llm dp16 = server(with("attention_data_parallel: 8\n    expert_parallel: 8\n",
                "attention_data_parallel: 16\n    expert_parallel: 16\n"));
        assertEquals(16, dp16.gpusPerReplica());
        double routed = dp8.memory().model().routedExpertParams() * dp8.memory().precision().weightBytesPerValue();
        assertEquals(2 * dp8.memory().kvCacheBytes() + routed, dp16.memory().kvCacheBytes(), 1);
    }

    @Test
    void badRanksAreNamed() {
        String zero = with("attention_data_parallel: 8\n", "attention_data_parallel: 0\n");
        ScenarioException e = fails(zero);
        assertEquals("pools[0].attention_data_parallel", e.fieldPath(), e.getMessage());
        assertEquals(lineOf(zero, "attention_data_parallel"), e.line(), e.getMessage());
        assertEquals(FILE, e.file());
        e = fails(with("attention_data_parallel: 8\n", "attention_data_parallel: eight\n"));
        assertEquals("pools[0].attention_data_parallel", e.fieldPath(), e.getMessage());
        e = fails(with("attention_data_parallel: 8\n", "attention_data_parallel: 100\n"));
        assertEquals("pools[0].attention_data_parallel", e.fieldPath(), e.getMessage());
        // a dense model's data-parallel ranks are replicas
        String dense = BASE.replace("model: deepseek-v3\n", "model: llama-3.1-8b\n").replace("precision: fp4\n",
                "precision: bf16\n").replace("    max_model_len: 16384\n", "").replace("    expert_parallel: 8\n", "");
        e = fails(dense);
        assertEquals("pools[0].attention_data_parallel", e.fieldPath(), e.getMessage());
        assertTrue(e.problem().contains("no experts"), e.getMessage());
        // experts over some of the GPUs only
        e = fails(with("expert_parallel: 8\n", "expert_parallel: 4\n"));
        assertEquals("pools[0].expert_parallel", e.fieldPath(), e.getMessage());
        assertTrue(e.problem().contains("tensor_parallel x attention_data_parallel (8"), e.getMessage());
    }

    @Test
    void aDisaggregatedPoolSetsItPerSide() {
        String pool = BASE.replace("    tensor_parallel: 1\n    attention_data_parallel: 8\n    expert_parallel: 8\n",
                "    disaggregation:\n"
                        + "      prefill: {replicas: 1, tensor_parallel: 1, attention_data_parallel: 4, expert_parallel: 4}\n"
                        + "      decode: {replicas: 1, tensor_parallel: 1, attention_data_parallel: 8, expert_parallel: 8}\n");
        ServerSpec.Disaggregated d = (ServerSpec.Disaggregated) new ScenarioLoader()
                .bind(SpecDocument.parse(pool, FILE, false)).pools().get(0).server();
        assertEquals(4, d.prefill().memory().attentionDataParallel());
        assertEquals(8, d.decode().memory().attentionDataParallel());
        String atPool = pool.replace("    usd_per_gpu_hour: 5\n", "    usd_per_gpu_hour: 5\n    attention_data_parallel: 2\n");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioLoader().bind(SpecDocument.parse(atPool, FILE, false)));
        assertEquals("pools[0].attention_data_parallel", e.fieldPath(), e.getMessage());
        assertTrue(e.problem().contains("per side"), e.getMessage());
    }
}
