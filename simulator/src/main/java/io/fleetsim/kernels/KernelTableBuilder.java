package io.fleetsim.kernels;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the shipped kernel tables ({@code resources/kernels/}) from the raw AIConfigurator
 * database: per engine version and GPU, the measured latencies of the shapes fleetsim needs, the
 * median where a shape was timed more than once; per dtype the kernel implementation the engine
 * version was measured with most, and for shapes it was not measured at, the next one (vLLM picks
 * its fp8-block kernel by token count); with the {@link HeldOut} grid values left out.
 */
public final class KernelTableBuilder {

    /** Database system name to fleetsim catalog GPU. */
    public static final Map<String, String> SYSTEM_GPUS = Map.of(
            "a100_sxm", "A100-SXM-80GB",
            "h100_sxm", "H100-SXM-80GB",
            "h200_sxm", "H200-SXM-141GB",
            "b200_sxm", "B200-180GB",
            "gb200", "GB200-NVL72",
            "l40s", "L40S");

    /** Database commit the tables come from. */
    public static final String SOURCE = "ai-dynamo/aiconfigurator commit 095f58a51c4ca8e61b66ec108d86f223f8d559ce "
            + "(Apache-2.0)";

    /**
     * How one shipped table is cut from a raw one.
     *
     * @param raw      raw table stem
     * @param out      shipped file name
     * @param keep     which raw rows are used
     * @param family   rows of one family share one kernel implementation (e.g. one dtype)
     * @param keys     raw columns of the key, in order, and their shipped names
     * @param grid     raw column across the shipped columns, and its shipped name
     * @param holdOut  whether {@link HeldOut} values are left out
     * @param perSystem whether the table belongs to the GPU rather than to an engine version (NCCL)
     */
    record TableCut(String raw, String out, Predicate<RawKernelDb.Row> keep, Function<RawKernelDb.Row, String> family,
                    List<String[]> keys, String[] grid, boolean holdOut, boolean perSystem) {
    }

    private static String window(RawKernelDb.Row r) {
        String w = r.get("window_size");
        return w.isEmpty() ? "0" : w;
    }

    private static final Predicate<RawKernelDb.Row> ATTENTION = r -> r.get("attn_dtype").equals("bfloat16")
            && (window(r).equals("0") || window(r).equals("128"));

    /**
     * Token routing of the MoE rows used: a power law of exponent 1.01 over experts, the database's
     * closest to real routers' skew (balanced routing is the optimistic limit).
     */
    public static final String MOE_DISTRIBUTION = "power_law_1.01";

    /** The shipped tables. */
    static final List<TableCut> CUTS = List.of(
            new TableCut("gemm", "gemm.csv.gz",
                    r -> r.number("n") >= 256 && r.number("k") >= 256, r -> r.get("gemm_dtype"),
                    List.of(new String[]{"gemm_dtype", "dtype"}, new String[]{"n", "n"}, new String[]{"k", "k"}),
                    new String[]{"m", "m"}, true, false),
            new TableCut("context_attention", "context_attention.csv.gz", ATTENTION,
                    r -> r.get("kv_cache_dtype") + "|" + window(r), attentionKeys(), new String[]{"isl", "isl"},
                    true, false),
            new TableCut("generation_attention", "generation_attention.csv.gz", ATTENTION,
                    r -> r.get("kv_cache_dtype") + "|" + window(r), attentionKeys(), new String[]{"step", "kv"},
                    true, false),
            new TableCut("custom_allreduce", "allreduce.csv",
                    r -> r.get("allreduce_dtype").equals("bfloat16")
                            && (r.get("backend").equals("vllm_graph") || r.get("backend").isEmpty()),
                    r -> "", List.<String[]>of(new String[]{"num_gpus", "gpus"}), new String[]{"message_size", "elements"},
                    false, false),
            new TableCut("nccl", "nccl.csv", r -> r.get("nccl_dtype").equals("half"), r -> "",
                    List.of(new String[]{"op_name", "op"}, new String[]{"num_gpus", "gpus"}),
                    new String[]{"message_size", "elements"}, false, true),
            new TableCut("moe", "moe.csv.gz", r -> r.get("distribution").equals(MOE_DISTRIBUTION),
                    r -> r.get("moe_dtype"),
                    List.of(new String[]{"moe_dtype", "dtype"}, new String[]{"hidden_size", "hidden"},
                            new String[]{"inter_size", "inter"}, new String[]{"topk", "topk"},
                            new String[]{"num_experts", "experts"}, new String[]{"moe_tp_size", "tp"},
                            new String[]{"moe_ep_size", "ep"}),
                    new String[]{"num_tokens", "tokens"}, true, false));

    private static List<String[]> attentionKeys() {
        return List.of(new String[]{"kv_cache_dtype", "kv_dtype"}, new String[]{"window_size", "window"},
                new String[]{"num_heads", "heads"}, new String[]{"num_key_value_heads", "kv_heads"},
                new String[]{"head_dim", "head_dim"}, new String[]{"batch_size", "batch"});
    }

    private KernelTableBuilder() {
    }

    /** Cell key: directory, family, kernel source, key values, grid value. */
    record Cell(String directory, String family, String source, List<String> key, double grid) {
    }

    /** Builds every table from {@code db} into {@code out}; returns the directories written. */
    public static List<String> build(RawKernelDb db, Path out) {
        Map<String, Map<String, WideCsv>> byDirectory = new TreeMap<>();
        Map<String, Map<String, WideCsv>> bySystem = new TreeMap<>();
        for (TableCut cut : CUTS) {
            if (!db.has(cut.raw())) {
                continue;
            }
            for (Map.Entry<String, WideCsv> e : cut(db, cut).entrySet()) {
                (cut.perSystem() ? bySystem : byDirectory).computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                        .put(cut.out(), e.getValue());
            }
        }
        List<String> written = new ArrayList<>();
        StringBuilder index = new StringBuilder("# Shipped kernel tables: " + SOURCE + "\n"
                + "directory,system,engine,version,gpu\n");
        for (Map.Entry<String, Map<String, WideCsv>> d : byDirectory.entrySet()) {
            String[] parts = d.getKey().split("-", 3);
            String gpu = SYSTEM_GPUS.get(parts[0]);
            if (gpu == null || !d.getValue().containsKey("gemm.csv.gz")) {
                continue;
            }
            Map<String, WideCsv> tables = new TreeMap<>(d.getValue());
            Map<String, WideCsv> system = bySystem.get(parts[0]);
            if (system != null) {
                tables.putAll(system);
            }
            Path dir = out.resolve(d.getKey());
            for (Map.Entry<String, WideCsv> t : tables.entrySet()) {
                write(dir.resolve(t.getKey()), t.getValue().text(List.of(
                        t.getKey() + " of " + d.getKey() + ": latency in microseconds of one call on one GPU",
                        "built by ./fleetsim kernels build from " + SOURCE)));
            }
            index.append(d.getKey()).append(',').append(parts[0]).append(',').append(parts[1]).append(',')
                    .append(parts[2]).append(',').append(gpu).append('\n');
            written.add(d.getKey());
        }
        write(out.resolve("index.csv"), index.toString());
        return written;
    }

    /**
     * The measured cells of {@code cut} (median latency in microseconds, source left empty), and
     * per directory the sorted distinct grid values.
     */
    record Collected(Map<Cell, Double> cells, Map<String, double[]> gridValues) {
    }

    /** Reads and aggregates the raw rows of {@code cut}. */
    static Collected collect(RawKernelDb db, TableCut cut) {
        Map<Cell, List<Double>> cells = new HashMap<>();
        Map<String, Map<String, Integer>> sourceCounts = new HashMap<>();
        db.forEach(cut.raw(), r -> {
            if (!cut.keep().test(r)) {
                return;
            }
            String directory = cut.perSystem() ? r.get("system") : r.directory();
            String family = cut.family().apply(r);
            List<String> key = new ArrayList<>();
            for (String[] k : cut.keys()) {
                key.add(k[0].equals("window_size") ? window(r) : r.get(k[0]));
            }
            String source = r.get("kernel_source");
            cells.computeIfAbsent(new Cell(directory, family, source, List.copyOf(key), r.number(cut.grid()[0])),
                    c -> new ArrayList<>()).add(r.microseconds());
            sourceCounts.computeIfAbsent(directory + "\u0000" + family, f -> new HashMap<>()).merge(source, 1,
                    Integer::sum);
        });
        // Sources of a family ranked by how many rows the engine version was measured with.
        Map<String, List<String>> ranked = new HashMap<>();
        sourceCounts.forEach((f, counts) -> ranked.put(f, counts.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : b.getValue() - a.getValue())
                .map(Map.Entry::getKey).toList()));
        // Per shape, the measurement of the best-ranked source that has one.
        Map<Cell, Integer> bestRank = new HashMap<>();
        Map<Cell, Double> kept = new HashMap<>();
        Map<String, TreeSet<Double>> gridValues = new TreeMap<>();
        cells.forEach((c, values) -> {
            int rank = ranked.get(c.directory() + "\u0000" + c.family()).indexOf(c.source());
            Cell shape = new Cell(c.directory(), c.family(), "", c.key(), c.grid());
            Integer best = bestRank.get(shape);
            if (best == null || rank < best) {
                bestRank.put(shape, rank);
                kept.put(shape, median(values));
            }
            gridValues.computeIfAbsent(c.directory(), d -> new TreeSet<>()).add(c.grid());
        });
        Map<String, double[]> grids = new TreeMap<>();
        gridValues.forEach((d, v) -> grids.put(d, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return new Collected(kept, grids);
    }

    /** The grid values of {@code all} that {@link HeldOut} keeps out. */
    static boolean heldOut(double[] all, double value) {
        int i = Arrays.binarySearch(all, value);
        return i >= 0 && HeldOut.isHeldOut(i, all.length);
    }

    /** One raw table cut into one shipped table per directory. */
    static Map<String, WideCsv> cut(RawKernelDb db, TableCut cut) {
        Collected collected = collect(db, cut);
        Map<String, Map<List<String>, Map<Double, Double>>> lines = new TreeMap<>();
        collected.cells().forEach((c, median) -> lines.computeIfAbsent(c.directory(),
                        d -> new TreeMap<>(KernelTableBuilder::compareKeys))
                .computeIfAbsent(c.key(), k -> new HashMap<>()).put(c.grid(), median));
        Map<String, WideCsv> out = new TreeMap<>();
        lines.forEach((directory, rows) -> {
            double[] all = collected.gridValues().get(directory);
            List<Double> kept = new ArrayList<>();
            for (double g : all) {
                if (!cut.holdOut() || !heldOut(all, g)) {
                    kept.add(g);
                }
            }
            double[] axis = kept.stream().mapToDouble(Double::doubleValue).toArray();
            List<WideCsv.Row> wide = new ArrayList<>();
            rows.forEach((key, byGrid) -> {
                double[] v = new double[axis.length];
                boolean any = false;
                for (int i = 0; i < axis.length; i++) {
                    Double x = byGrid.get(axis[i]);
                    v[i] = x == null ? Double.NaN : Double.parseDouble(WideCsv.number(x));
                    any |= x != null;
                }
                if (any) {
                    wide.add(new WideCsv.Row(key, v));
                }
            });
            out.put(directory, new WideCsv(cut.keys().stream().map(k -> k[1]).toList(), cut.grid()[1], axis, wide));
        });
        return out;
    }

    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c;
            try {
                c = Double.compare(Double.parseDouble(a.get(i)), Double.parseDouble(b.get(i)));
            } catch (NumberFormatException e) {
                c = a.get(i).compareTo(b.get(i));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (file.getFileName().toString().endsWith(".gz")) {
                try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
                    o.write(bytes);
                }
            } else {
                Files.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
