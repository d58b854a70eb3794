package io.fleetsim.validation;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.input.CsvRows;
import io.fleetsim.input.ScenarioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads measured end-to-end points in the columns of AIConfigurator's silicon sample
 * ({@code calibration/aiconfigurator-silicon.csv.gz} ships one): a header row, then one row per
 * benchmarked point. A name ending in {@code .gz} is read through gzip.
 *
 * <p>Columns used (others, such as {@code silicon_data_source}, are carried along unread):
 * <pre>
 *   id                       unique name of the row
 *   backend, backend_version engine and its version (version may be empty)
 *   model_path               model (Hugging Face path or catalog name)
 *   system                   hardware system, e.g. h100_sxm
 *   precision, gemm_quant_mode, moe_quant_mode   weight formats (empty: 16-bit)
 *   mode                     agg or disagg
 *   isl, osl                 prompt and output tokens of every request
 *   concurrency              client concurrency for the whole deployment (may be empty)
 *   tp_size, pp_size, attention_dp_size, moe_tp_size, moe_ep_size   layout (empty or 0: 1)
 *   decode_tp_size, ...      the same for the decode workers of a disagg row (optional)
 *   ttft_ms, tpot_ms         measured mean time to first token and per output token
 * </pre>
 *
 * A missing column, a malformed or out-of-range cell, an unknown engine, system, model or
 * quantisation, or a repeated id is a {@link ScenarioException} naming the file, the line and the
 * column.
 */
public final class PointsFile {

    /** Columns every points file must have. */
    public static final List<String> REQUIRED = List.of("id", "backend", "backend_version", "model_path", "system",
            "precision", "mode", "isl", "osl", "gemm_quant_mode", "moe_quant_mode", "concurrency", "tp_size",
            "pp_size", "attention_dp_size", "moe_tp_size", "moe_ep_size", "ttft_ms", "tpot_ms");

    private static final String[] LAYOUT = {"tp_size", "pp_size", "attention_dp_size", "moe_tp_size", "moe_ep_size"};
    /** A decimal number; stricter than {@link Double#parseDouble}, which also takes "12d" or hex. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_TOKENS = 10_000_000;
    private static final int MAX_DEGREE = 4096;
    private static final int MAX_CONCURRENCY = 10_000_000;

    private final String displayName;
    private final Map<String, Integer> columns;
    private final HardwareCatalog catalog;

    private PointsFile(String displayName, Map<String, Integer> columns, HardwareCatalog catalog) {
        this.displayName = displayName;
        this.columns = columns;
        this.catalog = catalog;
    }

    /**
     * The points of {@code file}, in file order.
     *
     * @param displayName the file as the user named it, for messages
     * @param catalog     where a model given by catalog name (not a Hugging Face path) must be
     */
    public static List<MeasuredPoint> read(Path file, String displayName, HardwareCatalog catalog) {
        List<CsvRows.Row> lines = lines(file, displayName);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).blank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new ScenarioException(displayName, 0, "", "the file is empty; expected a header row with the "
                    + "columns " + String.join(", ", REQUIRED) + ", then one row per measured point");
        }
        List<String> header = lines.get(0).fields();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty() || columns.putIfAbsent(name, i) != null) {
                throw new ScenarioException(displayName, 1, "", "the header row must name each column once (got '"
                        + name + "' " + (name.isEmpty() ? "empty" : "twice") + ")");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new ScenarioException(displayName, 1, required, "missing column; a points file needs the "
                        + "columns " + String.join(", ", REQUIRED));
            }
        }
        if (lines.size() == 1) {
            throw new ScenarioException(displayName, 0, "", "the file has a header row but no data rows");
        }
        PointsFile reader = new PointsFile(displayName, columns, catalog);
        List<MeasuredPoint> out = new ArrayList<>(lines.size() - 1);
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = lines.get(i).line();
            List<String> cells = lines.get(i).fields();
            if (cells.size() != header.size()) {
                throw new ScenarioException(displayName, line, "", "the row has " + cells.size()
                        + " fields; the header has " + header.size());
            }
            MeasuredPoint p = reader.point(reader.new Row(cells, line));
            if (!ids.add(p.id())) {
                throw new ScenarioException(displayName, line, "id", "id '" + p.id() + "' appears twice; ids "
                        + "must be unique");
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Whether {@code file} looks like a points file: its header names {@code model_path},
     * {@code ttft_ms} and {@code tpot_ms}. False for files it cannot read.
     */
    public static boolean looksLikePoints(Path file) {
        try {
            List<CsvRows.Row> lines = lines(file, file.toString());
            List<String> header = lines.isEmpty() ? null : lines.get(0).fields();
            return header != null && header.contains("model_path") && header.contains("ttft_ms")
                    && header.contains("tpot_ms");
        } catch (ScenarioException e) {
            return false;
        }
    }

    private static List<CsvRows.Row> lines(Path file, String displayName) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)));
             CsvRows csv = CsvRows.open(reader, displayName)) {
            List<CsvRows.Row> lines = new ArrayList<>();
            for (CsvRows.Row r = csv.next(); r != null; r = csv.next()) {
                lines.add(r);
            }
            return lines;
        } catch (NoSuchFileException e) {
            throw new ScenarioException(displayName, 0, "", "no such file");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(displayName, 0, "", "not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(displayName, 0, "", "cannot read: " + e.getMessage());
        }
    }

    private MeasuredPoint point(Row r) {
        String id = r.text("id");
        if (id.isEmpty()) {
            throw r.error("id", "must not be empty");
        }
        String backend = r.text("backend");
        if (CatalogNames.engine(backend).isEmpty()) {
            throw r.error("backend", "unknown engine '" + backend + "'; known: "
                    + String.join(", ", CatalogNames.ENGINES));
        }
        String system = r.text("system");
        if (CatalogNames.gpuName(system).isEmpty() && catalog.gpu(system) == null) {
            throw r.error("system", "unknown system '" + system + "'; known: "
                    + String.join(", ", CatalogNames.systems()) + ", or a catalog GPU name");
        }
        String model = r.text("model_path");
        boolean catalogName = !model.contains("/");
        if (catalogName ? catalog.model(model) == null : CatalogNames.modelCandidates(model).isEmpty()) {
            throw r.error("model_path", "unknown model '" + model + "'; known: "
                    + String.join(", ", CatalogNames.modelPaths()) + ", or a catalog model name ("
                    + String.join(", ", catalog.models().stream().map(LlmModel::name).toList()) + ")");
        }
        String mode = r.text("mode");
        if (!mode.equals("agg") && !mode.equals("disagg")) {
            throw r.error("mode", "must be agg or disagg (got '" + mode + "')");
        }
        String gemm = quant(r, "gemm_quant_mode");
        String moe = quant(r, "moe_quant_mode");
        String prefix = mode.equals("disagg") ? "decode_" : "";
        int[] layout = new int[LAYOUT.length];
        for (int i = 0; i < LAYOUT.length; i++) {
            String column = prefix + LAYOUT[i];
            layout[i] = columns.containsKey(column) ? r.degree(column) : 1;
        }
        Deployment d = new Deployment(system, backend, r.text("backend_version"), model, r.text("precision"), gemm,
                moe, mode, new Deployment.ParallelLayout(layout[0], layout[1], layout[2], layout[3], layout[4]),
                mode.equals("disagg") ? split(r) : null);
        int isl = (int) r.whole("isl", 1, MAX_TOKENS);
        int osl = (int) r.whole("osl", 1, MAX_TOKENS);
        int concurrency = r.text("concurrency").isEmpty() ? 0 : (int) r.whole("concurrency", 1, MAX_CONCURRENCY);
        return new MeasuredPoint(id, r.line, d, isl, osl, concurrency, r.positive("ttft_ms"), r.positive("tpot_ms"));
    }

    /**
     * The prefill side and worker counts of a disagg row, from the {@code prefill_*} layout columns
     * and {@code prefill_num_workers} / {@code decode_num_workers}, {@code prefill_batch_size} /
     * {@code decode_batch_size} (empty: not stated); null when
     * the file has no {@code prefill_tp_size} column.
     */
    private Deployment.Split split(Row r) {
        if (!columns.containsKey("prefill_tp_size")) {
            return null;
        }
        int[] prefill = new int[LAYOUT.length];
        for (int i = 0; i < LAYOUT.length; i++) {
            String column = "prefill_" + LAYOUT[i];
            prefill[i] = columns.containsKey(column) ? r.degree(column) : 1;
        }
        return new Deployment.Split(new Deployment.ParallelLayout(prefill[0], prefill[1], prefill[2], prefill[3],
                prefill[4]), workers(r, "prefill_num_workers"), workers(r, "decode_num_workers"),
                workers(r, "prefill_batch_size"), workers(r, "decode_batch_size"));
    }

    private int workers(Row r, String column) {
        return !columns.containsKey(column) || r.text(column).isEmpty() ? 0 : (int) r.whole(column, 1, 100_000);
    }

    private static String quant(Row r, String column) {
        String q = r.text(column);
        if (CatalogNames.quantisation(q).isEmpty()) {
            throw r.error(column, "unknown quantisation '" + q + "'; known: (empty), "
                    + String.join(", ", CatalogNames.QUANTISATIONS));
        }
        return q;
    }

    /** One data row's cells, converted column by column. */
    private final class Row {
        private final List<String> cells;
        private final int line;

        Row(List<String> cells, int line) {
            this.cells = cells;
            this.line = line;
        }

        String text(String column) {
            return cells.get(columns.get(column)).strip();
        }

        long whole(String column, long min, long max) {
            double v = number(column);
            if (v != Math.rint(v) || v < min || v > max) {
                throw error(column, "must be a whole number from " + min + " to " + max + " (got \"" + text(column)
                        + "\")");
            }
            return (long) v;
        }

        /** A parallel degree: empty or 0 mean 1, as AIConfigurator writes "no such split". */
        int degree(String column) {
            if (text(column).isEmpty()) {
                return 1;
            }
            return (int) Math.max(1, whole(column, 0, MAX_DEGREE));
        }

        double positive(String column) {
            double v = number(column);
            if (!(v > 0)) {
                throw error(column, "must be a number > 0 (got \"" + text(column) + "\")");
            }
            return v;
        }

        private double number(String column) {
            String t = text(column);
            double v = NUMBER.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
            if (!Double.isFinite(v)) {
                throw error(column, "must be a number (got \"" + t + "\")");
            }
            return v;
        }

        ScenarioException error(String column, String problem) {
            return new ScenarioException(displayName, line, column, problem);
        }
    }
}
