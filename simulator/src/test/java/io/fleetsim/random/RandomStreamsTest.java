package io.fleetsim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("statistical")
class RandomStreamsTest {

    private static final int SAMPLES = 20_000;
    /** A correct generator fails at this level 1% of the time; the seeds are fixed, so it won't flake. */
    private static final double ACCEPT_P = 0.01;
    /** The wrong distributions below are rejected with p-values far beneath this. */
    private static final double REJECT_P = 1e-6;

    private static double[] sample(long seed, String name, ToDoubleFunction<RandomStream> draw) {
        RandomStream stream = new RandomStreams(seed).stream(name);
        double[] values = new double[SAMPLES];
        for (int i = 0; i < values.length; i++) {
            values[i] = draw.applyAsDouble(stream);
        }
        return values;
    }

    private static double pValue(RealDistribution distribution, double[] values) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(distribution, values);
    }

    @Test
    void sameSeedAndNameGiveIdenticalSequences() {
        ToDoubleFunction<RandomStream> mixed = s -> s.nextDouble() + s.nextExponential(2.0) + s.nextGaussian()
                + s.nextInt(1000);
        assertArrayEquals(sample(42, "arrivals", mixed), sample(42, "arrivals", mixed));
        RandomStreams streams = new RandomStreams(42);
        assertEquals(42, streams.seed());
        assertEquals(streams.stream("x").nextDouble(), streams.stream("x").nextDouble());
    }

    @Test
    void differentNamesOrSeedsGiveDifferentSequences() {
        double[] base = sample(42, "arrivals", RandomStream::nextDouble);
        double[] otherName = sample(42, "service", RandomStream::nextDouble);
        double[] otherSeed = sample(43, "arrivals", RandomStream::nextDouble);
        assertFalse(Arrays.equals(base, otherName));
        assertFalse(Arrays.equals(base, otherSeed));
        // Not merely different, but unrelated: no value in common at the same position.
        for (int i = 0; i < base.length; i++) {
            assertTrue(base[i] != otherName[i] && base[i] != otherSeed[i], "collision at " + i);
        }
    }

    @Test
    void exponentialPassesKolmogorovSmirnovAndAWrongMeanIsRejected() {
        double mean = 2.5;
        double[] values = sample(7, "service", s -> s.nextExponential(mean));
        double pRight = pValue(new ExponentialDistribution(null, mean), values);
        assertTrue(pRight > ACCEPT_P, "p = " + pRight);
        double pWrong = pValue(new ExponentialDistribution(null, mean * 1.1), values);
        assertTrue(pWrong < REJECT_P, "a 10% wrong mean should be rejected, p = " + pWrong);
    }

    @Test
    void gaussianPassesKolmogorovSmirnovAndAShiftedNormalIsRejected() {
        double[] values = sample(7, "noise", RandomStream::nextGaussian);
        double pRight = pValue(new NormalDistribution(null, 0, 1), values);
        assertTrue(pRight > ACCEPT_P, "p = " + pRight);
        double pWrong = pValue(new NormalDistribution(null, 0.1, 1), values);
        assertTrue(pWrong < REJECT_P, "a 0.1 sd shift should be rejected, p = " + pWrong);
    }

    @Test
    void nextIntStaysInRangeAndHitsEveryValue() {
        RandomStream stream = new RandomStreams(1).stream("ints");
        int[] counts = new int[7];
        for (int i = 0; i < 7_000; i++) {
            counts[stream.nextInt(7)]++;
        }
        for (int count : counts) {
            assertTrue(count > 800 && count < 1200, Arrays.toString(counts));
        }
    }
}
