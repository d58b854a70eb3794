package io.fleetsim.calibration;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.input.CsvRows;
import io.fleetsim.input.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a planner's measured points: a CSV file with a header row, then one row per run of a
 * batch. Columns (in any order):
 *
 * <pre>
 *   batch_size       prompts prefilled and decoded together
 *   prompt_tokens    tokens of each prompt
 *   output_tokens    tokens generated per prompt (at least 2)
 *   prefill_ms       milliseconds to prefill the whole batch
 *   per_token_ms     mean milliseconds per decode iteration
 *   model            catalog model name (optional when the whole file is one model)
 *   tensor_parallel  GPUs of the replica (optional when the whole file is one degree)
 * </pre>
 *
 * A malformed cell, an unknown column or a row of the wrong width is a {@link ScenarioException}
 * naming the file, its line, the data row and the column.
 */
public final class MeasurementFile {

    private static final List<String> REQUIRED = List.of("batch_size", "prompt_tokens", "output_tokens",
            "prefill_ms", "per_token_ms");
    private static final List<String> OPTIONAL = List.of("model", "tensor_parallel");
    /** A decimal number; stricter than {@link Double#parseDouble}, which also takes "12d" or hex. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String displayName;
    private final List<String> header;
    private final HardwareCatalog catalog;
    /** The model of every row when the file has no model column, else null. */
    private final String fileModel;
    /** The degree of every row when the file has no tensor_parallel column, else 0. */
    private final int fileTensorParallel;

    private MeasurementFile(String displayName, List<String> header, HardwareCatalog catalog, String fileModel,
                            int fileTensorParallel) {
        this.displayName = displayName;
        this.header = header;
        this.catalog = catalog;
        this.fileModel = fileModel;
        this.fileTensorParallel = fileTensorParallel;
    }

    /**
     * The points of {@code path} ({@code displayName} is how errors name it). When the file has no
     * {@code model} (or {@code tensor_parallel}) column, {@code model} (or {@code tensorParallel})
     * names it for every row; when it has the column, they select the rows that match.
     *
     * @param catalog        where model names are looked up
     * @param model          a catalog model name, or empty
     * @param tensorParallel a tensor-parallel degree, or empty
     */
    public static List<Measurement> read(Path path, String displayName, HardwareCatalog catalog,
                                         Optional<String> model, OptionalInt tensorParallel) {
        List<CsvRows.Row> lines = lines(path, displayName);
        List<String> header = lines.get(0).fields().stream().map(String::strip).toList();
        checkHeader(header, displayName, model, tensorParallel);
        MeasurementFile file = new MeasurementFile(displayName, header, catalog,
                header.contains("model") ? null : model.get(),
                header.contains("tensor_parallel") ? 0 : tensorParallel.getAsInt());
        if (lines.size() == 1) {
            throw new ScenarioException(displayName, 1, "", "a header row but no data rows");
        }
        List<Measurement> out = new ArrayList<>();
        Set<String> modelsSeen = new TreeSet<>();
        Set<Integer> degreesSeen = new TreeSet<>();
        for (int i = 1; i < lines.size(); i++) {
            Measurement m = file.row(lines.get(i), i);
            Configuration c = m.configuration();
            modelsSeen.add(c.model());
            degreesSeen.add(c.tensorParallel());
            boolean wanted = (model.isEmpty() || model.get().equals(c.model()))
                    && (tensorParallel.isEmpty() || tensorParallel.getAsInt() == c.tensorParallel());
            if (wanted) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            throw new ScenarioException(displayName, 0, "", "no rows with"
                    + model.map(m -> " model " + m).orElse("")
                    + (tensorParallel.isPresent() ? " tensor_parallel " + tensorParallel.getAsInt() : "")
                    + "; the file has models " + String.join(", ", modelsSeen) + " at tensor_parallel "
                    + String.join(", ", degreesSeen.stream().map(String::valueOf).toList()));
        }
        return List.copyOf(out);
    }

    private static List<CsvRows.Row> lines(Path path, String displayName) {
        List<CsvRows.Row> lines = CsvRows.readAll(path, displayName);
        if (lines.isEmpty()) {
            throw new ScenarioException(displayName, 0, "", "the file is empty; expected a header row ("
                    + String.join(",", REQUIRED) + ", optionally model, tensor_parallel) and one row per run");
        }
        return lines;
    }

    private static void checkHeader(List<String> header, String displayName, Optional<String> model,
                                    OptionalInt tensorParallel) {
        Set<String> seen = new LinkedHashSet<>();
        for (String name : header) {
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new ScenarioException(displayName, 1, "", "header row: unknown column '" + name
                        + "'; allowed: " + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL));
            }
            if (!seen.add(name)) {
                throw new ScenarioException(displayName, 1, "", "header row: column '" + name + "' appears twice");
            }
        }
        for (String name : REQUIRED) {
            if (!seen.contains(name)) {
                throw new ScenarioException(displayName, 1, "", "header row: missing column '" + name
                        + "'; required: " + String.join(", ", REQUIRED));
            }
        }
        if (!seen.contains("model") && model.isEmpty()) {
            throw new ScenarioException(displayName, 1, "",
                    "header row: no 'model' column, and no model was named for the whole file");
        }
        if (!seen.contains("tensor_parallel") && tensorParallel.isEmpty()) {
            throw new ScenarioException(displayName, 1, "",
                    "header row: no 'tensor_parallel' column, and no degree was named for the whole file");
        }
    }

    private Measurement row(CsvRows.Row line, int row) {
        String[] cells = line.fields().toArray(String[]::new);
        if (cells.length != header.size()) {
            throw new ScenarioException(displayName, line.line(), "", "row " + row + " has " + cells.length
                    + " fields; the header has " + header.size() + " (" + String.join(", ", header) + ")");
        }
        Cells c = new Cells(cells, row, line.line());
        int batch = (int) c.whole("batch_size", 1, 1_000_000);
        int prompt = (int) c.whole("prompt_tokens", 1, 100_000_000);
        if ((long) batch * prompt > Integer.MAX_VALUE) {
            throw c.error("prompt_tokens", "batch_size x prompt_tokens must be at most " + Integer.MAX_VALUE);
        }
        int output = (int) c.whole("output_tokens", 2, 100_000_000);
        double prefill = c.positive("prefill_ms");
        double perToken = c.positive("per_token_ms");
        String model = fileModel != null ? fileModel : c.model();
        int tp = fileTensorParallel > 0 ? fileTensorParallel : (int) c.whole("tensor_parallel", 1, 64);
        return new Measurement(new Configuration(model, tp, batch, prompt, output), prefill / 1e3, perToken / 1e3);
    }

    /** The cells of one data row, converted column by column. */
    private final class Cells {
        private final String[] cells;
        private final int row;
        private final int line;

        Cells(String[] cells, int row, int line) {
            this.cells = cells;
            this.row = row;
            this.line = line;
        }

        long whole(String column, long min, long max) {
            double v = number(column);
            if (v != Math.rint(v) || v < min || v > max) {
                throw error(column, "must be a whole number from " + min + " to " + max + " (got \""
                        + cell(column) + "\")");
            }
            return (long) v;
        }

        double positive(String column) {
            double v = number(column);
            if (!(v > 0)) {
                throw error(column, "must be a number > 0 (got \"" + cell(column) + "\")");
            }
            return v;
        }

        String model() {
            String name = cell("model");
            LlmModel m = catalog.model(name);
            if (m == null) {
                throw error("model", "unknown model '" + name + "'; known: " + String.join(", ",
                        catalog.models().stream().map(LlmModel::name).toList()));
            }
            return name;
        }

        private double number(String column) {
            String text = cell(column);
            double v = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
            if (!Double.isFinite(v)) {
                throw error(column, "must be a number (got \"" + text + "\")");
            }
            return v;
        }

        private String cell(String column) {
            return cells[header.indexOf(column)].strip();
        }

        ScenarioException error(String column, String problem) {
            return new ScenarioException(displayName, line, "", "row " + row + ", column " + column + ": "
                    + problem);
        }
    }
}
