package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.input.CsvRows;
import io.fleetsim.report.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsim validate-model} on the shipped 40-row sample: the validation.csv column
 * contract, every row kept with its id (skipped ones with their reason), the JSON summary, the
 * same bytes on any thread count, and bad input as exit code 2 naming file, line and column.
 */
@Tag("scenario")
class ValidateModelCommandTest {

    private static final Path SAMPLE = Path.of("calibration", "aiconfigurator-silicon-sample.csv");

    @TempDir
    Path tmp;

    @Test
    void validationCsvStartsWithTheContractColumnsAndKeepsEveryRow() throws IOException {
        CliRunner.Result r = CliRunner.fleetsim("validate-model", SAMPLE.toString(), "--out", tmp.toString());
        assertEquals(0, r.code(), r.describe());
        List<String> lines = Files.readAllLines(tmp.resolve("validation.csv"));
        assertEquals(ValidationReport.LEADING_COLUMNS, fields(lines.get(0)).subList(0, 6));
        assertEquals(List.of("id", "status", "measured_ttft_ms", "predicted_ttft_ms", "measured_tpot_ms",
                "predicted_tpot_ms"), ValidationReport.LEADING_COLUMNS);
        List<String> input = Files.readAllLines(SAMPLE);
        assertEquals(input.size(), lines.size(), "one row per point");
        int ok = 0;
        for (int i = 1; i < lines.size(); i++) {
            List<String> in = fields(input.get(i));
            List<String> row = fields(lines.get(i));
            assertEquals(in.get(0), row.get(0), "ids in input order");
            String status = row.get(1);
            if (status.equals("ok")) {
                ok++;
                assertTrue(Double.parseDouble(row.get(3)) > 0 && Double.parseDouble(row.get(5)) > 0, lines.get(i));
            } else {
                assertTrue(status.startsWith("skipped: ") && status.length() > 9, lines.get(i));
                assertEquals("", row.get(3));
                assertEquals("", row.get(5));
            }
            assertEquals(Double.parseDouble(in.get(32)), Double.parseDouble(row.get(2)), 0.0005, "measured TTFT");
            assertFalse(status.contains("not yet modelled"), "disaggregated rows are modelled: " + status);
        }
        assertTrue(ok > 0, r.describe());
        assertTrue(r.out().contains("Simulated " + ok + " of 40 rows"), r.describe());

        JsonNode json = new ObjectMapper().readTree(tmp.resolve("validation.json").toFile());
        assertEquals(40, json.get("rows").asInt());
        assertEquals(ok, json.get("simulated").asInt());
        assertEquals(ok, json.get("overall").get("ttft_error").get("points").asInt());
        int skipped = 0;
        for (JsonNode n : json.get("skipped_by_reason")) {
            skipped += n.get("rows").asInt();
        }
        assertEquals(40 - ok, skipped);
    }

    @Test
    void theFilesAreTheSameOnOneThreadAsOnTwo() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRunner.fleetsim("validate-model", SAMPLE.toString(), "--out", a.toString(), "--threads",
                "1").code());
        assertEquals(0, CliRunner.fleetsim("validate-model", SAMPLE.toString(), "--out", b.toString(), "--threads",
                "2").code());
        assertEquals(Files.readString(a.resolve("validation.csv")), Files.readString(b.resolve("validation.csv")));
        assertEquals(Files.readString(a.resolve("validation.json")), Files.readString(b.resolve("validation.json")));
        assertEquals(Files.readString(a.resolve("knee-capacity.csv")), Files.readString(b.resolve("knee-capacity.csv")));
        assertTrue(Files.readString(a.resolve("knee-capacity.csv")).startsWith("system,backend,backend_version,"));
    }

    @Test
    void badInputIsExitCodeTwoNamingFileLineAndColumn() throws IOException {
        assertBad(withCell(9, "tpot_ms", "-1.5"), ":9: tpot_ms: must be a number > 0");
        assertBad(withCell(12, "ttft_ms", "nan"), ":12: ttft_ms: must be a number");
        assertBad(withCell(3, "model_path", "acme/Giant-9T"), ":3: model_path: unknown model 'acme/Giant-9T'");
        List<String> lines = Files.readAllLines(SAMPLE);
        List<String> cut = new ArrayList<>();
        for (String l : lines) {
            cut.add(l.substring(l.indexOf(',') + 1));
        }
        Path noId = tmp.resolve("no-id.csv");
        Files.write(noId, cut);
        assertBad(noId, ":1: id: missing column");
        CliRunner.Result r = CliRunner.fleetsim("validate-model", SAMPLE.toString(), "--profile", "nope", "--out",
                tmp.toString());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--profile: unknown profile 'nope'"), r.describe());
    }

    private void assertBad(Path file, String expected) {
        CliRunner.Result r = CliRunner.fleetsim("validate-model", file.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.oneErrorLine().startsWith("error: " + file + expected), r.describe());
    }

    private Path withCell(int line, String column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        int index = List.of(lines.get(0).split(",", -1)).indexOf(column);
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[index] = value;
        lines.set(line - 1, String.join(",", cells));
        Path f = tmp.resolve("points-" + line + ".csv");
        Files.write(f, lines);
        return f;
    }

    /** The fields of one CSV line. */
    private static List<String> fields(String line) throws IOException {
        try (CsvRows csv = CsvRows.open(new java.io.StringReader(line), "line")) {
            return csv.next().fields();
        }
    }
}
