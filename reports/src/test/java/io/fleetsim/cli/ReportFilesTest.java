package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.report.ReportFolder;
import io.fleetsim.report.RunHtmlReport;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report folder of {@code fleetsim run}: every file is there and parses, the CSVs have the
 * rows they promise, the page embeds every chart as a PNG and escapes user text, and the same
 * seed gives the same bytes in every file.
 */
@Tag("scenario")
class ReportFilesTest {

    private static final Path QUICKSTART = Path.of("scenarios", "quickstart.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path folder;

    @BeforeAll
    static void runQuickstart() {
        folder = tmp.resolve("quickstart");
        CliRunner.Result r = CliRunner.fleetsim("run", QUICKSTART.toString(), "--horizon", "2m", "--out",
                folder.toString());
        assertEquals(0, r.code(), r.describe());
    }

    @Test
    void everyFileIsWrittenAndNoTemporaryFileIsLeft() throws IOException {
        for (String name : ReportFolder.FILES) {
            Path f = folder.resolve(name);
            assertTrue(Files.isRegularFile(f) && Files.size(f) > 0, "missing or empty: " + f);
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                    .toList());
        }
    }

    @Test
    void reportJsonParsesAndSummaryTextIsWhatWasPrinted() throws IOException {
        JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
        assertEquals("quickstart-chat", report.get("scenario").asText());
        CliRunner.Result again = CliRunner.fleetsim("run", QUICKSTART.toString(), "--horizon", "2m", "--out",
                tmp.resolve("again").toString());
        String summary = Files.readString(folder.resolve("summary.txt"));
        assertTrue(again.out().startsWith(summary), "stdout does not start with summary.txt:\n" + again.out());
        assertTrue(summary.lines().allMatch(l -> l.length() <= 100), "summary wider than 100 columns:\n" + summary);
    }

    @Test
    void summaryCsvHasOneRowForTheFleetEachRouteEachPoolAndEachModel() throws IOException {
        JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
        Csv csv = Csv.read(folder.resolve("summary.csv"));
        assertEquals(List.of("level", "name"), csv.header().subList(0, 2));
        for (String column : List.of("slo_attainment", "ttft_p99_ms", "tpot_p99_ms", "e2e_p99_ms", "useful_tokens",
                "wasted_tokens", "cost_usd", "cost_usd_busy", "cost_usd_idle", "cost_per_useful_mtok_usd",
                "utilization", "replicas", "gpus")) {
            assertTrue(csv.header().contains(column), "no column " + column + " in " + csv.header());
        }
        List<String> expected = new ArrayList<>(List.of("fleet"));
        report.get("routes").forEach(r -> expected.add("route"));
        report.get("pools").forEach(p -> expected.add("pool"));
        report.get("models").forEach(m -> expected.add("model"));
        assertEquals(expected, csv.column("level"));
        List<String> names = new ArrayList<>(List.of("all routes"));
        report.get("routes").forEach(r -> names.add(r.get("name").asText()));
        report.get("pools").forEach(p -> names.add(p.get("name").asText()));
        report.get("models").forEach(m -> names.add(m.get("model").asText()));
        assertEquals(names, csv.column("name"));
        assertEquals(report.get("cost_usd").get("total").asDouble(), Double.parseDouble(csv.column("cost_usd").get(0)),
                1e-4);
        assertEquals(report.get("requests").get("arrived").asLong(),
                Long.parseLong(csv.column("requests_arrived").get(0)));
    }

    @Test
    void timeseriesCsvHasOneRowPerSampleAndEveryColumn() throws IOException {
        RunResult run = Simulation.run(new ScenarioLoader().load(QUICKSTART).withHorizon(120));
        Csv csv = Csv.read(folder.resolve("timeseries.csv"));
        assertEquals(run.timeSeries().columns(), csv.header());
        assertEquals(run.timeSeries().rows().size(), csv.rows().size());
        List<String> starts = csv.column("t_start_s");
        for (int i = 0; i < starts.size(); i++) {
            assertEquals(i * run.timeSeries().intervalSeconds(), Double.parseDouble(starts.get(i)), 1e-9);
        }
        long arrivals = csv.column("arrivals").stream().mapToLong(Long::parseLong).sum();
        assertEquals(run.requests().arrived(), arrivals, "arrivals per interval add up to requests.arrived");
    }

    @Test
    void indexHtmlEmbedsEveryChartAsSvgAndLoadsNothingFromOutside() throws IOException {
        String html = Files.readString(folder.resolve("index.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        for (String id : RunHtmlReport.CHART_IDS) {
            Matcher m = Pattern.compile("<svg class=\"chart\" role=\"img\" aria-label=\"([^\"]+)\" id='" + id
                    + "'[^>]*viewBox=[^>]*><title>[^<]+</title>(.*?)</svg>", Pattern.DOTALL).matcher(html);
            assertTrue(m.find(), "no inline SVG with id " + id);
            assertFalse(m.group(1).isBlank(), "chart " + id + " has no alt text");
            assertTrue(m.group(2).contains("<text"), "chart " + id + " draws its text as shapes, not text");
        }
        for (String table : List.of("table-route-latency", "table-route-cost", "table-pools", "table-waste")) {
            assertTrue(html.contains("<table id=\"" + table + "\">"), "no table " + table);
        }
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "page loads something remote");
    }

    @Test
    void namesWithMarkupAreEscapedInTheHtml() throws IOException {
        String scenario = Files.readString(QUICKSTART).replace("name: quickstart-chat",
                "name: \"<script>alert(1)</script> & 'co'\"");
        Path file = tmp.resolve("markup.yaml");
        Files.writeString(file, scenario);
        Path out = tmp.resolve("markup");
        CliRunner.Result r = CliRunner.fleetsim("run", file.toString(), "--horizon", "1m", "--out", out.toString());
        assertEquals(0, r.code(), r.describe());
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("<script"), "unescaped markup in index.html");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;co&#39;"), "name not shown escaped");
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        Path a = tmp.resolve("det-a");
        Path b = tmp.resolve("det-b");
        for (Path out : List.of(a, b)) {
            CliRunner.Result r = CliRunner.fleetsim("run", QUICKSTART.toString(), "--horizon", "1m", "--out",
                    out.toString());
            assertEquals(0, r.code(), r.describe());
        }
        for (String name : ReportFolder.FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)),
                    name + " differs between two runs of the same scenario and seed");
        }
    }
}
