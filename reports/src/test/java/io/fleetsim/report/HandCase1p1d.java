package io.fleetsim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hand-computed disaggregated case shared by the report tests: three requests of 2,000 prompt
 * tokens, 10 s apart (the second of one output token), through one 1P1D deployment of
 * llama-3.1-70b (BF16 KV: 327,680 B per token) on 4 + 4 H100 over InfiniBand (50 GB/s per GPU,
 * 10 µs), with a 200 ms handoff; and the same traffic on one aggregated replica of 4 H100.
 */
public final class HandCase1p1d {

    /** Each transfer on the idle link: 10 µs + 655.36 MB / (4 x 50 GB/s) = 3.2868 ms. */
    public static final double TRANSFER_MS = (10e-6 + 2000 * 327_680.0 / (4 * 50e9)) * 1e3;

    private static final String HEAD = """
            name: pd-hand
            seed: 1
            horizon: 2m
            workload:
              arrivals:
                process: trace
                file: three.csv
                format: csv
                columns: {timestamp: t, timestamp_unit: s, prompt_tokens: p, output_tokens: o}
              routes:
                - name: chat
                  slo: {ttft: 2s, tpot: 60ms}
            pools:
              - name: pd
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-70b
                usd_per_gpu_hour: 3
            """;

    private HandCase1p1d() {
    }

    /** Writes the trace and the disaggregated scenario {@code pd.yaml} into {@code dir}. */
    public static Path disaggregated(Path dir) throws IOException {
        trace(dir);
        return Files.writeString(dir.resolve("pd.yaml"), HEAD + """
                    disaggregation:
                      prefill: {replicas: 1, tensor_parallel: 4}
                      decode: {replicas: 1, tensor_parallel: 4}
                      link: {kind: infiniband}
                      handoff_latency: 200ms
                """);
    }

    /** Writes the trace and the aggregated scenario {@code agg.yaml} into {@code dir}. */
    public static Path aggregated(Path dir) throws IOException {
        trace(dir);
        return Files.writeString(dir.resolve("agg.yaml"), HEAD + "    tensor_parallel: 4\n");
    }

    private static void trace(Path dir) throws IOException {
        Files.writeString(dir.resolve("three.csv"), "t,p,o\n0,2000,50\n10,2000,1\n20,2000,50\n");
    }
}
