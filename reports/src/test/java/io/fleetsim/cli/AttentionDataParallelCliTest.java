package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad {@code attention_data_parallel} stops a run with exit 2 and one line naming the field. */
class AttentionDataParallelCliTest {

    private static final String SCENARIO = """
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
                attention_data_parallel: DP
                expert_parallel: 8
                usd_per_gpu_hour: 5
            """;

    @TempDir
    Path tmp;

    @Test
    void badRanksExitTwoNamingTheField() throws IOException {
        for (String bad : new String[]{"0", "-8", "2.5", "eight", "73"}) {
            Path file = tmp.resolve("dp-" + bad + ".yaml");
            String text = SCENARIO.replace("DP", bad);
            Files.writeString(file, text);
            int line = text.lines().toList().indexOf("    attention_data_parallel: " + bad) + 1;
            Result r = fleetsim("run", file.toString(), "--out", tmp.resolve("o").toString());
            assertEquals(2, r.code(), r.describe());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.describe());
            List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), r.describe());
            assertTrue(lines.get(0).startsWith("error: " + file + ":" + line + ": pools[0].attention_data_parallel: "),
                    lines.get(0));
        }
    }
}
