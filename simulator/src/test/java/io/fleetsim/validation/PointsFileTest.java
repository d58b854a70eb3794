package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.scenario.CatalogReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading measured points: the shipped sample reads whole, gzip reads alike, and bad input names
 * the file, the line and the column.
 */
class PointsFileTest {

    /** The 40-row sample shipped at the repository root (surefire runs from the module folder). */
    static final Path SAMPLE = Path.of("..", "calibration", "aiconfigurator-silicon-sample.csv");
    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();

    @TempDir
    Path tmp;

    @Test
    void theShippedSampleReadsEveryRowWithItsLine() throws IOException {
        List<MeasuredPoint> points = PointsFile.read(SAMPLE, "sample.csv", CATALOG);
        List<String> lines = Files.readAllLines(SAMPLE);
        assertEquals(lines.size() - 1, points.size());
        MeasuredPoint first = points.get(0);
        assertEquals(2, first.line());
        assertTrue(lines.get(1).startsWith(first.id() + ","));
        assertEquals("disagg", first.deployment().mode());
        assertEquals(8192, first.promptTokens());
        assertEquals(1024, first.outputTokens());
        assertEquals(16, first.concurrency());
        assertEquals(596.332730757058, first.measuredTtftMs());
        assertEquals(7.292119252200418, first.measuredTpotMs());
        // A disagg row's layout is its decode workers'.
        assertEquals(new Deployment.ParallelLayout(8, 1, 1, 8, 1), first.deployment().layout());
    }

    @Test
    void aGzipCopyReadsTheSame() throws IOException {
        Path gz = tmp.resolve("sample.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(SAMPLE));
        }
        assertEquals(PointsFile.read(SAMPLE, "x", CATALOG), PointsFile.read(gz, "x", CATALOG));
    }

    @Test
    void aMissingColumnNamesTheFileTheHeaderLineAndTheColumn() throws IOException {
        Path f = withoutColumn("tpot_ms");
        ScenarioException e = assertThrows(ScenarioException.class, () -> PointsFile.read(f, "points.csv", CATALOG));
        assertEquals("points.csv", e.file());
        assertEquals(1, e.line());
        assertEquals("tpot_ms", e.fieldPath());
        assertTrue(e.getMessage().startsWith("points.csv:1: tpot_ms: missing column"), e.getMessage());
    }

    @Test
    void aNegativeValueNamesItsLineAndColumn() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> PointsFile.read(withCell(5, "ttft_ms", "-3"), "points.csv", CATALOG));
        assertEquals("points.csv:5: ttft_ms: must be a number > 0 (got \"-3\")", e.getMessage());
    }

    @Test
    void aNotANumberNamesItsLineAndColumn() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> PointsFile.read(withCell(7, "tpot_ms", "NaN"), "points.csv", CATALOG));
        assertEquals("points.csv:7: tpot_ms: must be a number (got \"NaN\")", e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> PointsFile.read(withCell(3, "isl", "1024.5"), "points.csv", CATALOG));
        assertEquals(3, e.line());
        assertEquals("isl", e.fieldPath());
    }

    @Test
    void anUnknownModelNamesItsLineAndColumn() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> PointsFile.read(withCell(4, "model_path", "acme/Giant-9T"), "points.csv", CATALOG));
        assertEquals(4, e.line());
        assertEquals("model_path", e.fieldPath());
        assertTrue(e.problem().startsWith("unknown model 'acme/Giant-9T'; known: "), e.problem());
        // A catalog name the catalog lacks is unknown too.
        e = assertThrows(ScenarioException.class,
                () -> PointsFile.read(withCell(4, "model_path", "giant-9t"), "points.csv", CATALOG));
        assertEquals("model_path", e.fieldPath());
    }

    @Test
    void anUnknownEngineOrSystemNamesItsColumn() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> PointsFile.read(withCell(2, "backend", "llama.cpp"), "points.csv", CATALOG));
        assertEquals("points.csv:2: backend: unknown engine 'llama.cpp'; known: vllm, sglang, trtllm",
                e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> PointsFile.read(withCell(2, "system", "tpu_v5"), "points.csv", CATALOG));
        assertEquals("system", e.fieldPath());
    }

    @Test
    void aRepeatedIdIsAnError() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        lines.add(lines.get(1));
        Path f = tmp.resolve("dup.csv");
        Files.write(f, lines);
        ScenarioException e = assertThrows(ScenarioException.class, () -> PointsFile.read(f, "dup.csv", CATALOG));
        assertEquals(lines.size(), e.line());
        assertEquals("id", e.fieldPath());
    }

    /** The sample with one column removed. */
    private Path withoutColumn(String column) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE);
        int index = List.of(lines.get(0).split(",", -1)).indexOf(column);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            List<String> cells = new ArrayList<>(List.of(l.split(",", -1)));
            cells.remove(index);
            out.add(String.join(",", cells));
        }
        Path f = tmp.resolve("points.csv");
        Files.write(f, out, StandardCharsets.UTF_8);
        return f;
    }

    /** The sample with the cell of {@code column} on 1-based {@code line} replaced. */
    static Path withCell(Path dir, int line, String column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        int index = List.of(lines.get(0).split(",", -1)).indexOf(column);
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[index] = value;
        lines.set(line - 1, String.join(",", cells));
        Path f = dir.resolve("points.csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private Path withCell(int line, String column, String value) throws IOException {
        return withCell(tmp, line, column, value);
    }
}
