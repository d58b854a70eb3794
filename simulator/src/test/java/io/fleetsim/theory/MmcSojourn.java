package io.fleetsim.theory;

/**
 * Exact M/M/c time in system, for tests that check the optimizer against queueing theory. A job's
 * time in system is its wait W plus its service S ~ Exp(mu), independent; W is 0 with probability
 * 1 - C and otherwise Exp(c mu - lambda), C being {@link ErlangC#probabilityOfWaiting}, so for
 * theta = c mu - lambda != mu,
 * P(W + S > t) = (1 - C) e^{-mu t} + C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu).
 */
public final class MmcSojourn {

    private MmcSojourn() {
    }

    /** P(W + S <= t) for M/M/c with arrival rate lambda and service rate mu; 0 for an unstable queue. */
    public static double within(double lambda, double mu, int c, double t) {
        if (c * mu <= lambda) {
            return 0;
        }
        double pw = ErlangC.probabilityOfWaiting(lambda, 1 / mu, c);
        double theta = c * mu - lambda;
        double mixed = Math.abs(theta - mu) < 1e-12 ? (1 + mu * t) * Math.exp(-mu * t)
                : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
        return 1 - ((1 - pw) * Math.exp(-mu * t) + pw * mixed);
    }

    /** The fewest servers with P(W + S <= t) at least {@code target}. */
    public static int fewestServers(double lambda, double mu, double t, double target) {
        int c = 1;
        while (within(lambda, mu, c, t) < target) {
            c++;
        }
        return c;
    }
}
