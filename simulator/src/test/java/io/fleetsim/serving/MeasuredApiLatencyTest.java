package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.engine.Simulator;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ApiSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An API pool with measured latency resamples the measured calls: the TTFTs and speeds its calls
 * see have the file's distributions (Kolmogorov-Smirnov distance to the file's empirical CDF, and
 * its quartiles), each call's TTFT comes with the speed measured with it, and the same seed gives
 * the same calls.
 */
@Tag("statistical")
class MeasuredApiLatencyTest {

    private static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();
    private static final String FILE = "api-latency/together_70b.json";
    private static final int CALLS = 20_000;
    private static final int OUTPUT_TOKENS = 101;
    /** Relative difference below which two values are the same measured value. */
    private static final double TIE = 1e-9;

    /** The file's successful calls, read here independently of fleetsim: TTFT to speed after it. */
    private static Map<Double, Double> measuredPairs() throws IOException {
        JsonNode calls = new ObjectMapper().readTree(SCENARIOS.resolve(FILE).toFile());
        Map<Double, Double> pairs = new HashMap<>();
        for (JsonNode c : calls) {
            if (c.get("error_code").isNull()) {
                double ttft = c.get("ttft_s").doubleValue();
                double speed = (c.get("number_output_tokens").intValue() - 1)
                        / (c.get("end_to_end_latency_s").doubleValue() - ttft);
                assertEquals(null, pairs.put(ttft, speed), "TTFTs identify the calls");
            }
        }
        return pairs;
    }

    private static ApiSpec api() {
        String yaml = """
                name: t
                horizon: 1h
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - {name: chat, prompt_tokens: {dist: fixed, tokens: 550},
                       output_tokens: {dist: fixed, tokens: 101}, slo: {ttft: 1s, tpot: 50ms}}
                pools:
                  - {name: api, kind: api, api: {usd_per_mtok_input: 0.88, usd_per_mtok_output: 0.88,
                     latency: {file: %s}}}
                """.formatted(FILE);
        ServerSpec server = new ScenarioLoader().bind(SpecDocument.parse(yaml, "scenarios/t.yaml", false, SCENARIOS))
                .pools().get(0).server();
        return ((ServerSpec.Api) server).api();
    }

    /** {@link #CALLS} calls sent at once to an API of unbounded concurrency: each one's (TTFT, speed). */
    private static List<double[]> observedCalls(long seed) {
        Simulator sim = new Simulator();
        ArrayDeque<Request> queue = new ArrayDeque<>();
        List<double[]> observed = new ArrayList<>();
        WorkSource source = new WorkSource() {
            @Override
            public Request peek() {
                return queue.peek();
            }

            @Override
            public Request poll() {
                return queue.poll();
            }
        };
        ServingListener listener = (request, pool, admittedAt, firstTokenAt, completedAt) -> observed.add(
                new double[] {firstTokenAt - admittedAt, (OUTPUT_TOKENS - 1) / (completedAt - firstTokenAt)});
        RandomStreams streams = new RandomStreams(seed);
        ApiServer server = new ApiServer(sim, 0, api(), streams.stream("latency"), streams.stream("errors"), source,
                listener);
        for (int i = 0; i < CALLS; i++) {
            queue.add(new Request(i, 0, 0, 550, OUTPUT_TOKENS));
        }
        server.wake();
        sim.runUntil(3600);
        assertEquals(CALLS, observed.size(), "every call completed");
        return observed;
    }

    /** sup |F_sample - F_reference| over the reference's values (both CDFs step only there or between). */
    private static double ksDistance(double[] sample, double[] reference) {
        double[] s = sample.clone();
        double[] r = reference.clone();
        Arrays.sort(s);
        Arrays.sort(r);
        double worst = 0;
        for (double x : r) {
            double fs = upperRank(s, x) / (double) s.length;
            double fr = upperRank(r, x) / (double) r.length;
            double fsBefore = lowerRank(s, x) / (double) s.length;
            double frBefore = lowerRank(r, x) / (double) r.length;
            worst = Math.max(worst, Math.max(Math.abs(fs - fr), Math.abs(fsBefore - frBefore)));
        }
        return worst;
    }

    /** Values <= x, counting values equal to x up to rounding (speeds are recovered from times). */
    private static int upperRank(double[] sorted, double x) {
        int n = 0;
        while (n < sorted.length && sorted[n] <= x + TIE * Math.abs(x)) {
            n++;
        }
        return n;
    }

    /** Values < x, not counting values equal to x up to rounding. */
    private static int lowerRank(double[] sorted, double x) {
        int n = 0;
        while (n < sorted.length && sorted[n] < x - TIE * Math.abs(x)) {
            n++;
        }
        return n;
    }

    /** The empirical quantile by the nearest-rank rule. */
    private static double quantile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[(int) Math.ceil(p * v.length) - 1];
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    @Test
    void resampledCallsReproduceTheMeasuredDistributionsAndPairs() throws IOException {
        Map<Double, Double> pairs = measuredPairs();
        assertEquals(150, pairs.size());
        List<double[]> observed = observedCalls(42);

        // Pairing: every call's speed is the one measured with its TTFT.
        for (double[] call : observed) {
            Double measuredTtft = null;
            for (Double ttft : pairs.keySet()) {
                if (Math.abs(ttft - call[0]) < 1e-9) {
                    measuredTtft = ttft;
                }
            }
            assertNotNull(measuredTtft, "TTFT " + call[0] + " is one of the file's");
            assertEquals(pairs.get(measuredTtft), call[1], 1e-6 * call[1], "speed drawn with TTFT " + measuredTtft);
        }

        // Marginals: the one-sample KS distance to the file's empirical CDF stays under the 1 %
        // critical value 1.63 / sqrt(n) of a draw of n from it (a wrong column or a biased draw
        // gives 0.1 or more).
        double critical = 1.63 / Math.sqrt(CALLS);
        double[] measuredTtfts = pairs.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] measuredSpeeds = pairs.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] ttfts = column(observed, 0);
        double ttftDistance = ksDistance(ttfts, measuredTtfts);
        double speedDistance = ksDistance(column(observed, 1), measuredSpeeds);
        assertTrue(ttftDistance < critical, "TTFT KS distance " + ttftDistance + " >= " + critical);
        assertTrue(speedDistance < critical, "speed KS distance " + speedDistance + " >= " + critical);

        // Quartiles and p90 of the TTFT as the file has them, within 2 %.
        for (double p : new double[] {0.25, 0.5, 0.75, 0.9}) {
            double expected = quantile(measuredTtfts, p);
            assertEquals(expected, quantile(ttfts, p), 0.02 * expected, "TTFT p" + (int) (p * 100));
        }
    }

    @Test
    void theSameSeedGivesTheSameCalls() {
        List<double[]> a = observedCalls(7);
        List<double[]> b = observedCalls(7);
        for (int i = 0; i < a.size(); i++) {
            assertTrue(Arrays.equals(a.get(i), b.get(i)), "call " + i);
        }
        List<double[]> c = observedCalls(8);
        boolean differs = false;
        for (int i = 0; i < a.size() && !differs; i++) {
            differs = !Arrays.equals(a.get(i), c.get(i));
        }
        assertTrue(differs, "another seed draws other calls");
    }
}
