package io.fleetsim.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the shipped tables on the raw measurements they were not built from (the
 * {@link HeldOut} grid values): for each such measured shape, the absolute percentage error of
 * the shipped tables' interpolation against the measured latency.
 */
public final class KernelCheck {

    /**
     * The score of one table of one engine version and GPU.
     *
     * @param table     shipped table name
     * @param directory engine version and GPU
     * @param family    dtype (GEMM, MoE) or KV dtype and window (attention); {@code all} for the whole table
     * @param rows      held-out shapes scored
     * @param medianPct median absolute percentage error
     * @param p90Pct    90th percentile
     */
    public record Score(String table, String directory, String family, int rows, double medianPct, double p90Pct) {
    }

    private KernelCheck() {
    }

    /** Scores every held-out table of {@code db} against the tables shipped in the jar. */
    public static List<Score> run(RawKernelDb db, List<String> shippedDirectories) {
        Map<String, KernelSet> sets = new HashMap<>();
        shippedDirectories.forEach(d -> sets.put(d, KernelSet.load(d)));
        List<Score> out = new ArrayList<>();
        for (KernelTableBuilder.TableCut cut : KernelTableBuilder.CUTS) {
            if (!cut.holdOut() || !db.has(cut.raw())) {
                continue;
            }
            KernelTableBuilder.Collected c = KernelTableBuilder.collect(db, cut);
            Map<String, List<Double>> errors = new TreeMap<>();
            c.cells().forEach((cell, measured) -> {
                KernelSet set = sets.get(cell.directory());
                if (set == null || !KernelTableBuilder.heldOut(c.gridValues().get(cell.directory()), cell.grid())) {
                    return;
                }
                double predicted = predict(set, cut.out(), cell.key(), cell.grid());
                if (Double.isNaN(predicted)) {
                    return;
                }
                double ape = 100 * Math.abs(predicted - measured * 1e-6) / (measured * 1e-6);
                errors.computeIfAbsent(cell.directory() + "\u0000all", d -> new ArrayList<>()).add(ape);
                errors.computeIfAbsent(cell.directory() + "\u0000" + cell.family(), d -> new ArrayList<>()).add(ape);
            });
            errors.forEach((d, e) -> {
                double[] v = e.stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(v);
                String[] df = d.split("\u0000");
                out.add(new Score(cut.out().replace(".csv.gz", "").replace(".csv", ""), df[0], df[1], v.length,
                        quantile(v, 0.5), quantile(v, 0.9)));
            });
        }
        return out;
    }

    private static double predict(KernelSet set, String table, List<String> key, double grid) {
        switch (table) {
            case "gemm.csv.gz" -> {
                LogGrid g = set.gemm(key.get(0));
                return g == null ? Double.NaN : g.at(grid, Double.parseDouble(key.get(1)),
                        Double.parseDouble(key.get(2)));
            }
            case "context_attention.csv.gz", "generation_attention.csv.gz" -> {
                KernelSet.AttentionShape s = new KernelSet.AttentionShape(key.get(0), Integer.parseInt(key.get(1)),
                        Integer.parseInt(key.get(2)), Integer.parseInt(key.get(3)), Integer.parseInt(key.get(4)));
                LogGrid g = table.startsWith("context") ? set.contextAttention(s) : set.generationAttention(s);
                return g == null ? Double.NaN : g.at(Double.parseDouble(key.get(5)), grid);
            }
            case "moe.csv.gz" -> {
                KernelSet.MoeShape s = new KernelSet.MoeShape(key.get(0), Integer.parseInt(key.get(1)),
                        Integer.parseInt(key.get(2)), Integer.parseInt(key.get(3)), Integer.parseInt(key.get(4)),
                        Integer.parseInt(key.get(5)), Integer.parseInt(key.get(6)));
                LogGrid g = set.moe(s);
                return g == null ? Double.NaN : g.at(grid);
            }
            default -> {
                return Double.NaN;
            }
        }
    }

    /** Linear-interpolated quantile of sorted {@code v}. */
    static double quantile(double[] v, double q) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
