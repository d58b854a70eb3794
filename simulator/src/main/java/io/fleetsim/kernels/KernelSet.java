package io.fleetsim.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The measured kernels of one engine version on one GPU ({@code kernels/<directory>/} in the
 * jar), as interpolating grids. Latencies are in seconds. Its grids are built on first use (and
 * kept), so it is safe to share between threads and what it returns never changes.
 */
public final class KernelSet {

    /** Shape of an attention table entry: heads on one GPU, head size, KV dtype and window. */
    public record AttentionShape(String kvDtype, int window, int heads, int kvHeads, int headDim) {
    }

    /** Shape of a MoE block on one GPU's view: model dims, routing and its parallel layout. */
    public record MoeShape(String dtype, int hidden, int inter, int topK, int experts, int tp, int ep) {
    }

    private final String directory;
    private final KernelTableFile gemmTable;
    private final KernelTableFile contextTable;
    private final KernelTableFile generationTable;
    private final KernelTableFile moeTable;
    private final KernelTableFile customTable;
    private final KernelTableFile ncclTable;
    // Grids are built on first use, per dtype: a run builds only those of its pools' precisions.
    private final Map<String, Optional<LogGrid>> gemm = new ConcurrentHashMap<>();
    private final Map<String, Map<AttentionShape, LogGrid>> context = new ConcurrentHashMap<>();
    private final Map<String, Map<AttentionShape, LogGrid>> generation = new ConcurrentHashMap<>();
    private final Map<String, Map<MoeShape, LogGrid>> moe = new ConcurrentHashMap<>();
    private volatile Map<String, LogGrid> collectives;

    private KernelSet(String directory) {
        this.directory = directory;
        String base = "kernels/" + directory + "/";
        this.gemmTable = KernelTableFile.find(base, "gemm");
        this.contextTable = KernelTableFile.find(base, "context_attention");
        this.generationTable = KernelTableFile.find(base, "generation_attention");
        this.moeTable = KernelTableFile.find(base, "moe");
        this.customTable = KernelTableFile.find(base, "allreduce");
        this.ncclTable = KernelTableFile.find(base, "nccl");
    }

    /**
     * The tables of {@code kernels/<directory>/} on the class path. Each table is read when first
     * asked for, and only the dtypes asked for are parsed.
     */
    public static KernelSet load(String directory) {
        return new KernelSet(directory);
    }

    /** The directory name, e.g. {@code h100_sxm-vllm-0.24.0}. */
    public String directory() {
        return directory;
    }

    /** The GEMM grid (axes m, n, k) of {@code dtype}, or null when not measured. */
    public LogGrid gemm(String dtype) {
        Optional<LogGrid> g = gemm.get(dtype);
        if (g == null) {
            g = gemm.computeIfAbsent(dtype, d -> Optional.ofNullable(gemmGrid(gemmTable, d)));
        }
        return g.orElse(null);
    }

    /** Prefill attention (axes batch, ISL) of {@code shape}, or null. */
    public LogGrid contextAttention(AttentionShape shape) {
        return contextOf(shape.kvDtype()).get(shape);
    }

    /** Decode attention (axes batch, KV tokens per sequence) of {@code shape}, or null. */
    public LogGrid generationAttention(AttentionShape shape) {
        return generationOf(shape.kvDtype()).get(shape);
    }

    /** Measured shapes of the decode attention table. */
    public List<AttentionShape> generationShapes() {
        return shapes(generationTable, this::generationOf);
    }

    /** Measured shapes of the decode attention table with a {@code kvDtype} KV cache. */
    public List<AttentionShape> generationShapes(String kvDtype) {
        return List.copyOf(generationOf(kvDtype).keySet());
    }

    /** Measured shapes of the prefill attention table. */
    public List<AttentionShape> contextShapes() {
        return shapes(contextTable, this::contextOf);
    }

    /** Measured shapes of the prefill attention table with a {@code kvDtype} KV cache. */
    public List<AttentionShape> contextShapes(String kvDtype) {
        return List.copyOf(contextOf(kvDtype).keySet());
    }

    /**
     * A collective (axis: message size in 16-bit elements) over {@code gpus} GPUs: {@code custom}
     * for the engine's own all-reduce, or an NCCL op ({@code all_reduce}, {@code alltoall},
     * {@code all_gather}, {@code reduce_scatter}); null when not measured.
     */
    public LogGrid collective(String op, int gpus) {
        Map<String, LogGrid> c = collectives;
        if (c == null) {
            c = collectives(customTable, ncclTable);
            collectives = c;
        }
        return c.get(op + "/" + gpus);
    }

    /** The MoE block (axis: tokens) of {@code shape}, or null. */
    public LogGrid moe(MoeShape shape) {
        return moeOf(shape.dtype()).get(shape);
    }

    /** Measured MoE shapes. */
    public List<MoeShape> moeShapes() {
        return shapes(moeTable, this::moeOf);
    }

    private Map<AttentionShape, LogGrid> contextOf(String kvDtype) {
        Map<AttentionShape, LogGrid> m = context.get(kvDtype);
        return m != null ? m : context.computeIfAbsent(kvDtype, d -> attention(contextTable, d));
    }

    private Map<AttentionShape, LogGrid> generationOf(String kvDtype) {
        Map<AttentionShape, LogGrid> m = generation.get(kvDtype);
        return m != null ? m : generation.computeIfAbsent(kvDtype, d -> attention(generationTable, d));
    }

    private Map<MoeShape, LogGrid> moeOf(String dtype) {
        Map<MoeShape, LogGrid> m = moe.get(dtype);
        return m != null ? m : moe.computeIfAbsent(dtype, d -> moe(moeTable, d));
    }

    /** The shapes of every dtype of {@code table}. */
    private static <S> List<S> shapes(KernelTableFile table, Function<String, Map<S, LogGrid>> ofDtype) {
        List<S> out = new ArrayList<>();
        if (table != null) {
            table.groups().forEach(dtype -> out.addAll(ofDtype.apply(dtype).keySet()));
        }
        return List.copyOf(out);
    }

    private static LogGrid gemmGrid(KernelTableFile t, String dtype) {
        if (t == null) {
            return null;
        }
        List<WideCsv.Row> rows = t.rows(dtype);
        if (rows.isEmpty()) {
            return null;
        }
        double[] n = distinct(rows, 1);
        double[] k = distinct(rows, 2);
        double[] m = t.header().axis();
        double[] v = nan(m.length * n.length * k.length);
        for (WideCsv.Row r : rows) {
            int ni = Arrays.binarySearch(n, Double.parseDouble(r.key().get(1)));
            int ki = Arrays.binarySearch(k, Double.parseDouble(r.key().get(2)));
            for (int mi = 0; mi < m.length; mi++) {
                v[(mi * n.length + ni) * k.length + ki] = r.microseconds()[mi] * 1e-6;
            }
        }
        fillInterior(m, n.length * k.length, v);
        return new LogGrid(new double[][]{m, n, k}, v);
    }

    private static Map<AttentionShape, LogGrid> attention(KernelTableFile t, String kvDtype) {
        Map<AttentionShape, LogGrid> out = new HashMap<>();
        if (t == null) {
            return out;
        }
        double[] x = t.header().axis();
        group(t.rows(kvDtype), 5).forEach((key, rows) -> {
            List<String> k = rows.get(0).key();
            AttentionShape shape = new AttentionShape(k.get(0), Integer.parseInt(k.get(1)), Integer.parseInt(k.get(2)),
                    Integer.parseInt(k.get(3)), Integer.parseInt(k.get(4)));
            double[] b = distinct(rows, 5);
            double[] v = nan(b.length * x.length);
            for (WideCsv.Row r : rows) {
                int bi = Arrays.binarySearch(b, Double.parseDouble(r.key().get(5)));
                for (int xi = 0; xi < x.length; xi++) {
                    v[bi * x.length + xi] = r.microseconds()[xi] * 1e-6;
                }
            }
            for (int bi = 0; bi < b.length; bi++) {
                double[] line = Arrays.copyOfRange(v, bi * x.length, (bi + 1) * x.length);
                fillInterior(x, 1, line);
                System.arraycopy(line, 0, v, bi * x.length, x.length);
            }
            out.put(shape, new LogGrid(new double[][]{b, x}, v));
        });
        return out;
    }

    private static Map<String, LogGrid> collectives(KernelTableFile custom, KernelTableFile nccl) {
        Map<String, LogGrid> out = new HashMap<>();
        if (custom != null) {
            for (WideCsv.Row r : custom.rows()) {
                out.put("custom/" + r.key().get(0), line(custom.header().axis(), r));
            }
        }
        if (nccl != null) {
            for (WideCsv.Row r : nccl.rows()) {
                out.put(r.key().get(0) + "/" + r.key().get(1), line(nccl.header().axis(), r));
            }
        }
        return out;
    }

    private static Map<MoeShape, LogGrid> moe(KernelTableFile t, String dtype) {
        Map<MoeShape, LogGrid> out = new HashMap<>();
        if (t == null) {
            return out;
        }
        for (WideCsv.Row r : t.rows(dtype)) {
            List<String> k = r.key();
            out.put(new MoeShape(k.get(0), Integer.parseInt(k.get(1)), Integer.parseInt(k.get(2)),
                    Integer.parseInt(k.get(3)), Integer.parseInt(k.get(4)), Integer.parseInt(k.get(5)),
                    Integer.parseInt(k.get(6))), line(t.header().axis(), r));
        }
        return out;
    }

    /**
     * Fills cells not measured between two measured ones along the first axis (stride
     * {@code stride} between its steps) by log-log interpolation, so that a shape measured at other
     * token counts than its neighbours (another kernel's grid) still interpolates; cells beyond
     * the last measured one stay unmeasured.
     */
    static void fillInterior(double[] axis, int stride, double[] v) {
        for (int r = 0; r < stride; r++) {
            int prev = -1;
            for (int i = 0; i < axis.length; i++) {
                int at = i * stride + r;
                if (Double.isNaN(v[at])) {
                    continue;
                }
                if (prev >= 0 && i - prev > 1) {
                    double la = Math.log(axis[prev]);
                    double lb = Math.log(axis[i]);
                    double ya = Math.log(v[prev * stride + r]);
                    double yb = Math.log(v[at]);
                    for (int j = prev + 1; j < i; j++) {
                        double w = (Math.log(axis[j]) - la) / (lb - la);
                        v[j * stride + r] = Math.exp(ya + w * (yb - ya));
                    }
                }
                prev = i;
            }
        }
    }

    private static LogGrid line(double[] axis, WideCsv.Row r) {
        double[] v = new double[axis.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.microseconds()[i] * 1e-6;
        }
        return new LogGrid(new double[][]{axis}, v);
    }

    /** Rows grouped by their first {@code keyColumns} key values. */
    private static Map<String, List<WideCsv.Row>> group(List<WideCsv.Row> rows, int keyColumns) {
        Map<String, List<WideCsv.Row>> out = new LinkedHashMap<>();
        for (WideCsv.Row r : rows) {
            out.computeIfAbsent(String.join("|", r.key().subList(0, keyColumns)), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** The distinct values of key column {@code column}, ascending. */
    private static double[] distinct(List<WideCsv.Row> rows, int column) {
        double[] all = new double[rows.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = Double.parseDouble(rows.get(i).key().get(column));
        }
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
