package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fleet economics as {@code report.json} shows it: money adds up every way within the report's
 * rounding (4 decimals on dollars), on a scenario with every pool kind, overhead and fixed costs,
 * and on the shipped strategy scenarios (run briefly). Surefire runs this module from the
 * repository root, so {@code scenarios/} resolves.
 */
@Tag("scenario")
class FleetEconomicsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STRATEGIES = Path.of("scenarios", "strategies");

    /** Every pool kind, an overhead multiplier, fixed costs and a pool no route uses (run for 40 min). */
    private static final Path MIX = Path.of("scenarios", "every-pool-kind.yaml");

    @TempDir
    Path tmp;

    private static JsonNode run(Path scenario, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRunner.Result r = fleetsim(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.describe());
        return JSON.readTree(out.resolve("report.json").toFile());
    }

    private static double num(JsonNode parent, String... path) {
        JsonNode n = parent;
        for (String p : path) {
            n = n.get(p);
            assertNotNull(n, "missing " + String.join(".", path));
        }
        assertTrue(n.isNumber(), String.join(".", path) + " is " + n);
        return n.asDouble();
    }

    private static double sumFields(JsonNode object) {
        double s = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            s += it.next().getValue().asDouble();
        }
        return s;
    }

    /** Dollars are rounded to 1e-4 each: a sum of n of them is off by at most n x 0.5e-4. */
    private static void assertDollars(double expected, double actual, int terms, String what) {
        assertEquals(expected, actual, (terms + 1) * 0.5e-4 + 1e-9, what);
    }

    /** Every money identity report.json promises. */
    static void assertMoneyConserved(JsonNode r) {
        JsonNode cost = r.get("cost_usd");
        double total = num(cost, "total");
        JsonNode byState = cost.get("by_state");
        assertDollars(total, sumFields(byState), byState.size(), "total = sum of by_state");
        double fixed = num(cost, "fixed");
        assertDollars(fixed, num(byState, "fixed"), 1, "fixed");
        double pools = 0;
        int poolCount = 0;
        for (JsonNode p : r.get("pools")) {
            double c = num(p, "cost_usd");
            assertDollars(c, sumFields(p.get("cost_by_state_usd")), p.get("cost_by_state_usd").size(),
                    p.get("name").asText() + ": cost = sum of its states");
            assertEquals(c, num(cost, "by_pool", p.get("name").asText()), 0, "by_pool");
            pools += c;
            poolCount++;
        }
        assertDollars(total, pools + fixed, poolCount + 1, "total = pools + fixed");
        double routes = 0;
        for (JsonNode route : r.get("routes")) {
            routes += num(route, "cost_usd");
        }
        assertDollars(total, routes + num(cost, "unattributed_to_routes"), r.get("routes").size() + 1,
                "total = routes + unattributed");
        double input = num(cost, "input");
        double output = num(cost, "output");
        assertDollars(total - fixed, input + output, 3, "input + output = total - fixed");
        // "idle" is one quantity under one name: replica time with nothing in service (cold starts are
        // their own state), the same in by_state, cost_usd.idle and summary.csv's cost_usd_idle.
        assertEquals(num(byState, "idle"), num(cost, "idle"), 0, "cost_usd.idle = by_state.idle");
        // Per-Mtok prices (6 decimals) times the tokens give back the money.
        double inMtok = num(r, "tokens", "input") / 1e6;
        double outMtok = num(r, "tokens", "output") / 1e6;
        assertEquals(input, num(r, "cost_per_mtok_input_usd") * inMtok, 0.5e-6 * inMtok + 1e-4);
        assertEquals(output, num(r, "cost_per_mtok_output_usd") * outMtok, 0.5e-6 * outMtok + 1e-4);
        JsonNode req = r.get("requests");
        assertEquals(num(req, "arrived"), num(req, "completed") + num(req, "cancelled") + num(req, "rejected")
                + num(req, "in_flight_at_end"));
    }

    @Test
    void reportJsonConservesMoneyOnEveryPoolKind() throws IOException {
        JsonNode r = run(MIX, tmp.resolve("out"), "--horizon", "40m");
        assertMoneyConserved(r);
        JsonNode cost = r.get("cost_usd");
        assertDollars(5000.0 * 2400 / (30 * 86400), num(cost, "fixed"), 1, "fixed: 40 min of a 30-day month");
        assertEquals(1.2, num(cost, "overhead_multiplier"));
        for (JsonNode p : r.get("pools")) {
            assertTrue(num(p, "cost_usd") > 0, p.get("name").asText() + " cost nothing");
            assertFalse(p.get("price_source").asText().isEmpty());
        }
        // The standby pool: 2 replicas x 4 GPUs x 40 min x $6.50 x 1.2, all idle, unattributed.
        JsonNode standby = r.get("pools").get(4);
        assertEquals("standby", standby.get("name").asText());
        assertDollars(2 * 4 * (40 / 60.0) * 6.5 * 1.2, num(standby, "cost_usd"), 1, "standby commitment");
        assertDollars(num(standby, "cost_usd"), num(standby, "cost_by_state_usd", "idle"), 1, "standby idle");
        assertTrue(num(cost, "unattributed_to_routes") >= num(standby, "cost_usd") - 1e-4);
        // Break-even: fixed monthly / (reference - variable) when the reference is dearer.
        JsonNode be = r.get("break_even");
        assertEquals(0.88, num(be, "api_reference_usd_per_mtok"));
        double margin = 0.88 - num(be, "self_hosted_variable_usd_per_mtok");
        if (margin > 0) {
            assertEquals(num(be, "self_hosted_fixed_monthly_usd") / margin, num(be, "monthly_mtok"),
                    1e-3 * num(be, "monthly_mtok"));
        } else {
            assertTrue(be.get("monthly_mtok").isNull(), "no break-even when the API is cheaper on the margin");
        }
    }

    static Stream<Path> strategyFiles() throws IOException {
        assertTrue(Files.isDirectory(STRATEGIES), "run from the repository root: no " + STRATEGIES.toAbsolutePath());
        try (Stream<Path> list = Files.list(STRATEGIES)) {
            List<Path> files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(3, files.size(), "strategy scenarios: " + files);
            return files.stream();
        }
    }

    /** The workload block of a scenario file, without the route's pool choice and comment-only lines. */
    private static List<String> trafficLines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                in = line.startsWith("workload:");
            }
            String t = line.strip();
            if (in && !t.isEmpty() && !t.startsWith("#") && !t.startsWith("pool:") && !t.startsWith("overflow:")) {
                out.add(line);
            }
        }
        return out;
    }

    /** Common random numbers: every strategy has spiky-day's seed, horizon and traffic, to the character. */
    @ParameterizedTest
    @MethodSource("strategyFiles")
    void strategiesServeSpikyDaysTraffic(Path file) throws IOException {
        Path spiky = Path.of("scenarios", "spiky-day.yaml");
        List<String> expected = trafficLines(spiky);
        assertTrue(expected.size() > 5, "spiky-day's workload: " + expected);
        assertEquals(expected, trafficLines(file));
        for (String key : new String[] {"seed:", "horizon:"}) {
            String want = Files.readAllLines(spiky).stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
            String got = Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
            assertEquals(want.replaceAll("\\s*#.*", ""), got.replaceAll("\\s*#.*", ""), key);
        }
    }

    /** The strategy scenarios run (their first 10 minutes) and conserve money. */
    @ParameterizedTest
    @MethodSource("strategyFiles")
    void strategyScenariosRunAndConserveMoney(Path file) throws IOException {
        JsonNode r = run(file, tmp.resolve("out"), "--horizon", "10m");
        assertMoneyConserved(r);
        assertTrue(num(r, "requests", "completed") > 0);
        assertTrue(num(r, "cost_usd", "total") > 0);
    }

    /**
     * The monthly view of quickstart (4 reserved replicas of 4 GPUs, no autoscaling, no fixed costs),
     * against the bill computed by hand: 16 GPUs x 720 hours x the price per GPU-hour x the overhead.
     */
    @Test
    void monthlyViewOfAFixedFleetIsItsGpuHoursForThirtyDays() throws IOException {
        JsonNode r = run(Path.of("scenarios", "quickstart.yaml"), tmp.resolve("q"), "--horizon", "2m");
        JsonNode pool = r.get("pools").get(0);
        JsonNode cost = r.get("cost_usd");
        assertEquals(1, r.get("pools").size());
        assertEquals(0, num(cost, "fixed"), 0);
        double month = num(pool, "gpus") * 720 * num(pool, "usd_per_gpu_hour") * num(cost, "overhead_multiplier");
        assertEquals(month, num(cost, "projected_30_days"), 0.05, "30 days of 16 GPUs");
        long completed = r.get("requests").get("completed").asLong();
        assertEquals(num(cost, "total"), num(cost, "per_request") * completed, 1e-8 * completed + 1e-4);
        assertEquals(1000 * num(cost, "per_request"), num(cost, "per_1k_requests"), 1e-5);
    }
}
