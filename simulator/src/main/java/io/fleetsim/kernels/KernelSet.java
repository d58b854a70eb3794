package io.fleetsim.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The measured kernels of one engine version on one GPU ({@code kernels/<directory>/} in the
 * jar), as interpolating grids. Latencies are in seconds. Immutable.
 */
public final class KernelSet {

    /** Shape of an attention table entry: heads on one GPU, head size, KV dtype and window. */
    public record AttentionShape(String kvDtype, int window, int heads, int kvHeads, int headDim) {
    }

    /** Shape of a MoE block on one GPU's view: model dims, routing and its parallel layout. */
    public record MoeShape(String dtype, int hidden, int inter, int topK, int experts, int tp, int ep) {
    }

    private final String directory;
    private final Map<String, LogGrid> gemm;
    private final Map<AttentionShape, LogGrid> context;
    private final Map<AttentionShape, LogGrid> generation;
    private final Map<String, LogGrid> collectives;
    private final Map<MoeShape, LogGrid> moe;

    private KernelSet(String directory, Map<String, LogGrid> gemm, Map<AttentionShape, LogGrid> context,
                      Map<AttentionShape, LogGrid> generation, Map<String, LogGrid> collectives,
                      Map<MoeShape, LogGrid> moe) {
        this.directory = directory;
        this.gemm = gemm;
        this.context = context;
        this.generation = generation;
        this.collectives = collectives;
        this.moe = moe;
    }

    /** Loads {@code kernels/<directory>/} from the class path. */
    public static KernelSet load(String directory) {
        String base = "kernels/" + directory + "/";
        return new KernelSet(directory, gemm(table(base, "gemm")), attention(table(base, "context_attention")),
                attention(table(base, "generation_attention")),
                collectives(table(base, "allreduce"), table(base, "nccl")), moe(table(base, "moe")));
    }

    /** Table {@code stem} of a directory, gzipped or plain; null when absent. */
    private static WideCsv table(String base, String stem) {
        WideCsv t = read(base + stem + ".csv.gz");
        return t != null ? t : read(base + stem + ".csv");
    }

    /** The directory name, e.g. {@code h100_sxm-vllm-0.24.0}. */
    public String directory() {
        return directory;
    }

    /** The GEMM grid (axes m, n, k) of {@code dtype}, or null when not measured. */
    public LogGrid gemm(String dtype) {
        return gemm.get(dtype);
    }

    /** Prefill attention (axes batch, ISL) of {@code shape}, or null. */
    public LogGrid contextAttention(AttentionShape shape) {
        return context.get(shape);
    }

    /** Decode attention (axes batch, KV tokens per sequence) of {@code shape}, or null. */
    public LogGrid generationAttention(AttentionShape shape) {
        return generation.get(shape);
    }

    /** Measured shapes of the decode attention table. */
    public List<AttentionShape> generationShapes() {
        return List.copyOf(generation.keySet());
    }

    /** Measured shapes of the prefill attention table. */
    public List<AttentionShape> contextShapes() {
        return List.copyOf(context.keySet());
    }

    /**
     * A collective (axis: message size in 16-bit elements) over {@code gpus} GPUs: {@code custom}
     * for the engine's own all-reduce, or an NCCL op ({@code all_reduce}, {@code alltoall},
     * {@code all_gather}, {@code reduce_scatter}); null when not measured.
     */
    public LogGrid collective(String op, int gpus) {
        return collectives.get(op + "/" + gpus);
    }

    /** The MoE block (axis: tokens) of {@code shape}, or null. */
    public LogGrid moe(MoeShape shape) {
        return moe.get(shape);
    }

    /** Measured MoE shapes. */
    public List<MoeShape> moeShapes() {
        return List.copyOf(moe.keySet());
    }

    private static WideCsv read(String resource) {
        try (InputStream raw = KernelSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                return null;
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return WideCsv.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, LogGrid> gemm(WideCsv t) {
        Map<String, LogGrid> out = new HashMap<>();
        if (t == null) {
            return out;
        }
        Map<String, List<WideCsv.Row>> byDtype = group(t, 1);
        byDtype.forEach((dtype, rows) -> {
            TreeSet<Double> ns = new TreeSet<>();
            TreeSet<Double> ks = new TreeSet<>();
            rows.forEach(r -> {
                ns.add(Double.parseDouble(r.key().get(1)));
                ks.add(Double.parseDouble(r.key().get(2)));
            });
            double[] n = array(ns);
            double[] k = array(ks);
            double[] m = t.axis();
            double[] v = nan(m.length * n.length * k.length);
            for (WideCsv.Row r : rows) {
                int ni = java.util.Arrays.binarySearch(n, Double.parseDouble(r.key().get(1)));
                int ki = java.util.Arrays.binarySearch(k, Double.parseDouble(r.key().get(2)));
                for (int mi = 0; mi < m.length; mi++) {
                    v[(mi * n.length + ni) * k.length + ki] = r.microseconds()[mi] * 1e-6;
                }
            }
            fillInterior(m, n.length * k.length, v);
            out.put(dtype, new LogGrid(new double[][]{m, n, k}, v));
        });
        return out;
    }

    private static Map<AttentionShape, LogGrid> attention(WideCsv t) {
        Map<AttentionShape, LogGrid> out = new HashMap<>();
        if (t == null) {
            return out;
        }
        group(t, 5).forEach((key, rows) -> {
            List<String> k = rows.get(0).key();
            AttentionShape shape = new AttentionShape(k.get(0), Integer.parseInt(k.get(1)), Integer.parseInt(k.get(2)),
                    Integer.parseInt(k.get(3)), Integer.parseInt(k.get(4)));
            TreeSet<Double> bs = new TreeSet<>();
            rows.forEach(r -> bs.add(Double.parseDouble(r.key().get(5))));
            double[] b = array(bs);
            double[] x = t.axis();
            double[] v = nan(b.length * x.length);
            for (WideCsv.Row r : rows) {
                int bi = java.util.Arrays.binarySearch(b, Double.parseDouble(r.key().get(5)));
                for (int xi = 0; xi < x.length; xi++) {
                    v[bi * x.length + xi] = r.microseconds()[xi] * 1e-6;
                }
            }
            for (int bi = 0; bi < b.length; bi++) {
                double[] line = java.util.Arrays.copyOfRange(v, bi * x.length, (bi + 1) * x.length);
                fillInterior(x, 1, line);
                System.arraycopy(line, 0, v, bi * x.length, x.length);
            }
            out.put(shape, new LogGrid(new double[][]{b, x}, v));
        });
        return out;
    }

    private static Map<String, LogGrid> collectives(WideCsv custom, WideCsv nccl) {
        Map<String, LogGrid> out = new HashMap<>();
        if (custom != null) {
            for (WideCsv.Row r : custom.rows()) {
                out.put("custom/" + r.key().get(0), line(custom.axis(), r));
            }
        }
        if (nccl != null) {
            for (WideCsv.Row r : nccl.rows()) {
                out.put(r.key().get(0) + "/" + r.key().get(1), line(nccl.axis(), r));
            }
        }
        return out;
    }

    private static Map<MoeShape, LogGrid> moe(WideCsv t) {
        Map<MoeShape, LogGrid> out = new HashMap<>();
        if (t == null) {
            return out;
        }
        for (WideCsv.Row r : t.rows()) {
            List<String> k = r.key();
            out.put(new MoeShape(k.get(0), Integer.parseInt(k.get(1)), Integer.parseInt(k.get(2)),
                    Integer.parseInt(k.get(3)), Integer.parseInt(k.get(4)), Integer.parseInt(k.get(5)),
                    Integer.parseInt(k.get(6))), line(t.axis(), r));
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
    private static Map<String, List<WideCsv.Row>> group(WideCsv t, int keyColumns) {
        Map<String, List<WideCsv.Row>> out = new java.util.LinkedHashMap<>();
        for (WideCsv.Row r : t.rows()) {
            out.computeIfAbsent(String.join("|", r.key().subList(0, keyColumns)), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static double[] array(TreeSet<Double> s) {
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
