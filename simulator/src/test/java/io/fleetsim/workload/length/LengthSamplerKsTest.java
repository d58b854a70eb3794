package io.fleetsim.workload.length;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.workload.LengthSampler;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Each length sampler against its distribution by Kolmogorov-Smirnov, with a fixed seed: the
 * right reference must not be rejected (p > 0.001, so a change of random numbers fails it only
 * once in a thousand) and a deliberately wrong one, close enough to be a plausible bug (clamping
 * instead of truncating, a 5-10% parameter error), must be (p < 1e-6). Continuous distributions are rounded by the samplers, so a reference CDF at a whole
 * number k is the continuous CDF at k + 0.5.
 */
@Tag("statistical")
class LengthSamplerKsTest {

    private TestReporter reporter;

    @BeforeEach
    void keepReporter(TestReporter testReporter) {
        reporter = testReporter;
    }

    /** Measured values go to the test report (target/surefire-reports), not to the console. */
    private void report(String format, Object... args) {
        reporter.publishEntry(String.format(Locale.ROOT, format, args).strip());
    }

    private static final int N = 20_000;
    private static final double ACCEPT = 0.001;
    private static final double REJECT = 1e-6;

    private static int[] draw(LengthSpec spec, String stream) {
        LengthSampler sampler = LengthSampler.of(spec, new RandomStreams(20240611).stream(stream));
        int[] out = new int[N];
        for (int i = 0; i < N; i++) {
            out[i] = sampler.sample();
        }
        return out;
    }

    /** P(round(X) <= k) for X with continuous CDF {@code cdf}. */
    private static IntToDoubleFunction rounded(DoubleUnaryOperator cdf) {
        return k -> cdf.applyAsDouble(k + 0.5);
    }

    /** The CDF of X conditioned on {@code lo <= X <= hi}. */
    private static DoubleUnaryOperator truncated(DoubleUnaryOperator cdf, double lo, double hi) {
        double below = cdf.applyAsDouble(lo);
        double mass = cdf.applyAsDouble(hi) - below;
        return x -> x < lo ? 0 : x >= hi ? 1 : (cdf.applyAsDouble(x) - below) / mass;
    }

    /** P(L <= k) for L = round(X) clamped to [lo, hi]. */
    private static IntToDoubleFunction roundedClamped(DoubleUnaryOperator cdf, int lo, int hi) {
        return k -> k < lo ? 0 : k >= hi ? 1 : cdf.applyAsDouble(k + 0.5);
    }

    /** The sample mean is the spec's mean within 4 standard errors (plus half a token of rounding). */
    private static void assertMean(LengthSpec spec, int[] sample) {
        double[] x = Arrays.stream(sample).asDoubleStream().toArray();
        double standardError = Math.sqrt(StatUtils.variance(x) / x.length);
        assertEquals(spec.mean(), StatUtils.mean(x), 4 * standardError + 0.5, "mean of " + spec);
    }

    private void assertFits(String what, int[] sample, IntToDoubleFunction right, IntToDoubleFunction wrong) {
        double pRight = DiscreteKs.pValue(sample, right);
        double pWrong = DiscreteKs.pValue(sample, wrong);
        report("KS %-16s p(right) = %.3f   p(wrong) = %.2e%n", what, pRight, pWrong);
        assertTrue(pRight > ACCEPT, what + ": KS p-value against its own distribution " + pRight);
        assertTrue(pWrong < REJECT, what + ": KS p-value against the wrong reference " + pWrong);
    }

    @Test
    void uniform() {
        int[] sample = draw(new LengthSpec.Uniform(100, 2000), "uniform");
        assertMean(new LengthSpec.Uniform(100, 2000), sample);
        assertEquals(100, Arrays.stream(sample).min().orElseThrow());
        assertEquals(2000, Arrays.stream(sample).max().orElseThrow());
        UniformIntegerDistribution right = new UniformIntegerDistribution(100, 2000);
        UniformIntegerDistribution wrong = new UniformIntegerDistribution(100, 2100);
        assertFits("uniform", sample, right::cumulativeProbability, wrong::cumulativeProbability);
    }

    @Test
    void truncatedNormalIsTruncatedNotClamped() {
        // 16% of N(300, 200^2) lies below 100: clamping would put all of it on 100.
        LengthSpec.TruncatedNormal spec = new LengthSpec.TruncatedNormal(300, 200, 100, 800);
        int[] sample = draw(spec, "normal");
        assertMean(spec, sample);
        NormalDistribution normal = new NormalDistribution(null, 300, 200);
        IntToDoubleFunction right = rounded(truncated(normal::cumulativeProbability, 100, 800));
        IntToDoubleFunction clamped = roundedClamped(normal::cumulativeProbability, 100, 800);
        assertFits("normal", sample, right, clamped);
        assertTrue(DiscreteKs.pValue(sample, rounded(normal::cumulativeProbability)) < REJECT,
                "the untruncated normal must be rejected too");
        assertTrue(Arrays.stream(sample).allMatch(x -> x >= 100 && x <= 800));
    }

    @Test
    void lognormal() {
        LengthSpec.Lognormal spec = LengthSpec.Lognormal.fromMedianAndP99(700, 6000, 1, 32_000);
        int[] sample = draw(spec, "lognormal");
        LogNormalDistribution right = new LogNormalDistribution(null, spec.mu(), spec.sigma());
        LogNormalDistribution wrongMedian = new LogNormalDistribution(null, spec.mu() + Math.log(1.1), spec.sigma());
        assertFits("lognormal", sample, roundedClamped(right::cumulativeProbability, 1, 32_000),
                roundedClamped(wrongMedian::cumulativeProbability, 1, 32_000));
    }

    @Test
    void paretoIsBoundedNotClampedOrUnbounded() {
        // 2.7% of the unbounded Pareto(100, 1.2) lies above 2000.
        LengthSpec.Pareto spec = new LengthSpec.Pareto(100, 1.2, 2000);
        int[] sample = draw(spec, "pareto");
        assertMean(spec, sample);
        ParetoDistribution pareto = new ParetoDistribution(null, 100, 1.2);
        IntToDoubleFunction right = rounded(truncated(pareto::cumulativeProbability, 100, 2000));
        IntToDoubleFunction unbounded = rounded(pareto::cumulativeProbability);
        assertFits("pareto", sample, right, unbounded);
        ParetoDistribution wrongAlpha = new ParetoDistribution(null, 100, 1.32);
        assertTrue(DiscreteKs.pValue(sample, rounded(truncated(wrongAlpha::cumulativeProbability, 100, 2000)))
                < REJECT, "alpha 10% off must be rejected");
        assertTrue(Arrays.stream(sample).allMatch(x -> x >= 100 && x <= 2000));
    }

    @Test
    void heavyParetoWithoutMaxReachesBeyondAnyContext() {
        // No silent cap: with the default max, a heavy tail produces lengths no model accepts.
        int[] sample = draw(new LengthSpec.Pareto(1000, 0.5, LengthSpec.MAX_TOKENS), "pareto-heavy");
        long beyond = Arrays.stream(sample).filter(x -> x > 131_072).count();
        // P(X > 131072) = (1000/131072)^0.5 = 8.7%, less the 0.3% above 100M.
        assertEquals(0.084, beyond / (double) N, 0.01);
    }

    @Test
    void statisticAgreesWithCommonsMathWhenNoValueIsLikely() {
        // With 1901 equally likely values, ties barely matter: commons-math3's continuous
        // statistic against U(99.5, 2000.5) is within one value's probability of ours.
        int[] sample = draw(new LengthSpec.Uniform(100, 2000), "uniform");
        double commons = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(
                new UniformRealDistribution(null, 99.5, 2000.5), Arrays.stream(sample).asDoubleStream().toArray());
        UniformIntegerDistribution reference = new UniformIntegerDistribution(100, 2000);
        assertEquals(commons, DiscreteKs.statistic(sample, reference::cumulativeProbability), 1.0 / 1901 + 1e-9);
    }
}
