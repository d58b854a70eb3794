package io.fleetsim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.scenario.CatalogReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planner's CSV of measured points: what is read, and what is refused with which message. */
class MeasurementFileTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    private static final String HEADER = "batch_size,prompt_tokens,output_tokens,prefill_ms,per_token_ms";

    @TempDir
    Path tmp;

    private List<Measurement> read(String text, Optional<String> model, OptionalInt tp) throws IOException {
        Path file = tmp.resolve("points.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return MeasurementFile.read(file, "points.csv", CATALOG, model, tp);
    }

    private ScenarioException refused(String text) {
        return assertThrows(ScenarioException.class,
                () -> read(text, Optional.of("llama-2-70b"), OptionalInt.of(4)));
    }

    @Test
    void readsRowsInMillisecondsAsSecondsWithModelAndDegreeFromTheCaller() throws IOException {
        List<Measurement> points = read(HEADER + "\n8,512,128,442.2,31.4\n1, 2048 ,2,200,29.5\n\n",
                Optional.of("llama-2-70b"), OptionalInt.of(4));
        assertEquals(2, points.size());
        Measurement m = points.get(0);
        assertEquals(new Configuration("llama-2-70b", 4, 8, 512, 128), m.configuration());
        assertEquals(0.4422, m.prefillSeconds(), 1e-15);
        assertEquals(0.0314, m.perTokenSeconds(), 1e-15);
        assertEquals(2048, points.get(1).configuration().promptTokens());
    }

    @Test
    void aQuotedHeaderQuotedCellsAndAByteOrderMarkAreRead() throws IOException {
        // as a spreadsheet exports it: BOM, every header cell quoted, CRLF
        String quoted = "\uFEFF\"model\",\"tensor_parallel\",\"batch_size\",\"prompt_tokens\",\"output_tokens\","
                + "\"prefill_ms\",\"per_token_ms\"\r\n\"llama-2-70b\",4,8,512,128,\"442.2\",31.4\r\n";
        List<Measurement> points = read(quoted, Optional.empty(), OptionalInt.empty());
        assertEquals(new Configuration("llama-2-70b", 4, 8, 512, 128), points.get(0).configuration());
        assertEquals(0.4422, points.get(0).prefillSeconds(), 1e-15);
        // errors still name the file, the line and the column
        ScenarioException e = refused("\uFEFF\"batch_size\"," + HEADER.substring(HEADER.indexOf(',') + 1)
                + "\r\n8,512,128,\"442.2\",\"31.4\"\r\n1,\"x\",2,200,29.5\r\n");
        assertEquals("points.csv", e.file());
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("row 2, column prompt_tokens"), e.getMessage());
    }

    @Test
    void modelAndDegreeColumnsSelectRowsWhenAlsoGiven() throws IOException {
        String text = "model,tensor_parallel," + HEADER + "\n"
                + "llama-2-70b,2,1,512,128,84,37\n"
                + "llama-2-70b,4,1,512,128,60,30\n"
                + "bloom-176b,8,1,512,128,75,36\n";
        assertEquals(3, read(text, Optional.empty(), OptionalInt.empty()).size());
        List<Measurement> tp4 = read(text, Optional.empty(), OptionalInt.of(4));
        assertEquals(1, tp4.size());
        assertEquals(4, tp4.get(0).configuration().tensorParallel());
        assertEquals(1, read(text, Optional.of("bloom-176b"), OptionalInt.empty()).size());
        ScenarioException none = assertThrows(ScenarioException.class,
                () -> read(text, Optional.of("bloom-176b"), OptionalInt.of(2)));
        assertTrue(none.getMessage().contains("no rows with model bloom-176b tensor_parallel 2"), none.getMessage());
        assertTrue(none.getMessage().contains("bloom-176b, llama-2-70b at tensor_parallel 2, 4, 8"), none.getMessage());
    }

    @Test
    void aBadCellNamesFileLineRowAndColumn() {
        ScenarioException e = refused(HEADER + "\n8,512,128,442.2,31.4\n4,512,128,fast,30\n");
        assertEquals("points.csv:3: row 2, column prefill_ms: must be a number (got \"fast\")", e.getMessage());
    }

    @Test
    void refusesOutOfRangeValues() {
        assertTrue(refused(HEADER + "\n0,512,128,1,1\n").getMessage()
                .contains("row 1, column batch_size: must be a whole number from 1 to"));
        assertTrue(refused(HEADER + "\n1,512.5,128,1,1\n").getMessage()
                .contains("row 1, column prompt_tokens: must be a whole number"));
        assertTrue(refused(HEADER + "\n1,512,1,1,1\n").getMessage()
                .contains("row 1, column output_tokens: must be a whole number from 2 to"));
        assertTrue(refused(HEADER + "\n1,512,2,-3,1\n").getMessage()
                .contains("row 1, column prefill_ms: must be a number > 0 (got \"-3\")"));
        assertTrue(refused(HEADER + "\n1,512,2,3,0\n").getMessage()
                .contains("row 1, column per_token_ms: must be a number > 0"));
        assertTrue(refused(HEADER + "\n100000,100000,2,3,1\n").getMessage()
                .contains("batch_size x prompt_tokens must be at most"));
    }

    @Test
    void refusesRowsOfTheWrongWidthAndUnknownModels() {
        assertEquals("points.csv:2: row 1 has 4 fields; the header has 5 (" + HEADER.replace(",", ", ") + ")",
                refused(HEADER + "\n1,512,128,60\n").getMessage());
        ScenarioException e = assertThrows(ScenarioException.class, () -> read("model," + HEADER
                + "\nllama-9,1,512,128,60,30\n", Optional.empty(), OptionalInt.of(4)));
        assertTrue(e.getMessage().startsWith("points.csv:2: row 1, column model: unknown model 'llama-9'; known: "),
                e.getMessage());
    }

    @Test
    void refusesBadHeaders() {
        assertTrue(refused("batch_size,prompt_tokens,output_tokens,prefill_ms\n1,2,3,4\n").getMessage()
                .startsWith("points.csv:1: header row: missing column 'per_token_ms'"));
        assertTrue(refused(HEADER + ",power\n1,512,128,60,30,400\n").getMessage()
                .startsWith("points.csv:1: header row: unknown column 'power'; allowed: batch_size"));
        assertTrue(refused(HEADER + ",batch_size\n1,512,128,60,30,1\n").getMessage()
                .contains("column 'batch_size' appears twice"));
        ScenarioException noModel = assertThrows(ScenarioException.class,
                () -> read(HEADER + "\n1,512,128,60,30\n", Optional.empty(), OptionalInt.of(4)));
        assertTrue(noModel.getMessage().contains("no 'model' column, and no model was named"), noModel.getMessage());
        ScenarioException noDegree = assertThrows(ScenarioException.class,
                () -> read(HEADER + "\n1,512,128,60,30\n", Optional.of("llama-2-70b"), OptionalInt.empty()));
        assertTrue(noDegree.getMessage().contains("no 'tensor_parallel' column"), noDegree.getMessage());
    }

    @Test
    void refusesEmptyFilesAndFilesWithoutRows() throws IOException {
        assertTrue(refused("").getMessage().startsWith("points.csv: the file is empty"));
        assertTrue(refused(HEADER + "\n").getMessage().startsWith("points.csv:1: a header row but no data rows"));
        ScenarioException missing = assertThrows(ScenarioException.class, () -> MeasurementFile.read(
                tmp.resolve("nope.csv"), "nope.csv", CATALOG, Optional.of("llama-2-70b"), OptionalInt.of(4)));
        assertEquals("nope.csv: file not found", missing.getMessage());
    }
}
