package io.fleetsim.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Power per GPU as a function of load, fitted from the measured ML.ENERGY Benchmark v3 runs shipped
 * in {@code power/mlenergy-v3-power.csv}: per GPU type, watts = a + b ln(batch) by least squares
 * over every run of that GPU. Immutable once loaded.
 */
public final class GpuPowerTable {

    private static final String RESOURCE = "/power/mlenergy-v3-power.csv";
    /** Catalog GPU name -> the GPU label of the measured runs. */
    private static final Map<String, String> MEASURED_AS = Map.of("H100-SXM-80GB", "H100", "B200-180GB", "B200");
    private static GpuPowerTable builtIn;

    private final Map<String, GpuPower> byLabel;

    /**
     * The fitted power of one GPU type.
     *
     * @param gpu        measured GPU label (H100, B200)
     * @param intercept  watts at batch 1
     * @param slope      watts per unit of ln(batch)
     * @param runs       measured runs fitted
     * @param source     where the runs come from
     */
    public record GpuPower(String gpu, double intercept, double slope, int runs, String source) {

        /** Watts per GPU while serving a mean batch of {@code batch} (at least 1) requests. */
        public double busyWatts(double batch) {
            return intercept + slope * Math.log(Math.max(1, batch));
        }

        /** Watts per GPU with nothing in service: the fit at batch 1, the lightest load measured. */
        public double idleWatts() {
            return intercept;
        }
    }

    GpuPowerTable(Map<String, GpuPower> byLabel) {
        this.byLabel = Map.copyOf(byLabel);
    }

    /** The table fitted from the shipped measurements (loaded once). */
    public static synchronized GpuPowerTable builtIn() {
        if (builtIn == null) {
            try (InputStream in = GpuPowerTable.class.getResourceAsStream(RESOURCE)) {
                builtIn = fit(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** Fits a table from CSV rows {@code gpu,model_id,task,num_gpus,max_num_seqs,avg_batch_size,watts_per_gpu}. */
    static GpuPowerTable fit(InputStream csv) throws IOException {
        Map<String, SimpleRegression> fits = new TreeMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        reader.readLine();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] f = line.split(",");
            double batch = Double.parseDouble(f[5]);
            fits.computeIfAbsent(f[0], k -> new SimpleRegression()).addData(Math.log(Math.max(1, batch)),
                    Double.parseDouble(f[6]));
        }
        Map<String, GpuPower> out = new TreeMap<>();
        fits.forEach((gpu, r) -> out.put(gpu, new GpuPower(gpu, r.getIntercept(), r.getSlope(), (int) r.getN(),
                "ML.ENERGY Benchmark v3 (ml-energy/leaderboard@0cd52dab, 2026-02-16), " + r.getN() + " vLLM runs")));
        return new GpuPowerTable(out);
    }

    /** The fitted power of catalog GPU {@code catalogGpu}, or null when it has no measured runs. */
    public GpuPower find(String catalogGpu) {
        String label = MEASURED_AS.get(catalogGpu);
        return label == null ? null : byLabel.get(label);
    }
}
