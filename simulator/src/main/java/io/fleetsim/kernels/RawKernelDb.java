package io.fleetsim.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Rows of the raw AIConfigurator kernel database as copied into
 * {@code profiling/aiconfigurator-kernel-db/csv/<table>_perf.csv.gz} (one gzip CSV per table, all
 * systems, a {@code system} first column, latencies in {@code latency_ms}). Read only by the
 * commands that build and check the shipped tables, never at simulation time.
 */
public final class RawKernelDb {

    /** One raw row: its columns by header name. */
    public record Row(Map<String, String> columns) {
        /** Column {@code name}, or "" when absent. */
        public String get(String name) {
            return columns.getOrDefault(name, "");
        }

        /** Column {@code name} as a number. */
        public double number(String name) {
            return Double.parseDouble(get(name));
        }

        /** Latency in microseconds. */
        public double microseconds() {
            return number("latency_ms") * 1000;
        }

        /** The directory name of the shipped tables this row belongs to (system-engine-version). */
        public String directory() {
            return get("system") + "-" + engine(get("framework")) + "-" + get("version");
        }
    }

    private final Path dir;

    /** The database in {@code dir} (the folder holding the {@code *_perf.csv.gz} files). */
    public RawKernelDb(Path dir) {
        this.dir = dir;
    }

    /** Whether table {@code table} (e.g. {@code gemm}) is present. */
    public boolean has(String table) {
        return Files.isRegularFile(file(table));
    }

    private Path file(String table) {
        return dir.resolve(table + "_perf.csv.gz");
    }

    /** Streams every row of {@code table} to {@code sink}. */
    public void forEach(String table, Consumer<Row> sink) {
        try (InputStream raw = Files.newInputStream(file(table));
             BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                     StandardCharsets.UTF_8), 1 << 16)) {
            String[] header = in.readLine().split(",", -1);
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                Map<String, String> m = new HashMap<>(header.length * 2);
                for (int i = 0; i < header.length && i < f.length; i++) {
                    m.put(header[i], f[i]);
                }
                sink.accept(new Row(m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fleetsim's engine id for a database framework name ({@code VLLM}, {@code vLLM}, {@code TRTLLM}). */
    public static String engine(String framework) {
        String f = framework.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "vllm" -> "vllm";
            case "trtllm" -> "trtllm";
            case "sglang" -> "sglang";
            default -> f;
        };
    }
}
