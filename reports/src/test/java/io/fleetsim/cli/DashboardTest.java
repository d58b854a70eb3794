package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard figures of issue 14 in every report file: KV-cache utilisation with preemptions
 * next to it, and the per-tenant budget flag. One H100 at $2.50 an hour costs $1,800 a 30-day
 * month, split between two tenants of equal share: a $100 budget is exceeded, a $1,000,000 one
 * is not.
 */
class DashboardTest {

    private static final String SCENARIO = """
            name: dashboard
            seed: 5
            horizon: 2m
            workload:
              arrivals: {process: poisson, rate_per_s: 4}
              tenants:
                - {name: acme, share: 1, monthly_budget_usd: 100}
                - {name: globex, share: 1, monthly_budget_usd: 1000000}
              routes:
                - name: chat
                  prompt_tokens: {dist: uniform, min: 500, max: 3000}
                  output_tokens: {dist: uniform, min: 50, max: 400}
                  slo: {ttft: 2s, tpot: 100ms}
            pools:
              - name: gpu
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 2.5
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path folder;
    private static JsonNode report;

    @BeforeAll
    static void run() throws IOException {
        Path scenario = tmp.resolve("dashboard.yaml");
        Files.writeString(scenario, SCENARIO);
        folder = tmp.resolve("out");
        CliRunner.Result r = CliRunner.fleetsim("run", scenario.toString(), "--out", folder.toString());
        assertEquals(0, r.code(), r.describe());
        report = JSON.readTree(folder.resolve("report.json").toFile());
    }

    @Test
    void anOverBudgetTenantIsFlaggedAndAnUnderBudgetOneIsNot() throws IOException {
        JsonNode acme = report.get("tenants").get(0);
        JsonNode globex = report.get("tenants").get(1);
        assertEquals("acme", acme.get("name").asText());
        assertTrue(acme.get("projected_monthly_usd").asDouble() > 100, acme.toString());
        assertTrue(acme.get("over_budget").asBoolean());
        assertFalse(globex.get("over_budget").asBoolean());
        assertEquals(1800, acme.get("projected_monthly_usd").asDouble() + globex.get("projected_monthly_usd")
                .asDouble(), 1e-6 * 1800, "the fleet's month, split between the two");

        String text = Files.readString(folder.resolve("summary.txt"));
        assertTrue(lineWith(text, "acme").contains("OVER BUDGET"), text);
        assertFalse(lineWith(text, "globex").contains("OVER BUDGET"), text);
        String html = Files.readString(folder.resolve("index.html"));
        assertTrue(html.contains("table-tenants") && html.contains("OVER BUDGET"), "flag on the page");
        assertEquals(1, html.split(">OVER BUDGET</td>", -1).length - 1, "only acme is flagged");
        assertTrue(rowWith(html, ">acme<").contains(">OVER BUDGET</td>"), rowWith(html, ">acme<"));
        List<String> csv = Files.readAllLines(folder.resolve("summary.csv"));
        assertTrue(lineWith(csv, "tenant,acme").endsWith(",true"), lineWith(csv, "tenant,acme"));
        assertTrue(lineWith(csv, "tenant,globex").endsWith(",false"), lineWith(csv, "tenant,globex"));
    }

    @Test
    void kvCacheUtilisationIsInEveryFile() throws IOException {
        JsonNode kv = report.get("kv_cache");
        JsonNode u = kv.get("utilization");
        double mean = u.get("mean").asDouble();
        assertTrue(mean > 0 && mean <= 1, kv.toString());
        assertTrue(u.get("p50").asDouble() <= u.get("p95").asDouble()
                && u.get("p95").asDouble() <= u.get("p99").asDouble() && u.get("p99").asDouble() <= 1, kv.toString());
        assertEquals(report.get("preemptions").asLong(), kv.get("preemptions").asLong());
        assertEquals(u, report.get("pools").get(0).get("kv_cache").get("utilization"), "one pool: the fleet");
        assertEquals(kv.get("preemptions").asLong(), report.get("pools").get(0).get("preemptions").asLong());

        List<String> series = Files.readAllLines(folder.resolve("timeseries.csv"));
        List<String> header = List.of(series.get(0).split(","));
        int fleet = header.indexOf("kv_utilization");
        assertTrue(fleet > 0 && header.contains("gpu.kv_utilization"), series.get(0));
        double sum = 0;
        for (String row : series.subList(1, series.size())) {
            sum += Double.parseDouble(row.split(",", -1)[fleet]);
        }
        assertEquals(mean, sum / (series.size() - 1), 1e-6, "the mean of the sampled column");

        String text = Files.readString(folder.resolve("summary.txt"));
        assertTrue(text.contains("kv mean") && text.contains("preemptions"), text);
        assertTrue(Files.readString(folder.resolve("index.html")).contains("table-kv-cache"));
        List<String> csv = Files.readAllLines(folder.resolve("summary.csv"));
        List<String> csvHeader = List.of(csv.get(0).split(","));
        String[] fleetRow = lineWith(csv, "fleet,").split(",", -1);
        assertEquals(mean, Double.parseDouble(fleetRow[csvHeader.indexOf("kv_utilization_mean")]), 1e-6);
        double timeWeighted = u.get("time_weighted_mean").asDouble();
        assertTrue(timeWeighted > 0 && timeWeighted <= 1, kv.toString());
        assertEquals(timeWeighted, Double.parseDouble(
                fleetRow[csvHeader.indexOf("kv_utilization_time_weighted_mean")]), 1e-6);
        assertTrue(text.contains("kv time-wtd"), text);
    }

    @Test
    void tokenRatesPrefixHitsAndUsefulOutputAreInEveryFile() throws IOException {
        double seconds = report.get("simulated_seconds").asDouble();
        JsonNode tokens = report.get("tokens");
        JsonNode rates = report.get("throughput_tokens_per_s");
        for (String kind : List.of("input", "output", "useful")) {
            assertEquals(tokens.get(kind).asDouble(), rates.get(kind).asDouble() * seconds, 1e-3 * seconds, kind);
        }
        assertEquals(rates, report.get("routes").get(0).get("throughput_tokens_per_s"), "one route: the fleet");
        String text = Files.readString(folder.resolve("summary.txt"));
        String html = Files.readString(folder.resolve("index.html"));
        for (String heading : List.of("in tok/s", "out tok/s", "useful tok/s", "useful output", "prefix hit")) {
            assertTrue(text.contains(heading) && html.contains(heading), heading);
        }
        List<String> header = List.of(Files.readAllLines(folder.resolve("summary.csv")).get(0).split(","));
        assertTrue(header.containsAll(List.of("input_tokens_per_s", "output_tokens_per_s", "useful_tokens_per_s",
                "useful_output_tokens", "prefix_cache_hit_rate", "preemptions", "over_budget")), header.toString());
    }

    private static String rowWith(String html, String cell) {
        return List.of(html.split("<tr>")).stream().filter(r -> r.contains(cell)).findFirst().orElse("<no row>");
    }

    private static String lineWith(String text, String start) {
        return lineWith(List.of(text.split("\n")), start);
    }

    private static String lineWith(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start)).findFirst().orElse("<no line " + start + ">");
    }
}
