package io.fleetsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace statistics against figures computed independently (the traces' published summaries and
 * hand-built traces), and fits that recover what a trace was built from.
 */
class TraceStatsTest {

    @TempDir
    Path tmp;

    @Test
    void azureConversationTraceMatchesItsPublishedSummary() {
        // scenarios/traces/README.md and the dataset's notes: 19,366 rows over 58.4 min, 5.53 req/s,
        // inter-arrival CV 1.09, peak 60 s rate 8.45/s; prompt p50 1020, p99 4142; output p50 129.
        TraceStats s = TraceStats.of(ShippedTraces.read(ShippedTraces.azureConv(), TraceFormat.azure2023()));
        assertEquals(19_366, s.requests());
        assertEquals(58.4, s.spanSeconds() / 60, 0.05);
        assertEquals(5.53, s.meanRatePerSecond(), 0.005);
        assertEquals(1.09, s.interArrivalCv(), 0.005);
        assertEquals(58, s.perMinute().size());
        assertEquals(8.45, s.perMinute().peak(), 0.005);
        assertEquals(s.perMinute().peak() / s.perMinute().mean(), s.perMinute().peakToMean(), 1e-12);
        assertEquals(1020, s.prompt().p50(), 0);
        assertEquals(4142, s.prompt().p99(), 0);
        assertEquals(14050, s.prompt().max(), 0);
        assertEquals(129, s.output().p50(), 0);
        assertEquals(1000, s.output().max(), 0);
        assertTrue(s.prefixReuse().isEmpty());
    }

    @Test
    void handBuiltTraceGivesExactFigures() throws IOException {
        // Arrivals at 0, 0.5, 1, 1.5, ... 9.5 s (20 requests), then 10 more in second 10.
        StringBuilder csv = new StringBuilder("t,p,o\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i * 500).append(',').append(i + 1).append(',').append(2 * (i + 1)).append('\n');
        }
        for (int i = 0; i < 10; i++) {
            csv.append(10_000 + i * 100).append(",100,1\n");
        }
        csv.append("11000,100,1\n");
        Path file = tmp.resolve("h.csv");
        Files.writeString(file, csv);
        Trace trace = TraceReader.read(file, "h.csv", new TraceFormat.Csv("csv",
                new CsvColumns("t", TimestampUnit.MS, "p", "o")));
        TraceStats s = TraceStats.of(trace);
        assertEquals(31, s.requests());
        assertEquals(11, s.perSecond().size());
        assertEquals(2, s.perSecond().rate(0), 0);
        assertEquals(10, s.perSecond().rate(10), 0);
        assertEquals(10, s.perSecond().peak(), 0);
        assertEquals(30.0 / 11, s.perSecond().mean(), 1e-12);
        assertEquals(0, s.perMinute().size(), "no whole minute");
        assertTrue(Double.isNaN(s.perMinute().mean()));
        assertEquals(100, s.prompt().p99(), 0);
        assertEquals(10, s.output().p50(), 0, "16th of 31: eleven 1s, then 2, 4, ... 10");
    }

    @Test
    void lengthCorrelationsOfExactlyRelatedColumns() throws IOException {
        Path file = tmp.resolve("c.csv");
        Files.writeString(file, "t,p,o\n0,1,10\n1,2,8\n2,3,6\n3,4,4\n4,50,2\n");
        TraceStats s = TraceStats.of(TraceReader.read(file, "c.csv", new TraceFormat.Csv("csv",
                new CsvColumns("t", TimestampUnit.S, "p", "o"))));
        assertEquals(-1, s.lengthSpearman(), 1e-12, "outputs fall as prompts rise");
        assertTrue(s.lengthPearson() > -1 && s.lengthPearson() < -0.5, "not linear: " + s.lengthPearson());
        assertEquals(0, s.interArrivalCv(), 1e-12, "evenly spaced");
    }

    @Test
    void mooncakePrefixReuseCountsBlocksSeenInEarlierRequests() throws IOException {
        Path file = tmp.resolve("m.jsonl");
        Files.writeString(file, """
                {"timestamp": 0, "input_length": 1024, "output_length": 5, "hash_ids": [1, 2]}
                {"timestamp": 3000, "input_length": 1536, "output_length": 5, "hash_ids": [1, 2, 3]}
                {"timestamp": 6000, "input_length": 512, "output_length": 5, "hash_ids": [4]}
                {"timestamp": 9000, "input_length": 1024, "output_length": 5, "hash_ids": [1, 5]}
                """);
        TraceStats s = TraceStats.of(TraceReader.read(file, "m.jsonl", new TraceFormat.Mooncake()));
        PrefixReuse reuse = s.prefixReuse().orElseThrow();
        assertEquals(8, reuse.blocks());
        assertEquals(3, reuse.repeated());
        assertEquals(3.0 / 8, reuse.share(), 1e-15);
        TraceStats shipped = TraceStats.of(ShippedTraces.read(ShippedTraces.mooncake(), new TraceFormat.Mooncake()));
        double share = shipped.prefixReuse().orElseThrow().share();
        assertTrue(share > 0.05 && share < 0.9, "prefix reuse of the Mooncake slice " + share);
    }

    @Test
    void fitOfAnHourTraceGivesRateAndLengthsWithoutProfile() {
        TraceFit fit = TraceFit.of(ShippedTraces.read(ShippedTraces.azureConv(), TraceFormat.azure2023()));
        assertEquals(5.53, fit.ratePerSecond(), 0.005);
        assertTrue(fit.hourly().isEmpty());
        assertEquals(18.26, fit.startHour(), 0.01);
        assertEquals(new TraceFit.LengthFit(1020, 4142, 14050), fit.prompt());
        assertEquals(129, fit.output().median(), 0);
    }

    @Test
    void fitOfTwoDaysRecoversTheHourlyProfile() throws IOException {
        // Evenly spaced arrivals at rate 0.2 x m(h) per clock hour, starting 2024-03-04 22:00.
        double[] m = new double[24];
        for (int h = 0; h < 24; h++) {
            m[h] = 0.5 + h / 23.0;
        }
        double mean = Arrays.stream(m).sum() / 24;
        StringBuilder csv = new StringBuilder("when,in,out\n");
        LocalDateTime start = LocalDateTime.of(2024, 3, 4, 22, 0);
        for (int hour = 0; hour < 48; hour++) {
            int clock = (22 + hour) % 24;
            int n = (int) Math.round(0.2 * m[clock] * 3600);
            for (int i = 0; i < n; i++) {
                LocalDateTime t = start.plusHours(hour).plusNanos((long) (i * 3.6e12 / n));
                csv.append(t.toString().replace('T', ' ')).append(",100,10\n");
            }
        }
        Path file = tmp.resolve("days.csv");
        Files.writeString(file, csv);
        TraceFit fit = TraceFit.of(TraceReader.read(file, "days.csv", new TraceFormat.Csv("csv",
                new CsvColumns("when", TimestampUnit.DATETIME, "in", "out"))));
        assertEquals(22, fit.startHour(), 1e-9);
        assertEquals(0.2 * mean, fit.ratePerSecond(), 0.001);
        List<Double> hourly = fit.hourly().orElseThrow();
        for (int h = 0; h < 24; h++) {
            assertEquals(m[h] / mean, hourly.get(h), 0.01, "hour " + h);
        }
        assertTrue(fit.gapCv() < 0.1, "evenly spaced arrivals are regular in operational time: " + fit.gapCv());
    }
}
