package io.fleetsim.workload.arrival;

/**
 * Inverts the integrated rate {@code Lambda(t) = integral of rate}: given a start time and an
 * amount of operational time (expected arrivals), finds when that amount has been accumulated.
 * Feeding it the gaps of a unit-rate Poisson process generates a non-homogeneous Poisson process
 * exactly (the inversion method); feeding it gamma gaps runs a renewal process in operational
 * time.
 *
 * <p>The rate is integrated piece by piece between the profile's break points, with pieces cut to
 * at most {@link #MAX_PIECE_SECONDS} so that 8-point Gauss-Legendre quadrature is exact to double
 * precision for the smooth factors (a day-long cosine, slow growth) and exact outright for the
 * piecewise-constant ones. Within the piece that holds the answer, a safeguarded Newton iteration
 * solves for the time.
 */
public final class IntegratedRate {

    /** Longest piece integrated at once. */
    public static final double MAX_PIECE_SECONDS = 900;

    private static final double[] NODES = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267,
        0.9602898564975363};
    private static final double[] WEIGHTS = {0.3626837833783620, 0.3137066458778873, 0.2223810344533745,
        0.1012285362903763};
    private static final int MAX_ITERATIONS = 200;
    /** Longest span the short-gap shortcut integrates over. */
    private static final double NEARBY_SECONDS = 60;
    private static final int NEARBY_ITERATIONS = 8;
    /** Node of 2-point Gauss-Legendre quadrature: 1 / sqrt(3). */
    private static final double GAUSS_2 = 0.5773502691896257;

    private final RateProfile profile;
    private final double horizon;

    /** Inverts {@code profile}'s integral up to {@code horizon} (beyond it, nothing arrives). */
    public IntegratedRate(RateProfile profile, double horizon) {
        this.profile = profile;
        this.horizon = horizon;
    }

    /**
     * The time {@code t >= from} with {@code integral from..t of rate = mass}, or infinity when
     * that is at or beyond the horizon. Calls must not go back in time (random factors draw their
     * path forward).
     */
    public double timeWhenReached(double from, double mass) {
        if (!(mass > 0)) {
            return from;
        }
        double near = nearbyTime(from, mass);
        if (!Double.isNaN(near)) {
            return near;
        }
        double a = from;
        double remaining = mass;
        while (a < horizon) {
            double b = Math.min(Math.min(profile.nextBreak(a), a + MAX_PIECE_SECONDS), horizon);
            double pieceMass = integral(a, b);
            if (pieceMass >= remaining) {
                return solve(a, b, remaining, pieceMass);
            }
            remaining -= pieceMass;
            a = b;
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The common case of a busy process: the answer lies a short span ahead, before the next break
     * of the profile. Over such a span the smooth factors are nearly linear, and 2-point
     * Gauss-Legendre quadrature (exact for cubics; relative error about 1e-13 for a day-long
     * cosine over a minute) is as good as the full piece integral at a fraction of its cost.
     * Returns NaN when the answer is not found that way.
     */
    private double nearbyTime(double from, double mass) {
        double rate = profile.rate(from);
        if (!(rate > 0)) {
            return Double.NaN;
        }
        double end = Math.min(Math.min(profile.nextBreak(from), from + NEARBY_SECONDS), horizon);
        double lastInside = Math.nextDown(end);
        double t = from + mass / rate;
        for (int i = 0; i < NEARBY_ITERATIONS && t < end; i++) {
            double excess = shortIntegral(from, t) - mass;
            double next = t - excess / profile.rate(Math.min(t, lastInside));
            if (Math.abs(next - t) <= Math.max(1e-9, 4 * Math.ulp(t))) {
                return next < end ? next : Double.NaN;
            }
            t = next;
        }
        return Double.NaN;
    }

    private double shortIntegral(double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        double dx = half * GAUSS_2;
        return half * (profile.rate(mid - dx) + profile.rate(mid + dx));
    }

    /** The time in {@code [a, b]} where the integral from a reaches {@code mass <= pieceMass}. */
    private double solve(double a, double b, double mass, double pieceMass) {
        double lo = a;
        double hi = b;
        double t = a + (b - a) * (mass / pieceMass);
        // The rate is evaluated inside [a, b) only: at b a random factor may already have switched.
        double lastInside = Math.nextDown(b);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double excess = integral(a, t) - mass;
            if (excess > 0) {
                hi = t;
            } else {
                lo = t;
            }
            double rate = profile.rate(Math.min(t, lastInside));
            double next = rate > 0 ? t - excess / rate : Double.NaN;
            if (!(next >= lo && next <= hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) <= Math.max(1e-9, 4 * Math.ulp(t))) {
                return next;
            }
            t = next;
        }
        return t;
    }

    private double integral(double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        double sum = 0;
        for (int i = 0; i < NODES.length; i++) {
            double dx = half * NODES[i];
            sum += WEIGHTS[i] * (profile.rate(mid - dx) + profile.rate(mid + dx));
        }
        return sum * half;
    }
}
