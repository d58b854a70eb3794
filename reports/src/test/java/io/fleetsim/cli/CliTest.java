package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.cli.CliRunner.Result;
import io.fleetsim.report.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line driven in-process: every shipped scenario validates and runs, reports are
 * complete, deterministic and conserve requests, tokens and cost, and bad input gives exit code 2
 * with a one-line message and no stack trace. Surefire runs this module from the repository root,
 * so {@code scenarios/} resolves.
 */
@Tag("scenario")
class CliTest {

    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Path QUICKSTART = SCENARIOS.resolve("quickstart.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid scenario that is quick to simulate. */
    private static final String SMALL = """
            name: small
            seed: 5
            horizon: 1m
            workload:
              arrivals:
                process: poisson
                rate_per_s: 2
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 200}
                  output_tokens: {dist: fixed, tokens: 50}
                  slo: {ttft: 1s, tpot: 80ms}
            pools:
              - name: p1
                kind: reserved
                replicas: 1
                gpu: L40S
                model: llama-3.1-8b
                usd_per_gpu_hour: 0.9
            """;

    @TempDir
    Path tmp;

    // ---------------------------------------------------------------- helpers

    static Stream<Path> scenarioFiles() throws IOException {
        assertTrue(Files.isDirectory(SCENARIOS), "run from the repository root: no " + SCENARIOS.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> list = Files.list(SCENARIOS)) {
            files = list.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
            }).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no scenario files in " + SCENARIOS.toAbsolutePath());
        return files.stream();
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertNoStackTrace(Result r) {
        assertFalse(r.err().contains("\tat "), "stack trace on stderr:\n" + r.describe());
        assertFalse(r.err().contains("Exception"), "exception name on stderr:\n" + r.describe());
        assertFalse(r.out().contains("\tat "), "stack trace on stdout:\n" + r.describe());
    }

    private Result run(Path scenario, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return fleetsim(args.toArray(String[]::new));
    }

    private JsonNode runAndReadReport(Path scenario, Path out, String... extra) throws IOException {
        Result r = run(scenario, out, extra);
        assertEquals(0, r.code(), r.describe());
        Path report = out.resolve("report.json");
        assertTrue(Files.isRegularFile(report), "no report.json:\n" + r.describe());
        return JSON.readTree(report.toFile());
    }

    private static JsonNode field(JsonNode parent, String name, String where) {
        JsonNode n = parent.get(name);
        assertNotNull(n, "missing field " + where + "." + name + " in " + parent);
        return n;
    }

    private static void assertNumbers(JsonNode parent, String where, String... names) {
        for (String name : names) {
            JsonNode n = field(parent, name, where);
            assertTrue(n.isNumber() || n.isNull(), where + "." + name + " is not a number: " + n);
        }
    }

    private static void assertLatencyBlock(JsonNode latency, String where) {
        for (String metric : List.of("ttft", "tpot", "e2e", "queue")) {
            JsonNode s = field(latency, metric, where);
            assertNumbers(s, where + "." + metric, "mean", "p50", "p95", "p99");
            if (s.get("p50").isNumber() && s.get("p95").isNumber() && s.get("p99").isNumber()) {
                assertTrue(s.get("p50").asDouble() <= s.get("p95").asDouble()
                        && s.get("p95").asDouble() <= s.get("p99").asDouble(), where + "." + metric + ": " + s);
                assertTrue(s.get("p50").asDouble() >= 0, where + "." + metric + ": " + s);
            }
        }
    }

    private static void assertRequestConservation(JsonNode requests, String where) {
        assertNumbers(requests, where, "arrived", "completed", "cancelled", "rejected", "within_slo",
                "in_flight_at_end");
        long arrived = requests.get("arrived").asLong();
        long outcomes = requests.get("completed").asLong() + requests.get("cancelled").asLong()
                + requests.get("rejected").asLong() + requests.get("in_flight_at_end").asLong();
        assertEquals(arrived, outcomes, where + ": arrived != completed + cancelled + rejected + in_flight_at_end: "
                + requests);
        assertTrue(requests.get("within_slo").asLong() <= requests.get("completed").asLong(), where + ": " + requests);
    }

    private static void assertTokenConservation(JsonNode tokens, String where) {
        assertNumbers(tokens, where, "input", "output", "useful");
        JsonNode wasted = field(tokens, "wasted", where);
        assertTrue(wasted.isObject(), where + ".wasted: " + wasted);
        for (Iterator<JsonNode> it = wasted.elements(); it.hasNext(); ) {
            assertTrue(it.next().asLong() >= 0, where + ".wasted: " + wasted);
        }
        // Delivered tokens are useful or late; the other causes are extra work (README, report.json).
        assertEquals(tokens.get("input").asLong() + tokens.get("output").asLong(),
                tokens.get("useful").asLong() + wasted.get("outside_slo").asLong(),
                where + ": input + output != useful + wasted.outside_slo: " + tokens);
    }

    /**
     * Each cost in the report is rounded to 4 decimals, so sums may be off by half a unit of the
     * last place per term on top of a relative 1e-6.
     */
    private static void assertCostSum(double expected, double sum, int terms, String what) {
        double tolerance = 1e-6 * Math.abs(expected) + 0.5e-4 * (terms + 1);
        assertEquals(expected, sum, tolerance, what);
    }

    private static void assertCompleteAndConserved(JsonNode r, String where) {
        assertTrue(field(r, "scenario", where).isTextual());
        assertTrue(field(r, "seed", where).isIntegralNumber());
        assertNumbers(r, where, "simulated_seconds", "slo_attainment", "cost_per_useful_mtok_usd");
        JsonNode slo = r.get("slo_attainment");
        assertTrue(slo.isNull() || (slo.asDouble() >= 0 && slo.asDouble() <= 1), "slo_attainment " + slo);

        assertRequestConservation(field(r, "requests", where), where + ".requests");
        assertTokenConservation(field(r, "tokens", where), where + ".tokens");
        assertLatencyBlock(field(r, "latency_ms", where), where + ".latency_ms");

        JsonNode cost = field(r, "cost_usd", where);
        assertNumbers(cost, where + ".cost_usd", "total");
        double total = cost.get("total").asDouble();
        assertTrue(total >= 0, "cost total " + total);
        JsonNode byPool = field(cost, "by_pool", where + ".cost_usd");
        assertTrue(byPool.isObject());

        JsonNode pools = field(r, "pools", where);
        assertTrue(pools.isArray() && pools.size() > 0, "pools: " + pools);
        assertEquals(pools.size(), byPool.size(), "by_pool has one entry per pool: " + byPool);
        double byPoolSum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = byPool.fields(); it.hasNext(); ) {
            byPoolSum += it.next().getValue().asDouble();
        }
        // Fixed monthly costs belong to no pool (README: total = sum(by_pool) + fixed).
        assertCostSum(total, byPoolSum + cost.get("fixed").asDouble(), byPool.size() + 1,
                "sum of cost_usd.by_pool + fixed != cost_usd.total: " + cost);
        for (int i = 0; i < pools.size(); i++) {
            JsonNode p = pools.get(i);
            String pw = where + ".pools[" + i + "]";
            assertTrue(field(p, "name", pw).isTextual());
            assertTrue(field(p, "kind", pw).isTextual());
            assertTrue(field(p, "replicas", pw).isIntegralNumber());
            assertNumbers(p, pw, "gpu_hours", "utilization", "cost_usd");
            double u = p.get("utilization").asDouble();
            assertTrue(u >= 0 && u <= 1 + 1e-9, pw + ".utilization " + u);
            JsonNode billed = byPool.get(p.get("name").asText());
            assertNotNull(billed, "no cost_usd.by_pool entry for pool " + p.get("name"));
            assertEquals(billed.asDouble(), p.get("cost_usd").asDouble(), 1e-9, pw + ".cost_usd vs by_pool");
        }

        JsonNode routes = field(r, "routes", where);
        assertTrue(routes.isArray() && routes.size() > 0, "routes: " + routes);
        double routeCostSum = 0;
        long[] routeRequests = new long[5];
        long[] routeTokens = new long[3];
        for (int i = 0; i < routes.size(); i++) {
            JsonNode route = routes.get(i);
            String rw = where + ".routes[" + i + "]";
            assertTrue(field(route, "name", rw).isTextual());
            assertNumbers(route, rw, "slo_attainment", "cost_per_useful_mtok_usd", "cost_usd");
            assertLatencyBlock(field(route, "latency_ms", rw), rw + ".latency_ms");
            JsonNode req = field(route, "requests", rw);
            assertRequestConservation(req, rw + ".requests");
            assertTokenConservation(field(route, "tokens", rw), rw + ".tokens");
            routeCostSum += route.get("cost_usd").asDouble();
            routeRequests[0] += req.get("arrived").asLong();
            routeRequests[1] += req.get("completed").asLong();
            routeRequests[2] += req.get("cancelled").asLong();
            routeRequests[3] += req.get("rejected").asLong();
            routeRequests[4] += req.get("in_flight_at_end").asLong();
            routeTokens[0] += route.get("tokens").get("input").asLong();
            routeTokens[1] += route.get("tokens").get("output").asLong();
            routeTokens[2] += route.get("tokens").get("useful").asLong();
        }
        JsonNode req = r.get("requests");
        assertArrayEquals(new long[] {req.get("arrived").asLong(), req.get("completed").asLong(),
                req.get("cancelled").asLong(), req.get("rejected").asLong(), req.get("in_flight_at_end").asLong()},
                routeRequests, "routes' request counts do not add up to the totals");
        JsonNode tok = r.get("tokens");
        assertArrayEquals(new long[] {tok.get("input").asLong(), tok.get("output").asLong(),
                tok.get("useful").asLong()}, routeTokens, "routes' token counts do not add up to the totals");
        double unattributed = field(cost, "unattributed_to_routes", where + ".cost_usd").asDouble();
        assertTrue(unattributed >= -1e-9, "unattributed_to_routes " + unattributed);
        assertCostSum(total, routeCostSum + unattributed, routes.size() + 1,
                "sum of route costs + unattributed_to_routes != total: " + cost);
    }

    // ---------------------------------------------------------------- shipped scenarios

    @ParameterizedTest(name = "validate {0}")
    @MethodSource("scenarioFiles")
    void everyShippedScenarioValidates(Path file) {
        Result r = fleetsim("validate", file.toString());
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().startsWith("ok: " + file), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("scenarioFiles")
    void everyShippedScenarioRunsAndWritesACompleteConservedReport(Path file) throws IOException {
        Path out = tmp.resolve("out");
        Result r = run(file, out, "--horizon", "2m");
        assertEquals(0, r.code(), r.describe());
        assertNoStackTrace(r);
        assertTrue(r.out().contains("report.json"), r.describe());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertCompleteAndConserved(report, file.toString());
        assertEquals(120.0, report.get("simulated_seconds").asDouble(), 1e-9, "--horizon 2m");
        assertNoTempFiles(out);
    }

    // ---------------------------------------------------------------- determinism

    @Test
    void sameSeedGivesByteIdenticalReports() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, run(QUICKSTART, a, "--horizon", "1m").code());
        assertEquals(0, run(QUICKSTART, b, "--horizon", "1m").code());
        byte[] first = Files.readAllBytes(a.resolve("report.json"));
        byte[] second = Files.readAllBytes(b.resolve("report.json"));
        assertArrayEquals(first, second, "two runs of the same scenario and seed differ");
    }

    @Test
    void differentSeedGivesDifferentReport() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        JsonNode first = runAndReadReport(QUICKSTART, a, "--horizon", "1m", "--seed", "1");
        JsonNode second = runAndReadReport(QUICKSTART, b, "--horizon", "1m", "--seed", "2");
        assertEquals(1, first.get("seed").asLong());
        assertEquals(2, second.get("seed").asLong());
        assertFalse(Files.readString(a.resolve("report.json")).equals(Files.readString(b.resolve("report.json"))));
        ((ObjectNode) first).remove("seed");
        ((ObjectNode) second).remove("seed");
        assertFalse(first.equals(second), "reports differ only in the seed field");
    }

    @Test
    void seedAndHorizonOverridesShowInReport() throws IOException {
        JsonNode report = runAndReadReport(QUICKSTART, tmp.resolve("o"), "--horizon", "30s", "--seed", "777");
        assertEquals(777, report.get("seed").asLong());
        assertEquals(30.0, report.get("simulated_seconds").asDouble(), 1e-9);
        assertEquals("quickstart-chat", report.get("scenario").asText());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void invalidScenarioGivesExitTwoAndOneLineError() throws IOException {
        String text = SMALL.replace("rate_per_s: 2\n", "rate_per_s: -3\n");
        Path file = write("bad.yaml", text);
        Path out = tmp.resolve("out");
        Result r = run(file, out);
        assertEquals(FleetsimCommand.EXIT_INVALID_INPUT, r.code(), r.describe());
        assertNoStackTrace(r);
        String line = r.oneErrorLine();
        assertTrue(line.startsWith("error: " + file + ":7: workload.arrivals.rate_per_s: "), line);
        assertTrue(line.contains("must be > 0"), line);
        assertFalse(Files.exists(out.resolve("report.json")), "a failed run must not write a report");
    }

    @Test
    void unknownFieldErrorFromCliNamesAllowedFields() throws IOException {
        String text = SMALL.replace("    replicas: 1\n", "    replicas: 1\n    gpus: 8\n");
        Path file = write("typo.yaml", text);
        int line = text.lines().toList().indexOf("    gpus: 8") + 1;
        Result r = fleetsim("run", file.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.describe());
        assertNoStackTrace(r);
        String error = r.oneErrorLine();
        assertTrue(error.startsWith("error: " + file + ":" + line + ": pools[0].gpus: unknown field"), error);
        assertTrue(error.contains("replicas"), error);
    }

    @Test
    void missingFileGivesExitTwo() {
        Path file = tmp.resolve("does-not-exist.yaml");
        Result r = fleetsim("run", file.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.describe());
        assertNoStackTrace(r);
        String line = r.oneErrorLine();
        assertTrue(line.startsWith("error: " + file + ": "), line);
        assertTrue(line.contains("not found"), line);
    }

    @Test
    void horizonWithoutUnitGivesExitTwoWithoutStackTrace() {
        Result r = run(QUICKSTART, tmp.resolve("o"), "--horizon", "90");
        assertEquals(2, r.code(), r.describe());
        assertNoStackTrace(r);
        assertTrue(r.err().contains("--horizon"), r.describe());
        assertTrue(r.err().contains("unit"), r.describe());
        assertFalse(Files.exists(tmp.resolve("o").resolve("report.json")));
    }

    @Test
    void horizonWithoutUnitGivesOneLineError() {
        Result r = run(QUICKSTART, tmp.resolve("o"), "--horizon", "90");
        assertEquals(2, r.code(), r.describe());
        String line = r.oneErrorLine();
        assertTrue(line.startsWith("error: --horizon: "), line);
        assertTrue(line.contains("\"90\""), line);
    }

    @Test
    void validateReportsEachFile() throws IOException {
        Path bad = write("bad.yaml", SMALL.replace("horizon: 1m\n", "horizon: 90\n"));
        Result r = fleetsim("validate", QUICKSTART.toString(), bad.toString());
        assertEquals(2, r.code(), r.describe());
        assertNoStackTrace(r);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("ok: " + QUICKSTART)), r.describe());
        assertFalse(r.out().contains(bad.toString()), r.describe());
        String line = r.oneErrorLine();
        assertTrue(line.startsWith("error: " + bad + ":3: horizon: "), line);
        assertTrue(line.contains("duration with a unit"), line);
    }

    @Test
    void validateGoodJsonAndYaml() throws IOException {
        Path yaml = write("small.yaml", SMALL);
        Path json = write("small.json", """
                {"name": "j", "horizon": "1m",
                 "workload": {"arrivals": {"process": "poisson", "rate_per_s": 1},
                              "routes": [{"name": "r", "prompt_tokens": {"dist": "fixed", "tokens": 10},
                                          "output_tokens": {"dist": "fixed", "tokens": 10},
                                          "slo": {"ttft": "1s", "tpot": "50ms"}}]},
                 "pools": [{"name": "p", "kind": "reserved", "replicas": 1, "gpu": "L4",
                            "model": "llama-3.1-8b", "max_model_len": 8192, "usd_per_gpu_hour": 0.5}]}
                """);
        Result r = fleetsim("validate", yaml.toString(), json.toString());
        assertEquals(0, r.code(), r.describe());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("ok: ")).count(), r.describe());
    }

    @Test
    void debugPrintsStackTrace() throws IOException {
        Path file = write("bad.yaml", SMALL.replace("gpu: L40S\n", "gpu: NOPE\n"));
        Result r = fleetsim("run", file.toString(), "--debug", "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("\tat "), "expected a stack trace with --debug:\n" + r.describe());
        assertTrue(r.err().contains("ScenarioException"), r.describe());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: " + file + ":")), r.describe());
    }

    @Test
    void debugBeforeSubcommandAlsoPrintsStackTrace() throws IOException {
        Path file = write("bad.yaml", SMALL.replace("gpu: L40S\n", "gpu: NOPE\n"));
        Result r = fleetsim("--debug", "run", file.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("\tat "), "expected a stack trace with --debug:\n" + r.describe());
    }

    // ---------------------------------------------------------------- no partial reports

    private static void assertNoTempFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> leftovers = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp")).toList();
            assertTrue(leftovers.isEmpty(), "temporary files left in " + dir + ": " + leftovers);
        }
    }

    @Test
    void atomicWriteLeavesOnlyTheTarget() throws IOException {
        Path dir = tmp.resolve("nested").resolve("dir");
        Path target = dir.resolve("report.json");
        AtomicFiles.writeString(target, "{\"a\": 1}\n");
        assertEquals("{\"a\": 1}\n", Files.readString(target));
        AtomicFiles.writeString(target, "{\"a\": 2}\n");
        assertEquals("{\"a\": 2}\n", Files.readString(target));
        assertNoTempFiles(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("report.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void failedAtomicWriteLeavesNoTempFileAndKeepsWhatWasThere() throws IOException {
        // the target is a non-empty folder, so the final rename must fail
        Path target = tmp.resolve("report.json");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "keep");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "new"));
        assertNoTempFiles(tmp);
        assertEquals("keep", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void runWritesNoTempFilesNextToReport() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.json"), "old");
        JsonNode report = runAndReadReport(write("small.yaml", SMALL), out);
        assertEquals("small", report.get("scenario").asText());
        assertNoTempFiles(out);
    }
}
