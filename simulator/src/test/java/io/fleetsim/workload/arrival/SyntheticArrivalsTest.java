package io.fleetsim.workload.arrival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.RateFactorSpec;
import io.fleetsim.workload.ArrivalProcess;
import io.fleetsim.workload.PoissonArrivals;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Statistical tests of the synthetic arrival processes, each with a fixed seed and a tolerance of
 * about 4 standard errors (or a p-value floor of 0.001), and each paired with a check that the
 * same test rejects the obvious wrong answer, so that it cannot pass by accident. Expected counts
 * come from closed-form integrals of the rate, not from the code under test.
 */
@Tag("statistical")
class SyntheticArrivalsTest {

    private static final double HOUR = 3600;
    private static final double DAY = 86400;

    // ---------------------------------------------------------------- helpers

    /** Arrival times of {@code spec} in [0, horizon). */
    private static double[] arrivals(ArrivalSpec spec, long seed, double horizon) {
        ArrivalProcess p = ArrivalProcess.of(spec, new RandomStreams(seed), horizon);
        List<Double> times = new ArrayList<>();
        double t = 0;
        while (true) {
            t = p.nextArrivalAfter(t);
            if (!(t < horizon)) {
                break;
            }
            times.add(t);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] gaps(double[] times) {
        double[] g = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            g[i - 1] = times[i] - times[i - 1];
        }
        return g;
    }

    private static int[] countsPerWindow(double[] times, double window, int windows) {
        int[] counts = new int[windows];
        for (double t : times) {
            int w = (int) (t / window);
            if (w < windows) {
                counts[w]++;
            }
        }
        return counts;
    }

    private static double cv(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        return Math.sqrt(var) / mean;
    }

    /** Sum over windows of (observed - expected)^2 / (dispersion x expected). */
    private static double chiSquare(int[] observed, double[] expected, double dispersion) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            sum += (observed[i] - expected[i]) * (observed[i] - expected[i]) / (dispersion * expected[i]);
        }
        return sum;
    }

    private static double pValue(double chiSquare, int dof) {
        return 1 - new ChiSquaredDistribution(dof).cumulativeProbability(chiSquare);
    }

    /** Integral of the smooth day curve 1 + a cos(2 pi (h - peak) / 24) over clock hours [h0, h1]. */
    private static double smoothDayHours(double a, double peak, double h0, double h1) {
        double w = 2 * Math.PI / 24;
        return (h1 - h0) + a / w * (Math.sin(w * (h1 - peak)) - Math.sin(w * (h0 - peak)));
    }

    // ---------------------------------------------------------------- gamma renewal

    /**
     * KS p-value of the gaps at or above {@code floor} against {@code dist} conditioned on being
     * there, by the probability integral transform: (F(x) - F(floor)) / (1 - F(floor)) is uniform.
     */
    private static double ksAbove(double[] gaps, RealDistribution dist, double floor) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1),
                transformedAbove(gaps, dist, floor));
    }

    /** The KS distance of the same comparison (commons-math3's p-values bottom out near 1e-10). */
    private static double ksDistanceAbove(double[] gaps, RealDistribution dist, double floor) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new UniformRealDistribution(0, 1),
                transformedAbove(gaps, dist, floor));
    }

    private static double[] transformedAbove(double[] gaps, RealDistribution dist, double floor) {
        double below = dist.cumulativeProbability(floor);
        return Arrays.stream(gaps).filter(g -> g >= floor)
                .map(g -> (dist.cumulativeProbability(g) - below) / (1 - below)).toArray();
    }

    @Test
    void gammaGapsPassKolmogorovSmirnovAgainstTheirGammaAndFailAgainstNeighbours() {
        // Arrival times are doubles: around t = 5000 s they resolve about 1e-12 s, and a CV-2.5
        // gamma puts 1.2 % of its gaps below that. So the gaps from 1 us up (1e-5 of the mean gap)
        // are compared with the gamma conditioned on that range, and the share below 1 us with F(1 us).
        double rate = 10;
        double cv = 2.5;
        double floor = 1e-6;
        double[] gaps = gaps(arrivals(new ArrivalSpec.Gamma(rate, cv, List.of()), 11, 5_000));
        assertTrue(gaps.length > 45_000, "sample size " + gaps.length);
        double shape = 1 / (cv * cv);
        GammaDistribution gamma = new GammaDistribution(shape, 1 / (shape * rate));
        double p = ksAbove(gaps, gamma, floor);
        assertTrue(p > 0.001, "KS p-value against Gamma(k=0.16) above 1 us: " + p);
        double belowExpected = gamma.cumulativeProbability(floor);
        double below = Arrays.stream(gaps).filter(g -> g < floor).count();
        assertEquals(belowExpected * gaps.length, below, 4 * Math.sqrt(gaps.length * belowExpected
                * (1 - belowExpected)), "gaps below 1 us");
        // The 0.1 % critical distance is 1.95 / sqrt(n), about 0.01 here; neighbours are far beyond it.
        double critical = 1.95 / Math.sqrt(gaps.length - below);
        double dExponential = ksDistanceAbove(gaps, new ExponentialDistribution(1 / rate), floor);
        assertTrue(dExponential > 10 * critical, "KS must reject the exponential of the same mean: D " + dExponential);
        double dCv2 = ksDistanceAbove(gaps, new GammaDistribution(0.25, 1 / (0.25 * rate)), floor);
        assertTrue(dCv2 > 4 * critical, "KS must reject a gamma with CV 2: D " + dCv2);
    }

    @Test
    void gammaCoefficientOfVariationWithinThreePercent() {
        // 200,000 gaps of a gamma with shape 0.16 (excess kurtosis 37.5): the sample CV has a
        // standard error of about 0.75 %, so 3 % is 4 standard errors; CV 1 (Poisson) is far out.
        for (double cv : new double[] {0.5, 2.5}) {
            double[] gaps = gaps(arrivals(new ArrivalSpec.Gamma(20, cv, List.of()), 3, 10_000));
            assertTrue(gaps.length > 190_000, "sample size " + gaps.length);
            assertEquals(cv, cv(gaps), 0.03 * cv, "CV of gamma gaps");
            assertEquals(1 / 20.0, Arrays.stream(gaps).average().orElseThrow(), 0.04 / 20, "mean gap");
        }
    }

    @Test
    void gammaStartsInEquilibriumSoEarlyCountsHaveTheLongRunMean() {
        // A stationary renewal process has E[N(0, t)] = rate x t exactly. Started with an arrival
        // at 0 instead, a CV-2.5 process would average about (cv^2 - 1) / 2 = 2.6 more.
        int replications = 4000;
        double[] counts = new double[replications];
        for (int r = 0; r < replications; r++) {
            counts[r] = arrivals(new ArrivalSpec.Gamma(1, 2.5, List.of()), 1000 + r, 2).length;
        }
        double mean = Arrays.stream(counts).average().orElseThrow();
        double se = Math.sqrt(Arrays.stream(counts).map(c -> (c - mean) * (c - mean)).sum() / (replications - 1)
                / replications);
        assertTrue(se < 0.1, "standard error " + se);
        assertEquals(2.0, mean, 4 * se, "mean count in [0, 2 s) at 1/s");
    }

    @Test
    void homogeneousPoissonIsTheOriginalGeneratorNumberForNumber() {
        ArrivalProcess p = ArrivalProcess.of(new ArrivalSpec.Poisson(6), new RandomStreams(42), 3600);
        assertInstanceOf(PoissonArrivals.class, p);
        PoissonArrivals reference = new PoissonArrivals(6, new RandomStreams(42).stream("arrivals"));
        double a = 0;
        double b = 0;
        for (int i = 0; i < 1000; i++) {
            a = p.nextArrivalAfter(a);
            b = reference.nextArrivalAfter(b);
            assertEquals(b, a, 0);
        }
    }

    // ---------------------------------------------------------------- diurnal (non-homogeneous Poisson)

    @Test
    void smoothDiurnalCountsPerHourMatchTheIntegratedRate() {
        double base = 2;
        double peak = 14;
        double ratio = 4;
        double a = (ratio - 1) / (ratio + 1);
        // Friday 06:00 for three days: Friday, a weekend at 0.5, then Monday morning.
        RateFactorSpec.Diurnal diurnal = new RateFactorSpec.Diurnal(new RateFactorSpec.Smooth(peak, ratio), 1, 0.5,
                DayOfWeek.FRIDAY, 6);
        int windows = 72;
        double[] times = arrivals(new ArrivalSpec.Poisson(base, List.of(diurnal)), 5, windows * HOUR);
        int[] observed = countsPerWindow(times, HOUR, windows);
        double[] expected = new double[windows];
        for (int w = 0; w < windows; w++) {
            double clockHour = 6 + w;                                   // hours since Friday 00:00
            double dayFactor = clockHour >= 24 && clockHour < 72 ? 0.5 : 1;   // Saturday and Sunday
            double h0 = clockHour % 24;
            expected[w] = base * HOUR * dayFactor * smoothDayHours(a, peak, h0, h0 + 1);
        }
        double chi = chiSquare(observed, expected, 1);
        assertTrue(pValue(chi, windows) > 0.001, "chi-square " + chi + " on " + windows + " windows");
        // The same test rejects a flat rate with the same total.
        double total = Arrays.stream(expected).sum();
        double[] flat = new double[windows];
        Arrays.fill(flat, total / windows);
        assertTrue(pValue(chiSquare(observed, flat, 1), windows) < 1e-10, "a flat rate must be rejected");
    }

    @Test
    void hourlyProfileWithWeekendFactorMatchesHourByHour() {
        double[] hourly = new double[24];
        for (int h = 0; h < 24; h++) {
            hourly[h] = h < 6 ? 0.2 : h < 18 ? 1.5 : 0.7;
        }
        hourly[3] = 0;   // an hour without traffic
        RateFactorSpec.Diurnal diurnal = new RateFactorSpec.Diurnal(
                new RateFactorSpec.Hourly(Arrays.stream(hourly).boxed().toList()), 1.2, 0.4, DayOfWeek.SUNDAY, 20);
        int windows = 30;   // Sunday 20:00 to Tuesday 02:00
        double base = 1.5;
        int[] observed = countsPerWindow(arrivals(new ArrivalSpec.Poisson(base, List.of(diurnal)), 8,
                windows * HOUR), HOUR, windows);
        List<Integer> tested = new ArrayList<>();
        double chi = 0;
        for (int w = 0; w < windows; w++) {
            int clock = 20 + w;
            double dayFactor = clock < 24 ? 0.4 : 1.2;
            double expected = base * HOUR * dayFactor * hourly[clock % 24];
            if (expected == 0) {
                assertEquals(0, observed[w], "no arrivals in a zero hour (window " + w + ")");
                continue;
            }
            tested.add(w);
            chi += (observed[w] - expected) * (observed[w] - expected) / expected;
        }
        assertTrue(pValue(chi, tested.size()) > 0.001, "chi-square " + chi + " on " + tested.size() + " windows");
    }

    @Test
    void gammaUnderADiurnalProfileFollowsTheRateAndKeepsItsBurstiness() {
        // Time-scaled renewal: counts per window have mean = integrated rate and variance close to
        // cv^2 x mean (the asymptotic variance of renewal counts).
        double cv = 2;
        double base = 3;
        RateFactorSpec.Diurnal diurnal = new RateFactorSpec.Diurnal(new RateFactorSpec.Smooth(12, 3), 1, 1,
                DayOfWeek.MONDAY, 0);
        int windows = 96;
        double window = HOUR / 2;
        int[] observed = countsPerWindow(arrivals(new ArrivalSpec.Gamma(base, cv, List.of(diurnal)), 21,
                windows * window), window, windows);
        double a = 0.5;
        double[] expected = new double[windows];
        for (int w = 0; w < windows; w++) {
            double h0 = (w * 0.5) % 24;
            expected[w] = base * HOUR * smoothDayHours(a, 12, h0, h0 + 0.5);
        }
        double chi = chiSquare(observed, expected, cv * cv);
        assertTrue(pValue(chi, windows) > 0.001, "chi-square with variance cv^2 x mean: " + chi);
        double dispersion = chiSquare(observed, expected, 1) / windows;
        assertTrue(dispersion > 2 && dispersion < 7, "index of dispersion " + dispersion + ", expected ~cv^2 = 4");
    }

    // ---------------------------------------------------------------- flash crowds, growth, bursts

    @Test
    void flashCrowdWindowsHaveTheMultipliedCount() {
        double base = 5;
        RateFactorSpec.FlashCrowds crowds = new RateFactorSpec.FlashCrowds(List.of(
                new RateFactorSpec.FlashCrowd(30 * 60, 10 * 60, 5),
                new RateFactorSpec.FlashCrowd(35 * 60, 10 * 60, 2)));   // overlaps: x10 for 5 minutes
        double[] times = arrivals(new ArrivalSpec.Poisson(base, List.of(crowds)), 9, 2 * HOUR);
        // Five-minute windows: 0-30 min x1, 30-35 x5, 35-40 x10, 40-45 x2, then x1.
        int[] observed = countsPerWindow(times, 300, 24);
        for (int w = 0; w < 24; w++) {
            double multiplier = w == 6 ? 5 : w == 7 ? 10 : w == 8 ? 2 : 1;
            double expected = base * 300 * multiplier;
            double z = (observed[w] - expected) / Math.sqrt(expected);
            assertTrue(Math.abs(z) < 4.5, "window " + w + ": " + observed[w] + " vs " + expected + " (z " + z + ")");
        }
        assertTrue(Math.abs(observed[6] - base * 300) / Math.sqrt(base * 300) > 50, "an unmultiplied rate is far off");
    }

    @Test
    void growthRaisesCountsByTheFactorPerPeriod() {
        double base = 10;
        double per = 12 * HOUR;
        RateFactorSpec.Growth growth = new RateFactorSpec.Growth(per, 1.4);
        double[] times = arrivals(new ArrivalSpec.Poisson(base, List.of(growth)), 4, per + HOUR);
        DoubleUnaryOperator integral = t -> base * per / Math.log(1.4) * Math.pow(1.4, t / per);
        double early = Arrays.stream(times).filter(t -> t < HOUR).count();
        double late = Arrays.stream(times).filter(t -> t >= per && t < per + HOUR).count();
        double expectedEarly = integral.applyAsDouble(HOUR) - integral.applyAsDouble(0);
        double expectedLate = integral.applyAsDouble(per + HOUR) - integral.applyAsDouble(per);
        assertEquals(expectedEarly, early, 4 * Math.sqrt(expectedEarly));
        assertEquals(expectedLate, late, 4 * Math.sqrt(expectedLate));
        double ratio = late / early;
        double sd = ratio * Math.sqrt(1 / early + 1 / late);
        assertEquals(1.4, ratio, 4 * sd, "late / early hour, one growth period apart");
        assertTrue((ratio - 1) / sd > 20, "no growth is far off");
    }

    @Test
    void markovModulatedBurstsHaveTheLongRunMeanRateOfTheirFormula() {
        // Bursts of x3 lasting 1 min on average, starting every 10 min: mean multiplier
        // 1 + (3 - 1) x 1/10 = 1.2. Five days in twenty 6-hour batches (much longer than the
        // chain's 54 s correlation time), so batch means are nearly independent.
        RateFactorSpec.RandomBursts bursts = new RateFactorSpec.RandomBursts(600, 60, 3);
        assertEquals(1.2, bursts.meanMultiplier(), 1e-12);
        double base = 1;
        double batch = 6 * HOUR;
        int batches = 20;
        double[] times = arrivals(new ArrivalSpec.Poisson(base, List.of(bursts)), 17, batches * batch);
        int[] perBatch = countsPerWindow(times, batch, batches);
        double[] rates = Arrays.stream(perBatch).mapToDouble(c -> c / batch / base).toArray();
        double mean = Arrays.stream(rates).average().orElseThrow();
        double se = Math.sqrt(Arrays.stream(rates).map(r -> (r - mean) * (r - mean)).sum() / (batches - 1) / batches);
        assertTrue(se < 0.02, "standard error " + se);
        assertEquals(1.2, mean, 4 * se, "long-run mean multiplier");
        assertTrue((mean - 1) / se > 10, "without bursts (1.0) is far off");
        // Bursts make minute counts overdispersed (a Poisson process has index 1).
        int[] perMinute = countsPerWindow(times, 60, (int) (batches * batch / 60));
        double m = Arrays.stream(perMinute).average().orElseThrow();
        double var = Arrays.stream(perMinute).mapToDouble(c -> (c - m) * (c - m)).sum() / (perMinute.length - 1);
        assertTrue(var / m > 3, "index of dispersion of minute counts " + var / m);
    }

    @Test
    void everythingComposedIsDeterministicPerSeed() {
        ArrivalSpec spec = new ArrivalSpec.Gamma(4, 1.5, List.of(
                new RateFactorSpec.Diurnal(new RateFactorSpec.Smooth(14, 4), 1, 0.6, DayOfWeek.MONDAY, 0),
                new RateFactorSpec.FlashCrowds(List.of(new RateFactorSpec.FlashCrowd(7200, 600, 5))),
                new RateFactorSpec.RandomBursts(3 * HOUR, 300, 3),
                new RateFactorSpec.Growth(90 * DAY, 1.4)));
        double[] first = arrivals(spec, 99, 6 * HOUR);
        assertArrayEquals(first, arrivals(spec, 99, 6 * HOUR), 0);
        assertTrue(first.length > 10_000);
        for (int i = 1; i < first.length; i++) {
            assertTrue(first[i] >= first[i - 1], "arrivals in order");
        }
    }
}
