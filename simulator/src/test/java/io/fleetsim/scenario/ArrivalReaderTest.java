package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.RateFactorSpec;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.trace.CsvColumns;
import io.fleetsim.trace.TimestampUnit;
import io.fleetsim.trace.TraceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code workload.arrivals} block: every process and rate factor binds to its spec, bad values
 * are errors naming the line, the field path and what is allowed, and trace files are read
 * relative to the scenario's folder.
 */
class ArrivalReaderTest {

    /** Errors name trace files relative to where the scenario was named from. */
    private static final String FILE = "scenarios/test.yaml";

    @TempDir
    Path tmp;

    /** A scenario with the given arrivals block (indented under {@code arrivals:}) on lines 5 and on. */
    private static String scenario(String arrivals) {
        return """
                name: t
                horizon: 1h
                workload:
                  arrivals:
                """ + arrivals.indent(4) + """
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1s, tpot: 50ms}
                pools:
                  - {name: p, kind: reserved, replicas: 1, gpu: H100-SXM-80GB, model: llama-3.1-8b,
                     usd_per_gpu_hour: 2.5}
                """;
    }

    private ScenarioSpec bindText(String text) {
        return new ScenarioLoader().bind(SpecDocument.parse(text, FILE, false, tmp));
    }

    private ArrivalSpec arrivals(String arrivals) {
        return bindText(scenario(arrivals)).workload().arrivals();
    }

    private ScenarioException fails(String arrivals) {
        return assertThrows(ScenarioException.class, () -> arrivals(arrivals));
    }

    /** Line of the only line of the arrivals block containing {@code marker}. */
    private static int lineOf(String arrivals, String marker) {
        List<String> lines = scenario(arrivals).lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertEquals(0, found, "test bug: '" + marker + "' on two lines");
                found = i + 1;
            }
        }
        assertTrue(found > 0, "test bug: no '" + marker + "'");
        return found;
    }

    private static void assertError(ScenarioException e, int line, String path, String... says) {
        assertEquals(FILE, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.fieldPath(), e.getMessage());
        for (String s : says) {
            assertTrue(e.problem().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static final String A = "workload.arrivals.";
    /** The line of {@code arrivals:}, where errors about the block as a whole point. */
    private static final int ARRIVALS_LINE = 4;

    // ---------------------------------------------------------------- synthetic processes

    @Test
    void everySyntheticFieldBindsAndComposesInOrder() {
        ArrivalSpec.Gamma g = assertInstanceOf(ArrivalSpec.Gamma.class, arrivals("""
                process: gamma
                rate_per_s: 20
                cv: 2.5
                growth: {per: 90d, factor: 1.4}
                random_bursts: {mean_interval: 3h, mean_duration: 5m, multiplier: 3}
                flash_crowds: [{start: 2h, duration: 10m, multiplier: 5}]
                diurnal: {peak_hour: 14, peak_to_trough: 4, weekend_factor: 0.6, start_day: saturday, start_hour: 8}
                """));
        assertEquals(20, g.ratePerSecond(), 0);
        assertEquals(2.5, g.cv(), 0);
        assertEquals(List.of(
                new RateFactorSpec.Diurnal(new RateFactorSpec.Smooth(14, 4), 1, 0.6, DayOfWeek.SATURDAY, 8),
                new RateFactorSpec.FlashCrowds(List.of(new RateFactorSpec.FlashCrowd(7200, 600, 5))),
                new RateFactorSpec.RandomBursts(10800, 300, 3),
                new RateFactorSpec.Growth(90 * 86400, 1.4)), g.modulation());
        assertEquals("gamma renewal at 20/s with CV 2.5 x diurnal (peak at 14h, peak/trough 4, weekends x0.6, "
                + "starting Sat 8h) x flash crowd (x5 for 10m at 2h) x random bursts (x3 for 5m every 3h on average) "
                + "x growth x1.4 per 90d", g.describe());
    }

    @Test
    void hourlyProfileBinds() {
        String hours = "[0.3, 0.25, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.1, 1.3, 1.4, 1.5, 1.5, 1.5, 1.6, 1.6, 1.5, 1.4, "
                + "1.3, 1.2, 1.0, 0.8, 0.6, 0.4]";
        ArrivalSpec.Poisson p = assertInstanceOf(ArrivalSpec.Poisson.class, arrivals(
                "process: poisson\nrate_per_s: 5\ndiurnal: {hourly: " + hours + ", weekday_factor: 1.1}\n"));
        RateFactorSpec.Diurnal d = (RateFactorSpec.Diurnal) p.modulation().get(0);
        RateFactorSpec.Hourly h = assertInstanceOf(RateFactorSpec.Hourly.class, d.shape());
        assertEquals(24, h.multipliers().size());
        assertEquals(1.6, h.multipliers().get(14), 0);
        assertEquals(1.1, d.weekdayFactor(), 0);
        assertEquals(DayOfWeek.MONDAY, d.startDay());
        assertEquals("Poisson at 5/s x diurnal (hourly profile, weekdays x1.1)", p.describe());
        assertEquals("Poisson at 6/s", arrivals("{process: poisson, rate_per_s: 6}").describe());
    }

    @Test
    void badProcessAndGammaFieldsNameThePath() {
        String text = "process: weibull\nrate_per_s: 2";
        assertError(fails(text), lineOf(text, "weibull"), A + "process", "must be one of poisson, gamma, trace",
                "weibull");
        text = "process: gamma\nrate_per_s: 2\ncv: 20";
        assertError(fails(text), lineOf(text, "cv"), A + "cv", "between 0.05 and 10", "20");
        text = "process: gamma\nrate_per_s: 2";
        assertError(fails(text), ARRIVALS_LINE, "workload.arrivals", "missing required field 'cv'");
        text = "process: poisson\nrate_per_s: 2\ncv: 2";
        assertError(fails(text), lineOf(text, "cv"), A + "cv", "unknown field", "diurnal", "rate_per_s");
    }

    @Test
    void badDiurnalFieldsNameThePath() {
        String text = "process: poisson\nrate_per_s: 2\ndiurnal: {hourly: [1, 2, 3]}";
        assertError(fails(text), lineOf(text, "hourly"), A + "diurnal.hourly", "24 multipliers", "got 3");
        text = "process: poisson\nrate_per_s: 2\ndiurnal: {peak_hour: 24, peak_to_trough: 3}";
        assertError(fails(text), lineOf(text, "peak_hour"), A + "diurnal.peak_hour", "below 24");
        text = "process: poisson\nrate_per_s: 2\ndiurnal: {peak_hour: 12, peak_to_trough: 0.5}";
        assertError(fails(text), lineOf(text, "peak_hour"), A + "diurnal.peak_to_trough", "between 1 and 1000");
        text = "process: poisson\nrate_per_s: 2\ndiurnal: {peak_hour: 12}";
        assertError(fails(text), lineOf(text, "peak_hour"), A + "diurnal", "missing required field 'peak_to_trough'");
        text = "process: poisson\nrate_per_s: 2\ndiurnal: {weekend_factor: 0.5}";
        assertError(fails(text), lineOf(text, "weekend"), A + "diurnal", "either hourly", "or peak_hour");
        text = "process: poisson\nrate_per_s: 2\ndiurnal: {peak_hour: 1, peak_to_trough: 2, start_day: funday}";
        assertError(fails(text), lineOf(text, "funday"), A + "diurnal.start_day", "monday", "sunday", "funday");
        String zeros = "[" + "0, ".repeat(23) + "0]";
        text = "process: poisson\nrate_per_s: 2\ndiurnal: {hourly: " + zeros + "}";
        assertError(fails(text), lineOf(text, "hourly"), A + "diurnal.hourly", "at least one multiplier > 0");
        String negative = "[-1, " + "1, ".repeat(22) + "1]";
        text = "process: poisson\nrate_per_s: 2\ndiurnal: {hourly: " + negative + "}";
        assertError(fails(text), lineOf(text, "hourly"), A + "diurnal.hourly[0]", "between 0 and");
    }

    @Test
    void badBurstGrowthAndFlashCrowdFieldsNameThePath() {
        String text = "process: poisson\nrate_per_s: 2\nrandom_bursts: {mean_interval: 5m, mean_duration: 10m, "
                + "multiplier: 3}";
        assertError(fails(text), lineOf(text, "random_bursts"), A + "random_bursts.mean_duration",
                "shorter than mean_interval (5m)");
        text = "process: poisson\nrate_per_s: 2\ngrowth: {per: 90, factor: 1.4}";
        assertError(fails(text), lineOf(text, "growth"), A + "growth.per", "duration with a unit");
        text = "process: poisson\nrate_per_s: 2\ngrowth: {per: 90d, factor: 0}";
        assertError(fails(text), lineOf(text, "growth"), A + "growth.factor", "> 0");
        text = "process: poisson\nrate_per_s: 2\nflash_crowds:\n  - {start: 1h, multiplier: 5}";
        assertError(fails(text), lineOf(text, "start: 1h"), A + "flash_crowds[0]", "missing required field 'duration'");
        text = "process: poisson\nrate_per_s: 2\nflash_crowds: {start: 1h}";
        assertError(fails(text), lineOf(text, "flash_crowds"), A + "flash_crowds", "must be a list");
    }

    // ---------------------------------------------------------------- trace replay

    private void writeCsv(String name) throws IOException {
        Path dir = tmp.resolve("traces");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), "ts,p,o\n0,10,3\n500,20,4\n1500,30,5\n");
    }

    @Test
    void traceReplayReadsTheFileRelativeToTheScenarioAndRoutesTakeItsLengths() throws IOException {
        writeCsv("t.csv");
        ScenarioSpec s = bindText(scenario("""
                process: trace
                file: traces/t.csv
                format: csv
                columns: {timestamp: ts, timestamp_unit: ms, prompt_tokens: p, output_tokens: o}
                time_scale: 2
                rate_scale: 0.5
                loop: true
                """).replace("      prompt_tokens: {dist: fixed, tokens: 100}\n      output_tokens: {dist: fixed, "
                + "tokens: 10}\n", ""));
        ArrivalSpec.TraceReplay r = assertInstanceOf(ArrivalSpec.TraceReplay.class, s.workload().arrivals());
        assertEquals(3, r.trace().size());
        assertEquals("scenarios/traces/t.csv", r.trace().source());
        assertEquals(new TraceFormat.Csv("csv", new CsvColumns("ts", TimestampUnit.MS, "p", "o")),
                r.trace().format());
        assertEquals(1.5, r.trace().spanSeconds(), 0);
        assertEquals(2.25, r.periodSeconds(), 1e-12);
        assertEquals(3 / 2.25 * 0.5 / 2, r.meanRatePerSecond(), 1e-12);
        assertEquals("csv trace t.csv (3 requests over 1.5s), time x2, rate x0.5 by thinning (each request kept with "
                + "probability 0.5), looped every 4.5s", r.describe());
        RequestShapeSpec.Recorded lengths = assertInstanceOf(RequestShapeSpec.Recorded.class,
                s.workload().routes().get(0).lengths());
        assertEquals(20, lengths.promptTokens().mean(), 1e-12);
    }

    @Test
    void aRouteWithItsOwnLengthsKeepsThemUnderATrace() throws IOException {
        writeCsv("t.csv");
        ScenarioSpec s = bindText(scenario("process: trace\nfile: traces/t.csv\nformat: csv\ncolumns: {timestamp: ts, "
                + "timestamp_unit: s, prompt_tokens: p, output_tokens: o}"));
        assertEquals(new LengthSpec.Fixed(100), s.workload().routes().get(0).promptTokens());
    }

    @Test
    void withoutATraceRouteLengthsAreStillRequired() {
        String text = scenario("{process: poisson, rate_per_s: 1}").replace(
                "      prompt_tokens: {dist: fixed, tokens: 100}\n      output_tokens: {dist: fixed, tokens: 10}\n", "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> bindText(text));
        assertTrue(e.getMessage().contains("prompt_tokens"), e.getMessage());
    }

    @Test
    void badTraceFieldsNameThePath() throws IOException {
        writeCsv("t.csv");
        String text = "process: trace\nfile: traces/nope.csv\nformat: azure2023";
        assertError(fails(text), lineOf(text, "nope"), A + "file", "no such file: scenarios/traces/nope.csv");
        text = "process: trace\nfile: traces/t.csv\nformat: parquet";
        assertError(fails(text), lineOf(text, "parquet"), A + "format", "azure2023, mooncake, csv", "parquet");
        text = "process: trace\nfile: traces/t.csv\nformat: csv";
        assertError(fails(text), ARRIVALS_LINE, "workload.arrivals", "missing required field 'columns'");
        text = "process: trace\nfile: traces/t.csv\nformat: csv\ncolumns: {timestamp: ts, timestamp_unit: hours, "
                + "prompt_tokens: p, output_tokens: o}";
        assertError(fails(text), lineOf(text, "columns"), A + "columns.timestamp_unit", "s, ms, us, ns, datetime");
        text = "process: trace\nfile: traces/t.csv\nformat: azure2023\ncolumns: {timestamp: ts}";
        assertError(fails(text), lineOf(text, "columns"), A + "columns", "unknown field", "time_scale");
        text = "process: trace\nfile: traces/t.csv\nformat: azure2023\ntime_scale: 0";
        assertError(fails(text), lineOf(text, "time_scale"), A + "time_scale", "> 0");
        text = "process: trace\nfile: traces/t.csv\nformat: azure2023\nrate_scale: 5000";
        assertError(fails(text), lineOf(text, "rate_scale"), A + "rate_scale", "at most 1000");
        text = "process: trace\nfile: traces/t.csv\nformat: azure2023\nloop: sometimes";
        assertError(fails(text), lineOf(text, "loop"), A + "loop", "true or false");
        text = "process: trace\nfile: traces/t.csv\nformat: azure2023\nrate_per_s: 3";
        assertError(fails(text), lineOf(text, "rate_per_s"), A + "rate_per_s", "not allowed with process: trace");
    }

    @Test
    void aMalformedTraceRowNamesTheTraceFileAndRow() throws IOException {
        Files.createDirectories(tmp.resolve("traces"));
        Files.writeString(tmp.resolve("traces/bad.csv"), "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.68,374,44\n2023-11-16 18:15:50.99,3x6,109\n");
        ScenarioException e = fails("process: trace\nfile: traces/bad.csv\nformat: azure2023");
        assertEquals("scenarios/traces/bad.csv:3: row 2, column ContextTokens: must be a whole number of tokens >= 0 "
                + "(got \"3x6\")", e.getMessage());
        Files.writeString(tmp.resolve("traces/empty.csv"), "TIMESTAMP,ContextTokens,GeneratedTokens\n");
        ScenarioException empty = fails("process: trace\nfile: traces/empty.csv\nformat: azure2023");
        assertEquals("scenarios/traces/empty.csv: the trace has no requests", empty.getMessage());
    }

    @Test
    void aTraceWhoseRequestsAllCoincideCannotLoop() throws IOException {
        Files.createDirectories(tmp.resolve("traces"));
        Files.writeString(tmp.resolve("traces/same.csv"), "t,p,o\n5,1,1\n5,2,2\n");
        String text = "process: trace\nfile: traces/same.csv\nformat: csv\ncolumns: {timestamp: t, timestamp_unit: s, "
                + "prompt_tokens: p, output_tokens: o}\nloop: true";
        assertError(fails(text), lineOf(text, "loop"), A + "loop", "all arrive at the same time");
    }
}
