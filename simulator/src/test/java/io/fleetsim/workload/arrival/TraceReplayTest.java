package io.fleetsim.workload.arrival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.SloSpec;
import io.fleetsim.spec.WorkloadSpec;
import io.fleetsim.trace.ShippedTraces;
import io.fleetsim.trace.Trace;
import io.fleetsim.trace.TraceFormat;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.TrafficGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Trace replay through the traffic generator: at scale 1 it reproduces the trace exactly (times,
 * lengths, prefix blocks); time scaling stretches times exactly; rate scaling changes the count by
 * the factor and keeps the length distributions.
 */
@Tag("statistical")
class TraceReplayTest {

    private static final SloSpec SLO = new SloSpec(1, 0.1);

    private static Trace conv;
    private static Trace code;
    private static Trace mooncake;

    @BeforeAll
    static void readTraces() {
        conv = ShippedTraces.read(ShippedTraces.azureConv(), TraceFormat.azure2023());
        code = ShippedTraces.read(ShippedTraces.azureCode(), TraceFormat.azure2023());
        mooncake = ShippedTraces.read(ShippedTraces.mooncake(), new TraceFormat.Mooncake());
    }

    /** Every request the generator makes for {@code replay} in [0, horizon), one recorded-length route. */
    private static List<Request> replay(ArrivalSpec.TraceReplay replay, double horizon, long seed) {
        RouteSpec route = new RouteSpec("r", 1, new RequestShapeSpec.Recorded(replay.trace()), SLO, 0);
        Simulator sim = new Simulator();
        List<Request> out = new ArrayList<>();
        new TrafficGenerator(sim, new WorkloadSpec(replay, List.of(route)), new RandomStreams(seed), horizon, out::add);
        sim.runUntil(horizon);
        return out;
    }

    private static double[] prompts(List<Request> requests) {
        return requests.stream().mapToDouble(Request::promptTokens).toArray();
    }

    private static double[] prompts(Trace trace) {
        double[] p = new double[trace.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = trace.promptTokens(i);
        }
        return p;
    }

    private static double[] outputs(Trace trace) {
        double[] p = new double[trace.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = trace.outputTokens(i);
        }
        return p;
    }

    @Test
    void scaleOneReproducesTheTraceExactly() {
        List<Request> requests = replay(new ArrivalSpec.TraceReplay(conv, 1, 1, false), 7200, 1);
        assertEquals(conv.size(), requests.size());
        for (int i = 0; i < conv.size(); i++) {
            Request r = requests.get(i);
            assertEquals(conv.arrivalSeconds(i), r.arrivalTime(), 0, "arrival " + i);
            assertEquals(conv.promptTokens(i), r.promptTokens(), "prompt " + i);
            assertEquals(conv.outputTokens(i), r.outputTokens(), "output " + i);
        }
    }

    @Test
    void mooncakePrefixBlocksAreTheRecordedIdsAtScaleOne() {
        List<Request> requests = replay(new ArrivalSpec.TraceReplay(mooncake, 1, 1, false), 3600, 1);
        assertEquals(mooncake.size(), requests.size());
        for (int i = 0; i < mooncake.size(); i++) {
            long[] hashes = requests.get(i).prefix().blockHashes();
            long[] recorded = new long[mooncake.prefixBlockCount(i)];
            for (int j = 0; j < recorded.length; j++) {
                recorded[j] = mooncake.prefixBlock(i, j);
            }
            assertArrayEquals(recorded, hashes, "row " + i);
            assertEquals(RecordedRequests.MOONCAKE_BLOCK_TOKENS, requests.get(i).prefix().blockTokens());
        }
    }

    @Test
    void timeScaleStretchesTimestampsExactly() {
        List<Request> requests = replay(new ArrivalSpec.TraceReplay(conv, 24, 1, false), 30 * 3600, 1);
        assertEquals(conv.size(), requests.size());
        for (int i = 0; i < conv.size(); i++) {
            assertEquals(24 * conv.arrivalSeconds(i), requests.get(i).arrivalTime(), 0, "arrival " + i);
        }
        assertEquals(24 * conv.spanSeconds(), requests.get(conv.size() - 1).arrivalTime(), 0);
    }

    @Test
    void integerRateScaleSuperposesWholeCopiesWithTheSameLengths() {
        ArrivalSpec.TraceReplay x3 = new ArrivalSpec.TraceReplay(conv, 1, 3, false);
        List<Request> requests = replay(x3, 7200, 5);
        assertEquals(3 * conv.size(), requests.size(), "three whole copies");
        double[] replayed = prompts(requests);
        Arrays.sort(replayed);
        double[] tripled = new double[3 * conv.size()];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(prompts(conv), 0, tripled, c * conv.size(), conv.size());
        }
        Arrays.sort(tripled);
        assertArrayEquals(tripled, replayed, 0, "the same prompts, three times each");
        for (int i = 1; i < requests.size(); i++) {
            assertTrue(requests.get(i).arrivalTime() >= requests.get(i - 1).arrivalTime());
        }
        assertTrue(requests.get(requests.size() - 1).arrivalTime() < x3.periodSeconds(),
                "copies wrap within the period");
    }

    @Test
    void fractionalRateScalesChangeTheCountByTheFactorAndKeepLengthMarginals() {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        int n = conv.size();
        for (double scale : new double[] {0.3, 2.5}) {
            List<Request> requests = replay(new ArrivalSpec.TraceReplay(conv, 1, scale, false), 7200, 7);
            // count = whole copies x n + Binomial(n, fraction)
            double fraction = scale - Math.floor(scale);
            double expected = scale * n;
            double sd = Math.sqrt(n * fraction * (1 - fraction));
            assertEquals(expected, requests.size(), 4 * sd, "count at rate x" + scale);
            double[] replayedPrompts = prompts(requests);
            double[] replayedOutputs = requests.stream().mapToDouble(Request::outputTokens).toArray();
            double pPrompt = ks.kolmogorovSmirnovTest(replayedPrompts, prompts(conv));
            double pOutput = ks.kolmogorovSmirnovTest(replayedOutputs, outputs(conv));
            assertTrue(pPrompt > 0.01 && pOutput > 0.01, "KS two-sample p at x" + scale + ": prompt " + pPrompt
                    + ", output " + pOutput);
        }
        // The same test tells the conversation trace from the code trace.
        assertTrue(ks.kolmogorovSmirnovTest(prompts(code), prompts(conv)) < 1e-10);
    }

    @Test
    void thinnedCopyCountsPerWindowFollowTheTracesRateShape() {
        // Rate x0.5 keeps each request with probability 1/2, so every 5-minute window holds about
        // half of its recorded count (binomial), not half of the mean.
        List<Request> requests = replay(new ArrivalSpec.TraceReplay(code, 1, 0.5, false), 7200, 3);
        int windows = (int) (code.spanSeconds() / 300);
        int[] recorded = new int[windows];
        int[] kept = new int[windows];
        for (int i = 0; i < code.size(); i++) {
            int w = (int) (code.arrivalSeconds(i) / 300);
            if (w < windows) {
                recorded[w]++;
            }
        }
        for (Request r : requests) {
            int w = (int) (r.arrivalTime() / 300);
            if (w < windows) {
                kept[w]++;
            }
        }
        for (int w = 0; w < windows; w++) {
            double sd = Math.sqrt(recorded[w] * 0.25);
            assertEquals(recorded[w] / 2.0, kept[w], Math.max(1, 4.5 * sd), "window " + w);
        }
    }

    @Test
    void loopingRepeatsTheTraceEveryPeriod() {
        ArrivalSpec.TraceReplay looped = new ArrivalSpec.TraceReplay(mooncake, 2, 1, true);
        double period = 2 * looped.periodSeconds();
        List<Request> requests = replay(looped, 2.5 * period, 1);
        int n = mooncake.size();
        assertTrue(requests.size() > 2 * n, "more than two laps: " + requests.size());
        for (int i = 0; i < n; i++) {
            Request first = requests.get(i);
            Request second = requests.get(n + i);
            assertEquals(first.arrivalTime() + period, second.arrivalTime(), 1e-9);
            assertEquals(first.promptTokens(), second.promptTokens());
            assertTrue(first.prefix().blockHashes()[0] != second.prefix().blockHashes()[0],
                    "laps are different users: their prefix blocks differ");
        }
        assertEquals(2 * mooncake.spanSeconds() * n / (n - 1), period, 1e-9);
    }

    @Test
    void routesWithTheirOwnLengthsOverrideTheRecordedOnes() {
        ArrivalSpec.TraceReplay replay = new ArrivalSpec.TraceReplay(conv, 1, 1, false);
        RouteSpec recorded = new RouteSpec("recorded", 0.5, new RequestShapeSpec.Recorded(conv), SLO, 0);
        RouteSpec fixed = new RouteSpec("fixed", 0.5, new RequestShapeSpec.Independent(new LengthSpec.Fixed(7),
                new LengthSpec.Fixed(3)), SLO, 0);
        Simulator sim = new Simulator();
        List<Request> out = new ArrayList<>();
        new TrafficGenerator(sim, new WorkloadSpec(replay, List.of(recorded, fixed)), new RandomStreams(2), 7200,
                out::add);
        sim.runUntil(7200);
        assertEquals(conv.size(), out.size());
        int fixedCount = 0;
        for (int i = 0; i < out.size(); i++) {
            Request r = out.get(i);
            if (r.route() == 1) {
                fixedCount++;
                assertEquals(7, r.promptTokens());
            } else {
                assertEquals(conv.promptTokens(i), r.promptTokens());
            }
        }
        assertEquals(out.size() / 2.0, fixedCount, 4 * Math.sqrt(out.size() / 4.0));
    }

    @Test
    void describeSaysHowTheTraceWasScaled() {
        assertEquals("azure2023 trace AzureLLMInferenceTrace_conv.csv (19,366 requests over 58.4m), time x24, "
                        + "rate x3 by superposing 3 copies (the trace and 2 shifted by up to 1m), looped every 23.3h",
                new ArrivalSpec.TraceReplay(conv, 24, 3, true).describe());
        assertEquals("azure2023 trace AzureLLMInferenceTrace_conv.csv (19,366 requests over 58.4m), rate x2.5 by "
                        + "superposing 3 copies (the trace and 2 shifted by up to 1m), the last thinned to 0.5",
                new ArrivalSpec.TraceReplay(conv, 1, 2.5, false).describe());
        assertEquals("azure2023 trace AzureLLMInferenceTrace_conv.csv (19,366 requests over 58.4m), rate x0.3 by "
                + "thinning (each request kept with probability 0.3)", new ArrivalSpec.TraceReplay(conv, 1, 0.3,
                false).describe());
    }
}
