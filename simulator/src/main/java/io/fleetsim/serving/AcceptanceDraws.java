package io.fleetsim.serving;

import io.fleetsim.spec.AcceptanceSpec;
import io.fleetsim.spec.SpeculativeSpec;
import io.fleetsim.workload.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Each request's acceptance rate under speculative decoding, and the tokens a step adds to it.
 *
 * <p>A distribution's rate is its quantile at a uniform number that depends on the request alone
 * (its number and first arrival time, hashed), not on the order in which replicas serve requests:
 * the same seed gives the same rates, a retry keeps its request's rate, and two pools (or two
 * strategies on the same traffic) give a request the same quantile of their distributions, so an
 * easy answer is easy for every drafter (common random numbers).
 */
final class AcceptanceDraws {

    private final int k;
    /** Per route index: the quantile function of its rate; the last entry serves routes beyond. */
    private final List<DoubleUnaryOperator> quantiles = new ArrayList<>();
    private final DoubleUnaryOperator other;

    AcceptanceDraws(SpeculativeSpec spec) {
        this.k = spec.tokens();
        for (AcceptanceSpec a : spec.byRoute()) {
            quantiles.add(quantile(a));
        }
        this.other = quantile(spec.acceptance());
    }

    /** The acceptance rate of {@code request}. */
    double rate(Request request) {
        DoubleUnaryOperator q = request.route() < quantiles.size() ? quantiles.get(request.route()) : other;
        return q.applyAsDouble(uniform(request));
    }

    /** Expected tokens a decode step adds to {@code request} ({@link SpeculativeSpec#tokensPerStep(double, int)}). */
    double tokensPerStep(Request request) {
        return SpeculativeSpec.tokensPerStep(rate(request), k);
    }

    private static DoubleUnaryOperator quantile(AcceptanceSpec a) {
        if (a instanceof AcceptanceSpec.Fixed f) {
            return u -> f.rate();
        }
        if (a instanceof AcceptanceSpec.Uniform w) {
            return u -> w.min() + u * (w.max() - w.min());
        }
        AcceptanceSpec.Beta b = (AcceptanceSpec.Beta) a;
        // no random generator: only the inverse CDF is used
        BetaDistribution d = new BetaDistribution(null, b.alpha(), b.beta(),
                BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        return d::inverseCumulativeProbability;
    }

    /**
     * A number in (0, 1) from the request's identity: its number and first arrival time through
     * the SplitMix64 finalizer, the top 53 bits, centred in their interval.
     */
    static double uniform(Request request) {
        long z = request.id() * 0x9e3779b97f4a7c15L ^ Double.doubleToLongBits(request.firstArrivalTime());
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return ((z >>> 11) + 0.5) * 0x1.0p-53;
    }
}
