package io.fleetsim.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Interpolation of measured kernel latencies. */
class LogGridTest {

    @Test
    void exactAtMeasuredPointsAndAPowerLawBetween() {
        LogGrid g = new LogGrid(new double[][]{{1, 4}, {10, 1000}}, new double[]{1, 2, 4, 8});
        assertEquals(1, g.at(1, 10), 1e-15);
        assertEquals(8, g.at(4, 1000), 1e-14);
        // halfway in log m (m = 2) at n = 10: sqrt(1 * 4)
        assertEquals(2, g.at(2, 10), 1e-14);
        // the centre in log space: geometric mean of the four corners
        assertEquals(Math.pow(1 * 2 * 4 * 8, 0.25), g.at(2, 100), 1e-13);
        assertTrue(g.covers(2, 100));
        assertFalse(g.covers(8, 100));
        // clamped beyond the edge, not extrapolated
        assertEquals(g.at(4, 100), g.at(8, 100), 1e-15);
    }

    @Test
    void unmeasuredCornersAreLeftOut() {
        LogGrid g = new LogGrid(new double[][]{{1, 2}}, new double[]{3, Double.NaN});
        assertEquals(3, g.at(1.5), 1e-15);
        assertTrue(Double.isNaN(new LogGrid(new double[][]{{1, 2}}, new double[]{Double.NaN, Double.NaN}).at(1.5)));
    }

    /** Every measured cell of the shipped H100 vLLM GEMM table is reproduced by the loaded grid. */
    @Test
    void shippedGemmTableIsExactAtItsCells() throws Exception {
        String resource = "kernels/h100_sxm-vllm-0.24.0/gemm.csv.gz";
        WideCsv t;
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                getClass().getClassLoader().getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            t = WideCsv.read(in, resource);
        }
        KernelSet set = KernelSet.load("h100_sxm-vllm-0.24.0");
        int checked = 0;
        for (int r = 0; r < t.rows().size(); r += 97) {
            WideCsv.Row row = t.rows().get(r);
            LogGrid g = set.gemm(row.key().get(0));
            for (int i = 0; i < t.axis().length; i += 5) {
                double us = row.microseconds()[i];
                if (!Double.isNaN(us)) {
                    double at = g.at(t.axis()[i], Double.parseDouble(row.key().get(1)),
                            Double.parseDouble(row.key().get(2)));
                    assertEquals(us * 1e-6, at, 1e-12 * us);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, checked + " cells");
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(KernelIndex.compareVersions("0.9", "0.24.0") < 0);
        assertTrue(KernelIndex.compareVersions("0.24.0", "1.3.0rc20") < 0);
        assertEquals(0, KernelIndex.compareVersions("0.24", "0.24.0"));
    }

    @Test
    void closestShippedVersionOfAnEngineOnAGpu() {
        KernelIndex index = KernelIndex.builtIn();
        assertEquals("0.24.0", index.closest("vllm", "0.25.1", "H100-SXM-80GB").orElseThrow().version());
        assertEquals("0.24.0", index.closest("vllm", "0.12.0", "H100-SXM-80GB").orElseThrow().version());
        assertEquals("0.14.0", index.closest("vllm", "0.19", "A100-SXM-80GB").orElseThrow().version());
        assertTrue(index.closest("sglang", "0.5.0", "H100-SXM-80GB").isEmpty());
    }
}
