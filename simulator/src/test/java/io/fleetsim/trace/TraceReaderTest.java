package io.fleetsim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading traces: the shipped files parse to exactly what their rows say; malformed rows and
 * empty traces are errors naming the file, the line and the row.
 */
class TraceReaderTest {

    private static final TraceFormat MS_CSV = new TraceFormat.Csv("csv",
            new CsvColumns("t", TimestampUnit.MS, "in", "out"));

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private ScenarioException fails(Path file, TraceFormat format) {
        return assertThrows(ScenarioException.class, () -> TraceReader.read(file, "traces/" + file.getFileName(),
                format));
    }

    private static void assertError(ScenarioException e, String file, int line, String... says) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        for (String s : says) {
            assertTrue(e.problem().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static long nanos(String datetime) {
        LocalDateTime t = LocalDateTime.parse(datetime.replace(' ', 'T'));
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + t.getNano();
    }

    // ---------------------------------------------------------------- shipped traces

    @Test
    void azureConversationTraceReadsEveryRowExactly() throws IOException {
        Trace trace = ShippedTraces.read(ShippedTraces.azureConv(), TraceFormat.azure2023());
        List<String> lines = Files.readAllLines(ShippedTraces.azureConv(), StandardCharsets.UTF_8);
        assertEquals(lines.size() - 1, trace.size());
        assertEquals(19_366, trace.size());
        long first = nanos(lines.get(1).split(",")[0]);
        for (int i = 0; i < trace.size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals((nanos(f[0]) - first) / 1e9, trace.arrivalSeconds(i), 0, "row " + (i + 1));
            assertEquals(Integer.parseInt(f[1]), trace.promptTokens(i));
            assertEquals(Integer.parseInt(f[2]), trace.outputTokens(i));
        }
        assertEquals(4.3145790, trace.arrivalSeconds(1), 1e-12);
        assertEquals(18 + 15 / 60.0 + 46.68059 / 3600, trace.startHourOfDay().orElseThrow(), 1e-9);
        assertFalse(trace.hasPrefixBlocks());
        assertEquals("azure2023 trace AzureLLMInferenceTrace_conv.csv (19,366 requests over 58.4m)",
                trace.describe());
    }

    @Test
    void mooncakeTraceKeepsPrefixBlocks() {
        Trace trace = ShippedTraces.read(ShippedTraces.mooncake(), new TraceFormat.Mooncake());
        assertEquals(918, trace.size());
        assertTrue(trace.hasPrefixBlocks());
        assertEquals(6758, trace.promptTokens(0));
        assertEquals(500, trace.outputTokens(0));
        assertEquals(14, trace.prefixBlockCount(0));
        assertEquals(13, trace.prefixBlock(0, 13));
        assertEquals(0, trace.prefixBlock(1, 0));
        assertEquals(14, trace.prefixBlock(1, 1));
        assertTrue(trace.spanSeconds() < 300, "the first five minutes");
        assertTrue(trace.startHourOfDay().isEmpty());
    }

    @Test
    void genericCsvUsesItsColumnMappingAndUnit() throws IOException {
        Path file = write("m.csv", """
                id,"in",t,out
                a,100,1000.5,7
                b,"200",2500,9

                c,300,2500,11
                """);
        Trace trace = TraceReader.read(file, "m.csv", MS_CSV);
        assertEquals(3, trace.size());
        assertEquals(0, trace.arrivalSeconds(0), 0);
        assertEquals(1.4995, trace.arrivalSeconds(1), 1e-15);
        assertEquals(200, trace.promptTokens(1));
        assertEquals(11, trace.outputTokens(2));
    }

    @Test
    void quotedFieldsSpanLinesAndAByteOrderMarkIsDropped() throws IOException {
        Path file = write("q.csv", "\uFEFFt,\"in\",out,note\r\n0,10,1,\"a note\r\nover two lines\"\r\n"
                + "1000,20,2,\"say \"\"hi\"\"\"\r\n2000,x,3,last\r\n");
        ScenarioException e = fails(file, MS_CSV);
        // the third data row starts on line 5: the first row takes lines 2 and 3
        assertError(e, "traces/q.csv", 5, "row 3, column in", "whole number", "\"x\"");
        Path good = write("q2.csv", "\uFEFFt,\"in\",out,note\n0,10,1,\"a note\nover two lines\"\n1000,20,2,x\n");
        Trace trace = TraceReader.read(good, "q2.csv", MS_CSV);
        assertEquals(2, trace.size());
        assertEquals(20, trace.promptTokens(1));
        assertEquals(1.0, trace.arrivalSeconds(1), 0);
        assertError(fails(write("open.csv", "t,in,out\n0,1,\"1\n"), MS_CSV), "traces/open.csv", 2, "row 1",
                "unclosed quote");
    }

    @Test
    void rowsOutOfOrderAreSortedStably() throws IOException {
        Path file = write("u.csv", "t,in,out\n5,1,1\n2,2,2\n5,3,3\n0,4,4\n");
        Trace trace = TraceReader.read(file, "u.csv", new TraceFormat.Csv("csv",
                new CsvColumns("t", TimestampUnit.S, "in", "out")));
        int[] prompts = new int[trace.size()];
        double[] times = new double[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            prompts[i] = trace.promptTokens(i);
            times[i] = trace.arrivalSeconds(i);
        }
        assertArrayEquals(new int[] {4, 2, 1, 3}, prompts);
        assertArrayEquals(new double[] {0, 2, 5, 5}, times, 0);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void malformedCsvRowNamesFileLineRowAndColumn() throws IOException {
        Path file = write("bad.csv", "t,in,out\n1,10,5\n2,ten,5\n");
        ScenarioException e = fails(file, MS_CSV);
        assertError(e, "traces/bad.csv", 3, "row 2, column in", "whole number", "ten");
        assertEquals("traces/bad.csv:3: row 2, column in: must be a whole number of tokens >= 0 (got \"ten\")",
                e.getMessage());
    }

    @Test
    void badTimestampAndFieldCountAndMissingColumnAreNamed() throws IOException {
        assertError(fails(write("ts.csv", "t,in,out\n1,1,1\nnoon,1,1\n"), MS_CSV), "traces/ts.csv", 3,
                "row 2, column t", "number of ms", "noon");
        assertError(fails(write("dt.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 25:00:00,1,1\n"),
                TraceFormat.azure2023()), "traces/dt.csv", 2, "row 1, column TIMESTAMP", "date and time");
        assertError(fails(write("n.csv", "t,in,out\n1,1\n"), MS_CSV), "traces/n.csv", 2, "row 1", "2 fields",
                "header has 3");
        assertError(fails(write("c.csv", "time,in,out\n1,1,1\n"), MS_CSV), "traces/c.csv", 1, "no column 't'",
                "time, in, out");
        assertError(fails(write("neg.csv", "t,in,out\n1,1,-4\n"), MS_CSV), "traces/neg.csv", 2,
                "row 1, column out", ">= 0");
    }

    @Test
    void emptyTracesAreErrors() throws IOException {
        assertError(fails(write("empty.csv", ""), MS_CSV), "traces/empty.csv", 0, "empty");
        assertError(fails(write("header.csv", "t,in,out\n\n"), MS_CSV), "traces/header.csv", 0, "no requests");
        assertError(fails(write("empty.jsonl", "\n"), new TraceFormat.Mooncake()), "traces/empty.jsonl", 0,
                "no requests");
        assertError(fails(tmp.resolve("missing.csv"), MS_CSV), "traces/missing.csv", 0, "file not found");
    }

    @Test
    void malformedMooncakeRowNamesFileRowAndField() throws IOException {
        String good = "{\"timestamp\": 0, \"input_length\": 5, \"output_length\": 2, \"hash_ids\": [0]}\n";
        TraceFormat mooncake = new TraceFormat.Mooncake();
        assertError(fails(write("j.jsonl", good + "{\"timestamp\": 3000, \"input_length\": 5}\n"), mooncake),
                "traces/j.jsonl", 2, "row 2, field output_length", "whole number", "nothing");
        assertError(fails(write("k.jsonl", good + good + "{not json\n"), mooncake), "traces/k.jsonl", 3,
                "row 3", "not valid JSON");
        assertError(fails(write("h.jsonl", "{\"timestamp\": 0, \"input_length\": 5, \"output_length\": 2, "
                + "\"hash_ids\": [1, \"x\"]}\n"), mooncake), "traces/h.jsonl", 1, "row 1, field hash_ids[1]");
        assertError(fails(write("t.jsonl", "{\"timestamp\": \"0\", \"input_length\": 5, \"output_length\": 2}\n"),
                mooncake), "traces/t.jsonl", 1, "row 1, field timestamp", "milliseconds");
    }
}
