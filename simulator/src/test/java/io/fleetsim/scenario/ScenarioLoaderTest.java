package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.Precision;
import io.fleetsim.input.ByteSizeText;
import io.fleetsim.input.DurationText;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.StepTimeMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario validation: every error names file, line, field path and what is allowed; valid
 * documents bind to the expected {@link ScenarioSpec}. Documents are built inline so the expected
 * line of each error can be read off the text.
 */
class ScenarioLoaderTest {

    private static final String FILE = "test.yaml";

    /** A small valid scenario; tests derive broken variants with {@link #replace}. */
    private static final String BASE = """
            name: t
            seed: 7
            horizon: 10m
            workload:
              arrivals:
                process: poisson
                rate_per_s: 2
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 50}
                  slo: {ttft: 1s, tpot: 50ms}
            pools:
              - name: p1
                kind: reserved
                replicas: 2
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 2.5
            """;

    private static ScenarioLoader loader;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createLoader() {
        loader = new ScenarioLoader();
    }

    // ---------------------------------------------------------------- helpers

    private static ScenarioSpec bind(String text) {
        return loader.bind(SpecDocument.parse(text, FILE, false));
    }

    private static ScenarioException fails(String text) {
        return assertThrows(ScenarioException.class, () -> bind(text));
    }

    /** Replaces one line (which must occur exactly once) of {@code text}. */
    private static String replace(String text, String oldLine, String newLine) {
        int at = text.indexOf(oldLine);
        assertTrue(at >= 0, "test bug: no '" + oldLine + "' in the text");
        assertEquals(at, text.lastIndexOf(oldLine), "test bug: '" + oldLine + "' occurs more than once");
        return text.replace(oldLine, newLine);
    }

    /** 1-based number of the only line of {@code text} containing {@code marker}. */
    private static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertEquals(0, found, "test bug: marker '" + marker + "' on more than one line");
                found = i + 1;
            }
        }
        assertTrue(found > 0, "test bug: marker '" + marker + "' not in the text");
        return found;
    }

    private static void assertError(ScenarioException e, String file, int line, String path, String... says) {
        assertEquals(file, e.file(), "file of: " + e.getMessage());
        assertEquals(line, e.line(), "line of: " + e.getMessage());
        assertEquals(path, e.fieldPath(), "field path of: " + e.getMessage());
        for (String s : says) {
            assertTrue(e.problem().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
        String expectedPrefix = file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ");
        assertTrue(e.getMessage().startsWith(expectedPrefix), "message layout: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    // ---------------------------------------------------------------- the base document

    @Test
    void baseScenarioIsValid() {
        ScenarioSpec s = bind(BASE);
        assertEquals("t", s.name());
        assertEquals(7, s.seed());
        assertEquals(600.0, s.horizonSeconds(), 1e-9);
        assertEquals(1, s.pools().size());
        PoolSpec p = s.pools().get(0);
        assertEquals("p1", p.name());
        assertEquals(PoolKind.RESERVED, p.kind());
        assertEquals(2, p.replicas());
        assertEquals(2.5, p.usdPerGpuHour(), 0);
        ServerSpec.Llm llm = assertInstanceOf(ServerSpec.Llm.class, p.server());
        assertEquals("H100-SXM-80GB", llm.memory().gpu().name());
        assertEquals("llama-3.1-8b", llm.memory().model().name());
        assertEquals(1, llm.memory().tensorParallel());
        RouteSpec r = s.workload().routes().get(0);
        assertEquals("chat", r.name());
        assertEquals(1.0, r.share(), 0);
        assertEquals(0, r.poolIndex());
        assertEquals(new LengthSpec.Fixed(100), r.promptTokens());
        assertEquals(1.0, r.slo().ttftSeconds(), 1e-12);
        assertEquals(0.05, r.slo().tpotSeconds(), 1e-12);
        ArrivalSpec.Poisson arrivals = assertInstanceOf(ArrivalSpec.Poisson.class, s.workload().arrivals());
        assertEquals(2.0, arrivals.ratePerSecond(), 0);
    }

    @Test
    void seedDefaultsWhenAbsent() {
        ScenarioSpec s = bind(replace(BASE, "seed: 7\n", ""));
        assertEquals(1, s.seed());
    }

    // ---------------------------------------------------------------- one test per error class

    @Test
    void unknownFieldListsAllowedFields() {
        String text = replace(BASE, "    replicas: 2\n", "    replicas: 2\n    replicaz: 3\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "replicaz"), "pools[0].replicaz", "unknown field", "allowed",
                "replicas", "gpu", "model", "usd_per_gpu_hour");
    }

    @Test
    void misspelledRequiredFieldIsReportedAsUnknownField() {
        // a typo of a required field should point at the typo, not only say the real field is missing
        String text = replace(BASE, "    replicas: 2\n", "    replicaz: 2\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "replicaz"), "pools[0].replicaz", "unknown field", "replicas");
    }

    @Test
    void misspelledRouteFieldIsReportedAsUnknownField() {
        String text = replace(BASE, "      slo: {ttft: 1s, tpot: 50ms}\n", "      sla: {ttft: 1s, tpot: 50ms}\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "sla:"), "workload.routes[0].sla", "unknown field", "slo");
    }

    @Test
    void unknownFieldAtTopLevel() {
        String text = BASE + "horizn: 5m\n";
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "horizn"), "horizn", "unknown field", "horizon", "workload", "pools");
    }

    @Test
    void unknownFieldInFlowMapping() {
        String text = replace(BASE, "slo: {ttft: 1s, tpot: 50ms}", "slo: {ttft: 1s, tpot: 50ms, e2e: 9s}");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "e2e"), "workload.routes[0].slo.e2e", "unknown field", "ttft", "tpot");
    }

    @Test
    void stringWhereNumberExpected() {
        String text = replace(BASE, "rate_per_s: 2\n", "rate_per_s: fast\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "rate_per_s"), "workload.arrivals.rate_per_s", "must be a number",
                "fast");
    }

    @Test
    void quotedStringWhereWholeNumberExpected() {
        String text = replace(BASE, "replicas: 2\n", "replicas: \"2\"\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "replicas"), "pools[0].replicas", "must be a whole number");
    }

    @Test
    void fractionWhereWholeNumberExpected() {
        String text = replace(BASE, "replicas: 2\n", "replicas: 2.5\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "replicas"), "pools[0].replicas", "must be a whole number", "2.5");
    }

    @Test
    void negativeRate() {
        String text = replace(BASE, "rate_per_s: 2\n", "rate_per_s: -3\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "rate_per_s"), "workload.arrivals.rate_per_s", "must be > 0", "-3");
    }

    @Test
    void negativeReplicasOutOfRange() {
        String text = replace(BASE, "replicas: 2\n", "replicas: -1\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "replicas"), "pools[0].replicas", "must be between 0 and");
    }

    @Test
    void durationWithoutUnit() {
        String text = replace(BASE, "horizon: 10m\n", "horizon: 90\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "horizon"), "horizon", "duration with a unit", "ms", "90s", "got 90");
    }

    @Test
    void durationWithUnknownUnit() {
        String text = replace(BASE, "tpot: 50ms}", "tpot: 50 msec}");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "tpot"), "workload.routes[0].slo.tpot", "duration with a unit",
                "50 msec");
    }

    @Test
    void zeroHorizonRejected() {
        String text = replace(BASE, "horizon: 10m\n", "horizon: 0s\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "horizon"), "horizon", "> 0");
    }

    @Test
    void undefinedPoolReferenceInRoute() {
        String text = replace(BASE, "      slo: {ttft: 1s, tpot: 50ms}\n",
                "      slo: {ttft: 1s, tpot: 50ms}\n      pool: nowhere\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "nowhere"), "workload.routes[0].pool", "no pool named 'nowhere'",
                "defined pools: p1");
    }

    @Test
    void routeMustNamePoolWhenThereAreSeveral() {
        String text = BASE + """
                  - name: p2
                    kind: reserved
                    replicas: 1
                    gpu: L40S
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 1
                """;
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "- name: chat"), "workload.routes[0]", "'pool'", "p1", "p2");
    }

    @Test
    void routeToSecondPoolResolves() {
        String text = replace(BASE, "      slo: {ttft: 1s, tpot: 50ms}\n",
                "      slo: {ttft: 1s, tpot: 50ms}\n      pool: p2\n") + """
                  - name: p2
                    kind: reserved
                    replicas: 1
                    gpu: L40S
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 1
                """;
        ScenarioSpec s = bind(text);
        assertEquals(1, s.workload().routes().get(0).poolIndex());
        assertEquals("p2", s.pools().get(1).name());
    }

    @Test
    void unknownGpu() {
        String text = replace(BASE, "gpu: H100-SXM-80GB\n", "gpu: H999\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "H999"), "pools[0].gpu", "unknown GPU 'H999'", "known:",
                "H100-SXM-80GB", "catalog.gpus");
    }

    @Test
    void unknownModel() {
        String text = replace(BASE, "model: llama-3.1-8b\n", "model: llama-9-1t\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "llama-9-1t"), "pools[0].model", "unknown model 'llama-9-1t'",
                "known:", "llama-3.1-70b", "catalog.models");
    }

    @Test
    void unknownEngine() {
        String text = replace(BASE, "model: llama-3.1-8b\n", "model: llama-3.1-8b\n    engine: {name: tgi}\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "tgi"), "pools[0].engine.name", "tgi", "vllm", "sglang", "trtllm");
    }

    @Test
    void unknownEngineVersion() {
        String text = replace(BASE, "model: llama-3.1-8b\n",
                "model: llama-3.1-8b\n    engine: {name: vllm, version: \"0.19\"}\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "0.19"), "pools[0].engine.version", "unknown vllm version '0.19'",
                "0.24.0", "step_time: roofline");
    }

    @Test
    void engineDefaultsToTheNewestVllmWithTablesForTheGpu() {
        ServerSpec.Llm llm = (ServerSpec.Llm) bind(BASE).pools().get(0).server();
        assertEquals(new EngineSpec("vllm", "0.24.0"), llm.engine());
        assertEquals(StepTimeMethod.KERNELS, llm.performance().method());
        String a100 = replace(BASE, "gpu: H100-SXM-80GB\n", "gpu: A100-SXM-80GB\n");
        assertEquals(new EngineSpec("vllm", "0.14.0"), ((ServerSpec.Llm) bind(a100).pools().get(0).server()).engine());
    }

    @Test
    void expertParallelismNeedsAMoeModel() {
        String text = replace(BASE, "model: llama-3.1-8b\n", "model: llama-3.1-8b\n    tensor_parallel: 2\n"
                + "    expert_parallel: 2\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "expert_parallel"), "pools[0].expert_parallel", "no experts");
    }

    @Test
    void newModelThatDoesNotFitNamesTheModelField() {
        String text = replace(BASE, "model: llama-3.1-8b\n", "model: deepseek-v3\n    tensor_parallel: 4\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "deepseek-v3"), "pools[0].model", "does not fit", "H100-SXM-80GB");
    }

    @Test
    void modelThatDoesNotFitInGpuMemory() {
        String text = replace(BASE, "model: llama-3.1-8b\n", "model: llama-3.1-70b\n    tensor_parallel: 1\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "llama-3.1-70b"), "pools[0].model", "does not fit",
                "H100-SXM-80GB", "tensor_parallel");
    }

    @Test
    void sameModelFitsWithEnoughTensorParallelism() {
        String text = replace(BASE, "model: llama-3.1-8b\n", "model: llama-3.1-70b\n    tensor_parallel: 4\n");
        ServerSpec.Llm llm = (ServerSpec.Llm) bind(text).pools().get(0).server();
        assertEquals(4, llm.gpusPerReplica());
        assertEquals(8, bind(text).pools().get(0).gpus());
        assertTrue(llm.memory().kvCacheTokens() > 0);
    }

    @Test
    void fp8OnGpuWithoutFp8Rejected() {
        String text = replace(BASE, "gpu: H100-SXM-80GB\n", "gpu: A100-SXM-80GB\n    precision: fp8\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "fp8"), "pools[0].precision", "fp8", "bf16");
    }

    @Test
    void invalidChoiceListsChoices() {
        String text = replace(BASE, "kind: reserved\n", "kind: spot-ish\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "spot-ish"), "pools[0].kind", "must be one of", "reserved");
    }

    @Test
    void duplicatePoolNames() {
        String text = BASE + """
                  - name: p1
                    kind: reserved
                    replicas: 1
                    gpu: L40S
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 1
                """;
        ScenarioException e = fails(text);
        // the second "- name: p1" is the offending one
        List<String> lines = text.lines().toList();
        int second = lines.lastIndexOf("  - name: p1") + 1;
        assertTrue(second > lineOf(text, "replicas: 2"));
        assertError(e, FILE, second, "pools[1].name", "duplicate pool name 'p1'");
    }

    @Test
    void duplicateRouteNames() {
        String text = replace(BASE, "  routes:\n", """
                  routes:
                    - name: chat
                      share: 1
                      prompt_tokens: {dist: fixed, tokens: 10}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1s, tpot: 50ms}
                """).replace("    - name: chat\n      prompt_tokens: {dist: fixed, tokens: 100}",
                "    - name: chat\n      share: 1\n      prompt_tokens: {dist: fixed, tokens: 100}");
        ScenarioException e = fails(text);
        assertEquals("workload.routes[1].name", e.fieldPath(), e.getMessage());
        assertTrue(e.problem().contains("duplicate route name 'chat'"), e.getMessage());
        assertEquals(lineOf(text, "tokens: 100}") - 2, e.line(), e.getMessage());
    }

    @Test
    void missingRequiredFieldInPool() {
        String text = replace(BASE, "    replicas: 2\n", "");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "- name: p1"), "pools[0]", "missing required field 'replicas'");
    }

    @Test
    void missingPriceTakesTheDefaultWithItsSource() {
        ScenarioSpec s = bind(replace(BASE, "    usd_per_gpu_hour: 2.5\n", ""));
        assertEquals(6.5, s.pools().get(0).usdPerGpuHour());
        assertTrue(s.pools().get(0).priceSource().startsWith("default: AWS"), s.pools().get(0).priceSource());
        assertEquals("scenario", bind(BASE).pools().get(0).priceSource());
    }

    @Test
    void missingPriceWithoutADefaultIsAnError() {
        String text = replace(replace(BASE, "    usd_per_gpu_hour: 2.5\n", ""), "gpu: H100-SXM-80GB", "gpu: A100-SXM-80GB");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "- name: p1"), "pools[0]", "missing required field 'usd_per_gpu_hour'",
                "no default reserved price for A100-SXM-80GB");
    }

    @Test
    void missingRequiredTopLevelField() {
        String text = replace(BASE, "horizon: 10m\n", "");
        ScenarioException e = fails(text);
        assertEquals("", e.fieldPath(), e.getMessage());
        assertEquals(FILE, e.file());
        assertTrue(e.problem().contains("missing required field 'horizon'"), e.getMessage());
    }

    @Test
    void emptyPoolListRejected() {
        String text = BASE.substring(0, BASE.indexOf("pools:")) + "pools: []\n";
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "pools:"), "pools", "at least one pool");
    }

    @Test
    void severalRoutesNeedShares() {
        String text = replace(BASE, "  routes:\n", """
                  routes:
                    - name: other
                      prompt_tokens: {dist: fixed, tokens: 10}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1s, tpot: 50ms}
                """);
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "- name: other"), "workload.routes[0]", "missing required field 'share'");
    }

    @Test
    void lognormalWithBothMedianAndMu() {
        String text = replace(BASE, "prompt_tokens: {dist: fixed, tokens: 100}",
                "prompt_tokens: {dist: lognormal, median: 700, p99: 6000, mu: 6.5, sigma: 1}");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "prompt_tokens"), "workload.routes[0].prompt_tokens",
                "either median and p99, or mu and sigma");
    }

    @Test
    void lognormalWithNeitherRejected() {
        String text = replace(BASE, "prompt_tokens: {dist: fixed, tokens: 100}",
                "prompt_tokens: {dist: lognormal, max: 100}");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "prompt_tokens"), "workload.routes[0].prompt_tokens",
                "either median and p99, or mu and sigma");
    }

    @Test
    void lognormalP99BelowMedianRejected() {
        String text = replace(BASE, "prompt_tokens: {dist: fixed, tokens: 100}",
                "prompt_tokens: {dist: lognormal, median: 700, p99: 600}");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "prompt_tokens"), "workload.routes[0].prompt_tokens.p99",
                "must be >= median");
    }

    @Test
    void lognormalFromMedianAndP99() {
        String text = replace(BASE, "prompt_tokens: {dist: fixed, tokens: 100}",
                "prompt_tokens: {dist: lognormal, median: 700, p99: 6000, max: 32000}");
        LengthSpec.Lognormal l = assertInstanceOf(LengthSpec.Lognormal.class,
                bind(text).workload().routes().get(0).promptTokens());
        assertEquals(Math.log(700), l.mu(), 1e-12);
        assertEquals(Math.log(6000), l.mu() + LengthSpec.Lognormal.Z99 * l.sigma(), 1e-9);
        assertEquals(1, l.min());
        assertEquals(32000, l.max());
    }

    @Test
    void invalidYamlSyntaxReportsLine() {
        String text = """
                name: t
                horizon: 10m
                workload:
                  arrivals: {process: poisson, rate_per_s: 2
                pools: []
                """;
        ScenarioException e = assertThrows(ScenarioException.class, () -> SpecDocument.parse(text, FILE, false));
        assertEquals(FILE, e.file());
        assertEquals("", e.fieldPath());
        assertTrue(e.problem().startsWith("not valid YAML"), e.getMessage());
        // the flow mapping opened on line 4 is never closed; the parser notices on line 4 or 5
        assertTrue(e.line() == 4 || e.line() == 5, "line of: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void badIndentationReportsLine() {
        String text = """
                name: t
                horizon: 10m
                workload:
                  arrivals:
                    process: poisson
                   rate_per_s: 2
                """;
        ScenarioException e = assertThrows(ScenarioException.class, () -> SpecDocument.parse(text, FILE, false));
        assertTrue(e.problem().startsWith("not valid YAML"), e.getMessage());
        assertEquals(lineOf(text, "rate_per_s"), e.line(), e.getMessage());
    }

    @Test
    void duplicateKeyRejected() {
        String text = replace(BASE, "seed: 7\n", "seed: 7\nseed: 8\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SpecDocument.parse(text, FILE, false));
        assertTrue(e.problem().contains("seed"), e.getMessage());
        assertEquals(lineOf(text, "seed: 8"), e.line(), e.getMessage());
    }

    @Test
    void nonMappingDocumentRejected() {
        ScenarioException e = fails("- just\n- a list\n");
        assertEquals("", e.fieldPath());
        assertTrue(e.problem().contains("mapping"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path file = tmp.resolve("empty.yaml");
        Files.writeString(file, "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(file));
        assertEquals(file.toString(), e.file());
        assertEquals(0, e.line());
        assertEquals("", e.fieldPath());
        assertTrue(e.problem().contains("empty"), e.getMessage());
    }

    @Test
    void fileWithOnlyCommentsIsEmpty() {
        ScenarioException e = fails("# nothing here\n\n");
        assertTrue(e.problem().contains("empty"), e.getMessage());
    }

    @Test
    void missingFile() {
        Path file = tmp.resolve("nope.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(file, "nope.yaml"));
        assertEquals("nope.yaml", e.file());
        assertEquals(0, e.line());
        assertTrue(e.problem().contains("not found"), e.getMessage());
        assertEquals("nope.yaml: file not found", e.getMessage());
    }

    @Test
    void loadFromYamlFileUsesDisplayName() throws IOException {
        Path file = tmp.resolve("s.yml");
        String text = replace(BASE, "rate_per_s: 2\n", "rate_per_s: 0\n");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(file, "shown.yml"));
        assertError(e, "shown.yml", lineOf(text, "rate_per_s"), "workload.arrivals.rate_per_s", "> 0");
        assertEquals("t", loader.load(writeTemp("ok.yaml", BASE)).name());
    }

    // ---------------------------------------------------------------- JSON

    private static final String JSON = """
            {
              "name": "json-scenario",
              "seed": 3,
              "horizon": "5m",
              "workload": {
                "arrivals": {"process": "poisson", "rate_per_s": 1.5},
                "routes": [
                  {
                    "name": "chat",
                    "prompt_tokens": {"dist": "fixed", "tokens": 100},
                    "output_tokens": {"dist": "lognormal", "mu": 4, "sigma": 0.5},
                    "slo": {"ttft": "1s", "tpot": "50ms"}
                  }
                ]
              },
              "pools": [
                {
                  "name": "p1",
                  "kind": "reserved",
                  "replicas": 1,
                  "gpu": "L40S",
                  "model": "llama-3.1-8b",
                  "usd_per_gpu_hour": 0.9
                }
              ]
            }
            """;

    private Path writeTemp(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void jsonFileLoads() throws IOException {
        ScenarioSpec s = loader.load(writeTemp("s.json", JSON));
        assertEquals("json-scenario", s.name());
        assertEquals(3, s.seed());
        assertEquals(300.0, s.horizonSeconds(), 1e-9);
        assertEquals("L40S", ((ServerSpec.Llm) s.pools().get(0).server()).memory().gpu().name());
        LengthSpec.Lognormal out = assertInstanceOf(LengthSpec.Lognormal.class,
                s.workload().routes().get(0).outputTokens());
        assertEquals(4.0, out.mu(), 0);
        assertEquals(0.5, out.sigma(), 0);
    }

    @Test
    void jsonErrorsHaveLinesToo() throws IOException {
        String text = replace(JSON, "\"replicas\": 1,", "\"replicas\": \"one\",");
        Path file = writeTemp("bad.json", text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(file));
        assertError(e, file.toString(), lineOf(text, "\"replicas\""), "pools[0].replicas", "whole number");
    }

    @Test
    void invalidJsonSyntaxReportsLine() throws IOException {
        String text = replace(JSON, "\"seed\": 3,", "\"seed\": 3,,");
        Path file = writeTemp("broken.json", text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(file));
        assertTrue(e.problem().startsWith("not valid JSON"), e.getMessage());
        assertEquals(lineOf(text, "\"seed\""), e.line(), e.getMessage());
    }

    // ---------------------------------------------------------------- positive cases

    @Test
    void durationsWithUnits() {
        assertEquals(0.25, bind(replace(BASE, "horizon: 10m\n", "horizon: 250ms\n")).horizonSeconds(), 1e-12);
        assertEquals(5400.0, bind(replace(BASE, "horizon: 10m\n", "horizon: 1.5h\n")).horizonSeconds(), 1e-9);
        assertEquals(604800.0, bind(replace(BASE, "horizon: 10m\n", "horizon: 7d\n")).horizonSeconds(), 1e-9);
        assertEquals(90.0, bind(replace(BASE, "horizon: 10m\n", "horizon: 90s\n")).horizonSeconds(), 1e-12);
        assertEquals(2e-4, bind(replace(BASE, "horizon: 10m\n", "horizon: 200us\n")).horizonSeconds(), 1e-15);
    }

    @Test
    void durationTextDirectly() {
        assertEquals(0.25, DurationText.parseSeconds("250ms"), 1e-12);
        assertEquals(5400.0, DurationText.parseSeconds("1.5h"), 1e-9);
        assertEquals(604800.0, DurationText.parseSeconds("7d"), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("90"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("-5s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseSeconds("5 parsecs"));
    }

    @Test
    void byteSizesDecimalAndBinary() {
        assertEquals(80e9, ByteSizeText.parseBytes("80GB"), 0);
        assertEquals(80.0 * (1L << 30), ByteSizeText.parseBytes("80GiB"), 0);
        assertEquals(1.5e12, ByteSizeText.parseBytes("1.5TB"), 0);
        assertEquals(512.0 * (1L << 20), ByteSizeText.parseBytes("512MiB"), 0);
        assertThrows(IllegalArgumentException.class, () -> ByteSizeText.parseBytes("80"));
    }

    private static final String CATALOG = """
            catalog:
              gpus:
                - name: X-DEC
                  memory: 80GB
                  memory_bandwidth_tb_s: 3
                  bf16_tflops: 900
                  interconnect_gb_s: 900
                - name: X-BIN
                  memory: 80GiB
                  memory_bandwidth_tb_s: 3
                  bf16_tflops: 900
                  fp8_tflops: 1800
                  interconnect_gb_s: 900
                  source: made up for a test
              models:
                - name: tiny-1b
                  total_params_b: 1.2
                  layers: 16
                  hidden_size: 2048
                  attention_heads: 32
                  kv_heads: 8
                  head_dim: 64
                  context_length: 8192
            """;

    @Test
    void sizesInCatalogEntries() {
        String text = CATALOG + replace(BASE, "    gpu: H100-SXM-80GB\n", "    gpu: X-DEC\n") + """
                  - name: p2
                    kind: reserved
                    replicas: 1
                    gpu: X-BIN
                    model: llama-3.1-8b
                    usd_per_gpu_hour: 1
                """;
        text = replace(text, "      slo: {ttft: 1s, tpot: 50ms}\n", "      slo: {ttft: 1s, tpot: 50ms}\n      pool: p1\n");
        ScenarioSpec s = bind(text);
        Gpu dec = ((ServerSpec.Llm) s.pools().get(0).server()).memory().gpu();
        Gpu bin = ((ServerSpec.Llm) s.pools().get(1).server()).memory().gpu();
        assertEquals("X-DEC", dec.name());
        assertEquals(80e9, dec.memoryBytes(), 0);
        assertEquals(0.0, dec.fp8FlopsPerSecond(), 0);
        assertEquals("X-BIN", bin.name());
        assertEquals(80.0 * 1024 * 1024 * 1024, bin.memoryBytes(), 0);
        assertEquals(1.8e15, bin.fp8FlopsPerSecond(), 1);
        assertEquals(3e12, bin.memoryBandwidthBytesPerSecond(), 1);
    }

    @Test
    void builtInCatalogSizes() {
        // H100 is given as 80GiB, H200 as 141GB in the shipped catalog
        var catalog = CatalogReader.builtIn();
        assertEquals(80.0 * (1L << 30), catalog.gpu("H100-SXM-80GB").memoryBytes(), 0);
        assertEquals(141e9, catalog.gpu("H200-SXM-141GB").memoryBytes(), 0);
    }

    @Test
    void scenarioCatalogAddsGpuAndModelUsedByPool() {
        String text = CATALOG + replace(replace(BASE, "    gpu: H100-SXM-80GB\n", "    gpu: X-BIN\n"),
                "    model: llama-3.1-8b\n", "    model: tiny-1b\n");
        ScenarioSpec s = bind(text);
        ServerSpec.Llm llm = (ServerSpec.Llm) s.pools().get(0).server();
        assertEquals("X-BIN", llm.memory().gpu().name());
        assertEquals("made up for a test", llm.memory().gpu().source());
        assertEquals("tiny-1b", llm.memory().model().name());
        assertEquals(1.2e9, llm.memory().model().totalParams(), 1);
        assertEquals(8192, llm.maxModelLen(), "max_model_len defaults to the model's context length");
        // the built-in catalog is still there alongside
        String both = CATALOG + BASE;
        assertEquals("H100-SXM-80GB", ((ServerSpec.Llm) bind(both).pools().get(0).server()).memory().gpu().name());
    }

    @Test
    void catalogEntryErrorsPointIntoTheCatalogBlock() {
        String text = replace(CATALOG, "memory: 80GB\n", "memory: 81\n") + BASE;
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "memory: 81"), "catalog.gpus[0].memory",
                "size with a unit", "GiB");
    }

    /** The catalog block's tiny model with {@code extra} lines (indented as its fields) added. */
    private static String catalogModelWith(String extra) {
        return replace(CATALOG, "      context_length: 8192\n", "      context_length: 8192\n      " + extra + "\n");
    }

    @Test
    void linearAttentionOnEveryLayerIsRefused() {
        String text = catalogModelWith("linear_attention: {layers: 16, key_heads: 16, value_heads: 32, "
                + "key_head_dim: 128, value_head_dim: 128}") + BASE;
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "linear_attention:"), "catalog.models[0].linear_attention.layers",
                "between 1 and 15", "16");
    }

    @Test
    void linearAttentionNeedsItsHeads() {
        String text = catalogModelWith("linear_attention: {layers: 12, key_heads: 16, "
                + "key_head_dim: 128, value_head_dim: 128}") + BASE;
        assertError(fails(text), FILE, lineOf(text, "linear_attention:"),
                "catalog.models[0].linear_attention", "missing", "value_heads");
    }

    @Test
    void sparseAttentionWithoutLatentAttentionIsRefused() {
        String text = catalogModelWith("sparse_attention: {index_heads: 32, index_head_dim: 128, index_topk: 2048}") + BASE;
        assertError(fails(text), FILE, lineOf(text, "sparse_attention:"), "catalog.models[0].sparse_attention",
                "needs mla");
    }

    @Test
    void attentionOutputGateIsAFlag() {
        String text = catalogModelWith("attention_output_gate: yes please") + BASE;
        assertError(fails(text), FILE, lineOf(text, "attention_output_gate:"),
                "catalog.models[0].attention_output_gate", "true or false");
    }

    @Test
    void int4WeightOnlyIsAPoolPrecision() {
        String text = replace(BASE, "    model: llama-3.1-8b\n", "    model: llama-3.1-8b\n    precision: int4_wo\n");
        ServerSpec.Llm llm = (ServerSpec.Llm) bind(text).pools().get(0).server();
        assertEquals(Precision.INT4_WO, llm.memory().precision());
        assertEquals(KvCacheDtype.BF16, llm.memory().kvCache(), "weight-only: 16-bit KV by default");
        String bad = replace(BASE, "    model: llama-3.1-8b\n", "    model: llama-3.1-8b\n    precision: int3\n");
        assertError(fails(bad), FILE, lineOf(bad, "precision: int3"), "pools[0].precision", "int4_wo");
    }

    @Test
    void routeSharesAreNormalized() {
        String text = replace(BASE, "  routes:\n", """
                  routes:
                    - name: summarize
                      share: 1
                      prompt_tokens: {dist: fixed, tokens: 1000}
                      output_tokens: {dist: fixed, tokens: 100}
                      slo: {ttft: 3s, tpot: 80ms}
                """);
        text = replace(text, "    - name: chat\n", "    - name: chat\n      share: 3\n");
        ScenarioSpec s = bind(text);
        List<RouteSpec> routes = s.workload().routes();
        assertEquals(2, routes.size());
        assertEquals("summarize", routes.get(0).name());
        assertEquals(0.25, routes.get(0).share(), 1e-12);
        assertEquals("chat", routes.get(1).name());
        assertEquals(0.75, routes.get(1).share(), 1e-12);
        assertEquals(1.0, routes.stream().mapToDouble(RouteSpec::share).sum(), 1e-12);
    }

    @Test
    void zeroShareRejected() {
        String text = replace(BASE, "    - name: chat\n", "    - name: chat\n      share: 0\n");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "share"), "workload.routes[0].share", "> 0");
    }

    @Test
    void queueingPoolWithServiceTime() {
        String text = BASE.substring(0, BASE.indexOf("pools:")) + """
                pools:
                  - name: q
                    kind: reserved
                    replicas: 3
                    usd_per_gpu_hour: 1
                    service_time: {dist: exponential, mean: 500ms}
                """;
        ScenarioSpec s = bind(text);
        ServerSpec.Queueing q = assertInstanceOf(ServerSpec.Queueing.class, s.pools().get(0).server());
        assertEquals(new DurationSpec.Exponential(0.5), q.serviceTime());
        assertEquals(1, q.gpusPerReplica());
        assertEquals(3, s.pools().get(0).gpus());
    }

    @Test
    void queueingPoolRejectsLlmFields() {
        String text = BASE.substring(0, BASE.indexOf("pools:")) + """
                pools:
                  - name: q
                    kind: reserved
                    replicas: 3
                    usd_per_gpu_hour: 1
                    service_time: {dist: fixed, value: 1s}
                    model: llama-3.1-8b
                """;
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "model:"), "pools[0].model", "unknown field", "service_time");
    }

    @Test
    void poolWithoutGpuOrServiceTime() {
        String text = replace(BASE, "    gpu: H100-SXM-80GB\n", "");
        ScenarioException e = fails(text);
        assertError(e, FILE, lineOf(text, "- name: p1"), "pools[0]", "'gpu'", "service_time");
    }
}
