package io.fleetsim.sweep;

/**
 * Exact M/M/c results for tests: Erlang C, and the sojourn-time distribution that follows from it.
 * A job's time in system is its wait W plus its service S ~ Exp(mu), independent; W is 0 with
 * probability 1 - C and otherwise Exp(c mu - lambda), so for theta = c mu - lambda != mu,
 * P(W + S > t) = (1 - C) e^{-mu t} + C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu).
 */
final class ErlangC {

    private ErlangC() {
    }

    /** Probability that an arrival waits, C(c, a) with offered load a = lambda / mu < c. */
    static double probabilityOfWaiting(int c, double a) {
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double tail = term * c / (c - a);
        return tail / (sum + tail);
    }

    /** P(W + S <= t) for M/M/c; 0 for an unstable queue (c mu <= lambda). */
    static double sojournWithin(double lambda, double mu, int c, double t) {
        if (c * mu <= lambda) {
            return 0;
        }
        double pw = probabilityOfWaiting(c, lambda / mu);
        double theta = c * mu - lambda;
        double mixed = Math.abs(theta - mu) < 1e-12 ? (1 + mu * t) * Math.exp(-mu * t)
                : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
        return 1 - ((1 - pw) * Math.exp(-mu * t) + pw * mixed);
    }

    /** The fewest servers with P(W + S <= t) at least {@code target}. */
    static int fewestServers(double lambda, double mu, double t, double target) {
        int c = 1;
        while (sojournWithin(lambda, mu, c, t) < target) {
            c++;
        }
        return c;
    }
}
