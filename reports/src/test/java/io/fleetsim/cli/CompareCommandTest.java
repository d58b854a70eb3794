package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.report.CompareHtmlReport;
import io.fleetsim.sweep.ReplicationSeeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsim compare} on two fleets for the quickstart traffic (4 and 6 replicas): both see
 * exactly the same requests (common random numbers), the side-by-side files are complete and
 * deterministic, the verdict follows the SLO target, and differing traffic is pointed out.
 */
@Tag("scenario")
class CompareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUICKSTART_REPLICAS = "    replicas: 4\n";

    @TempDir
    static Path tmp;

    private static Path four;
    private static Path six;
    private static Path out;
    private static CliRunner.Result result;

    @BeforeAll
    static void compareFourAndSixReplicas() throws IOException {
        String quickstart = Files.readString(Path.of("scenarios", "quickstart.yaml"));
        assertTrue(quickstart.contains(QUICKSTART_REPLICAS), "quickstart.yaml changed: no '" + QUICKSTART_REPLICAS
                + "'");
        four = write("four.yaml", quickstart.replace("name: quickstart-chat", "name: \"<i>four</i> replicas\""));
        six = write("six.yaml", quickstart.replace(QUICKSTART_REPLICAS, "    replicas: 6\n"));
        out = tmp.resolve("cmp");
        result = compare(out, four, six);
        assertEquals(0, result.code(), result.describe());
    }

    private static Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static CliRunner.Result compare(Path folder, Path... files) {
        List<String> args = new ArrayList<>(List.of("compare"));
        for (Path f : files) {
            args.add(f.toString());
        }
        args.addAll(List.of("--horizon", "2m", "--out", folder.toString()));
        return CliRunner.fleetsim(args.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void bothFleetsSeeTheSameRequestsWithTheSameLengths() throws IOException {
        JsonNode a = json(out.resolve("four/report.json"));
        JsonNode b = json(out.resolve("six/report.json"));
        assertEquals(0, a.get("requests").get("rejected").asLong(), "the comparison needs runs that reject nothing");
        assertEquals(0, b.get("requests").get("rejected").asLong(), "the comparison needs runs that reject nothing");
        assertEquals(a.get("requests").get("arrived"), b.get("requests").get("arrived"));
        for (int i = 0; i < a.get("routes").size(); i++) {
            assertEquals(a.get("routes").get(i).get("requests").get("arrived"),
                    b.get("routes").get(i).get("requests").get("arrived"), "arrivals of route " + i);
        }
        Csv ta = Csv.read(out.resolve("four/timeseries.csv"));
        Csv tb = Csv.read(out.resolve("six/timeseries.csv"));
        for (String column : List.of("arrivals", "arrived_prompt_tokens", "arrived_output_tokens")) {
            assertEquals(ta.column(column), tb.column(column), column + " per interval");
        }
        long prompts = ta.column("arrived_prompt_tokens").stream().mapToLong(Long::parseLong).sum();
        assertTrue(prompts > a.get("tokens").get("input").asLong() / 2, "arrived prompt tokens " + prompts);
        // the fleets differ, so what they served does
        assertFalse(a.get("cost_usd").get("total").equals(b.get("cost_usd").get("total")));
    }

    @Test
    void compareFilesAreCompleteAndAgree() throws IOException {
        for (String name : List.of("compare.txt", "compare.csv", "compare.json", "compare.html")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        JsonNode c = json(out.resolve("compare.json"));
        assertTrue(c.get("same_traffic").asBoolean(), c.toString());
        assertEquals(0, c.get("warnings").size(), c.get("warnings").toString());
        assertEquals(0.99, c.get("slo_target").asDouble());
        JsonNode strategies = c.get("strategies");
        assertEquals(List.of("four", "six"), List.of(strategies.get(0).get("name").asText(),
                strategies.get(1).get("name").asText()));
        for (JsonNode s : strategies) {
            JsonNode report = json(out.resolve(s.get("report").asText()));
            assertEquals(report.get("cost_per_useful_mtok_usd"), s.get("cost_per_useful_mtok_usd"));
            assertEquals(report.get("slo_attainment"), s.get("slo_attainment"));
            assertEquals(report.get("latency_ms").get("ttft").get("p99"), s.get("ttft_p99_ms"));
            assertEquals(report.get("cost_usd").get("by_pool"), s.get("cost_usd_by_pool"));
        }
        assertEquals(strategies.get(0).get("requests_arrived_by_route"),
                strategies.get(1).get("requests_arrived_by_route"));

        Csv csv = Csv.read(out.resolve("compare.csv"));
        assertEquals(List.of("four", "six"), csv.column("strategy"));
        for (String column : List.of("cost_per_useful_mtok_usd", "slo_attainment", "ttft_p99_ms", "tpot_p99_ms",
                "wasted_tokens", "cost_usd_h100-reserved", "meets_slo_target")) {
            assertTrue(csv.header().contains(column), "compare.csv has no " + column + ": " + csv.header());
        }
        assertTrue(result.out().startsWith(Files.readString(out.resolve("compare.txt"))), result.describe());
        assertTrue(result.out().contains("same traffic"), result.describe());
        assertTrue(result.out().lines().allMatch(l -> l.length() <= 100), result.describe());
    }

    @Test
    void verdictNamesTheCheapestStrategyMeetingTheTarget() throws IOException {
        Path folder = tmp.resolve("any");
        CliRunner.Result r = CliRunner.fleetsim("compare", four.toString(), six.toString(), "--horizon", "2m",
                "--slo-target", "0", "--out", folder.toString());
        assertEquals(0, r.code(), r.describe());
        JsonNode c = json(folder.resolve("compare.json"));
        JsonNode s = c.get("strategies");
        String cheaper = s.get(0).get("cost_per_useful_mtok_usd").asDouble()
                <= s.get(1).get("cost_per_useful_mtok_usd").asDouble() ? "four" : "six";
        assertEquals(cheaper, c.get("cheapest_meeting_slo_target").asText());
        assertTrue(r.out().contains("Cheapest strategy meeting the SLO target (0.00%): " + cheaper), r.describe());
    }

    @Test
    void verdictSaysSoWhenNoStrategyMeetsTheTarget() throws IOException {
        Path strictFour = write("strict-four.yaml", Files.readString(four).replace("ttft: 1s", "ttft: 1ms")
                .replace("ttft: 3s", "ttft: 1ms"));
        Path strictSix = write("strict-six.yaml", Files.readString(six).replace("ttft: 1s", "ttft: 1ms")
                .replace("ttft: 3s", "ttft: 1ms"));
        Path folder = tmp.resolve("none");
        CliRunner.Result r = compare(folder, strictFour, strictSix);
        assertEquals(0, r.code(), r.describe());
        assertTrue(json(folder.resolve("compare.json")).get("cheapest_meeting_slo_target").isNull());
        assertTrue(r.out().contains("No strategy meets the SLO target (99.00%)"), r.describe());
    }

    @Test
    void differentTrafficIsPointedOut() throws IOException {
        Path busier = write("busier.yaml", Files.readString(six).replace("rate_per_s: 6", "rate_per_s: 7"));
        Path folder = tmp.resolve("busier");
        CliRunner.Result r = compare(folder, four, busier);
        assertEquals(0, r.code(), r.describe());
        JsonNode c = json(folder.resolve("compare.json"));
        assertFalse(c.get("same_traffic").asBoolean());
        assertTrue(c.get("warnings").get(0).asText().startsWith("busier saw other traffic than four: "), c.toString());
        assertTrue(r.out().contains("DIFFERENT traffic"), r.describe());
        assertTrue(Files.readString(folder.resolve("compare.html")).contains("busier saw other traffic than four"));
    }

    @Test
    void pageHasEveryChartAndEscapesNames() throws IOException {
        String html = Files.readString(out.resolve("compare.html"));
        for (String id : CompareHtmlReport.CHART_IDS) {
            assertTrue(html.contains("id='" + id + "'") && html.contains("<svg class=\"chart\""), "no chart " + id);
        }
        assertTrue(html.contains("<table id=\"table-compare\">"));
        assertTrue(html.contains("href=\"four/index.html\"") && html.contains("href=\"six/index.html\""));
        assertFalse(html.contains("<i>four</i>"), "unescaped scenario name");
        assertTrue(html.contains("&lt;i&gt;four&lt;/i&gt; replicas"));
    }

    @Test
    void sameSeedGivesByteIdenticalComparisons() throws IOException {
        Path again = tmp.resolve("again");
        assertEquals(0, compare(again, four, six).code());
        for (String name : List.of("compare.txt", "compare.csv", "compare.json", "compare.html", "four/index.html",
                "six/summary.csv")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(name)), Files.readAllBytes(again.resolve(name)), name);
        }
    }

    @Test
    void utilizationTrapScenariosAreOneFleetAtRisingLoad() throws IOException {
        Path dir = Path.of("scenarios", "utilization-trap");
        List<String> loads = List.of("load-20", "load-50", "load-80");
        CliRunner.Result valid = CliRunner.fleetsim("validate", dir.resolve("capacity.yaml").toString(),
                dir.resolve("load-20.yaml").toString(), dir.resolve("load-50.yaml").toString(),
                dir.resolve("load-80.yaml").toString());
        assertEquals(0, valid.code(), valid.describe());
        Path folder = tmp.resolve("trap");
        CliRunner.Result r = compare(folder, loads.stream().map(l -> dir.resolve(l + ".yaml")).toArray(Path[]::new));
        assertEquals(0, r.code(), r.describe());
        JsonNode s = json(folder.resolve("compare.json")).get("strategies");
        for (int i = 1; i < s.size(); i++) {
            assertEquals(s.get(0).get("cost_usd"), s.get(i).get("cost_usd"), "the same fleet costs the same");
            long before = s.get(i - 1).get("requests_arrived_by_route").get("chat").asLong();
            assertTrue(s.get(i).get("requests_arrived_by_route").get("chat").asLong() > before, "load rises");
        }
    }

    @Test
    void replicationsAreMeansWithIntervalsOverTheRunsOfTheCommonSeeds() throws IOException {
        Path folder = tmp.resolve("replicated");
        CliRunner.Result r = CliRunner.fleetsim("compare", four.toString(), six.toString(), "--horizon", "2m",
                "--replications", "3", "--slo-target", "0", "--out", folder.toString());
        assertEquals(0, r.code(), r.describe());
        JsonNode c = json(folder.resolve("compare.json"));
        assertEquals(3, c.get("replications").asInt());
        // replication 0 is the single-run comparison: the same seed, the same report, byte for byte
        assertArrayEquals(Files.readAllBytes(out.resolve("four/report.json")),
                Files.readAllBytes(folder.resolve("four/report.json")));
        // each mean and half-width is that of `fleetsim run --seed` on the replication seeds, by hand
        // (Student t with 2 degrees of freedom: t(0.975) = 4.302653)
        for (int s = 0; s < 2; s++) {
            Path file = s == 0 ? four : six;
            double[] unitCost = new double[3];
            for (int i = 0; i < 3; i++) {
                Path one = tmp.resolve("rep-" + s + "-" + i);
                CliRunner.Result run = CliRunner.fleetsim("run", file.toString(), "--horizon", "2m", "--seed",
                        Long.toString(ReplicationSeeds.seed(42, i)), "--out", one.toString());
                assertEquals(0, run.code(), run.describe());
                unitCost[i] = json(one.resolve("report.json")).get("cost_per_useful_mtok_usd").asDouble();
            }
            double mean = (unitCost[0] + unitCost[1] + unitCost[2]) / 3;
            double ss = 0;
            for (double v : unitCost) {
                ss += (v - mean) * (v - mean);
            }
            double half = 4.302653 * Math.sqrt(ss / 2) / Math.sqrt(3);
            JsonNode e = c.get("strategies").get(s).get("replicated").get("cost_per_useful_mtok");
            assertEquals(mean, e.get("mean").asDouble(), 1e-5, "mean of strategy " + s);
            assertEquals(half, e.get("ci95").asDouble(), 1e-5, "half-width of strategy " + s);
            assertTrue(half > 0, "three seeds give three different runs");
        }
        Csv csv = Csv.read(folder.resolve("compare.csv"));
        assertTrue(csv.header().containsAll(List.of("replications", "slo_attainment_ci95",
                "cost_per_useful_mtok_usd_ci95", "ttft_p99_ms_ci95")), csv.header().toString());
        assertEquals(List.of("met", "met"), csv.column("meets_slo_target"));
        String cheapest = c.get("cheapest_meeting_slo_target").asText();
        String other = cheapest.equals("four") ? "six" : "four";
        String words = r.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("with 95% confidence over 3 replications on common seeds: " + cheapest),
                r.describe());
        assertTrue(words.contains(other + " costs $"), r.describe());
        assertTrue(Files.readString(folder.resolve("compare.html")).contains("3 replications, seeds from 42"));
    }

    @Test
    void aStrategyWhoseIntervalStraddlesTheTargetIsMarginal() throws IOException {
        // a TTFT target of 500 ms on four replicas: attainment just short of 100 %, varying by seed
        Path tight = write("tight.yaml", Files.readString(four).replace("ttft: 1s", "ttft: 500ms"));
        Path folder = tmp.resolve("marginal");
        CliRunner.Result once = CliRunner.fleetsim("compare", tight.toString(), six.toString(), "--horizon", "2m",
                "--replications", "3", "--slo-target", "0", "--out", folder.toString());
        assertEquals(0, once.code(), once.describe());
        JsonNode slo = json(folder.resolve("compare.json")).get("strategies").get(0).get("replicated")
                .get("slo_attainment");
        double mean = slo.get("mean").asDouble();
        assertTrue(slo.get("ci95").asDouble() > 0, "attainment on a 500 ms TTFT target varies by seed: " + slo);
        // a target at the mean lies inside the interval: neither met nor missed with 95% confidence
        Path marginal = tmp.resolve("marginal-at-mean");
        CliRunner.Result r = CliRunner.fleetsim("compare", tight.toString(), six.toString(), "--horizon", "2m",
                "--replications", "3", "--slo-target", Double.toString(mean), "--out", marginal.toString());
        assertEquals(0, r.code(), r.describe());
        JsonNode s = json(marginal.resolve("compare.json")).get("strategies").get(0);
        assertEquals("marginal", s.get("slo_verdict").asText());
        assertFalse(s.get("meets_slo_target").asBoolean());
        String words = r.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("Marginal (the SLO attainment interval straddles the target"), r.describe());
        assertTrue(words.contains("may decide): tight."), r.describe());
    }

    @Test
    void badArgumentsGiveExitTwoAndOneLine() {
        CliRunner.Result target = CliRunner.fleetsim("compare", four.toString(), six.toString(), "--slo-target", "1.5",
                "--out", tmp.resolve("bad").toString());
        assertEquals(2, target.code(), target.describe());
        assertTrue(target.err().startsWith("error: --slo-target: "), target.describe());
        assertEquals(1, target.err().lines().count(), target.describe());
        CliRunner.Result none = CliRunner.fleetsim("compare", four.toString(), six.toString(), "--replications", "0",
                "--out", tmp.resolve("bad").toString());
        assertEquals(2, none.code(), none.describe());
        assertTrue(none.err().startsWith("error: --replications: at least 1"), none.describe());
        CliRunner.Result one = CliRunner.fleetsim("compare", four.toString());
        assertEquals(2, one.code(), one.describe());
        assertFalse(Files.exists(tmp.resolve("bad")), "a failed compare must not write reports");
    }
}
