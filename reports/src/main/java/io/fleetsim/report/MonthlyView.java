package io.fleetsim.report;

import io.fleetsim.run.RunResult;

/**
 * The run's bill read as a planner budgets it: projected to a 30-day month at the rate of the
 * horizon (fixed monthly costs, prorated over the horizon, come back to their monthly figure),
 * and per completed request. A projection, not a simulation of the month: traffic that changes
 * over weeks is not in a one-day run.
 *
 * @param horizonUsd         everything paid over the simulated horizon
 * @param projected30DaysUsd the horizon's cost scaled to 30 days
 * @param perRequestUsd      cost per completed request (NaN when none completed)
 */
public record MonthlyView(double horizonUsd, double projected30DaysUsd, double perRequestUsd) {

    /** Seconds in the 30-day month of the projection. */
    public static final double MONTH_SECONDS = 30 * 86_400.0;

    /** The monthly view of {@code run}. */
    public static MonthlyView of(RunResult run) {
        double total = run.costUsd();
        long completed = run.requests().completed();
        return new MonthlyView(total, total * MONTH_SECONDS / run.simulatedSeconds(),
                completed == 0 ? Double.NaN : total / completed);
    }

    /** Cost per thousand completed requests. */
    public double per1kRequestsUsd() {
        return 1000 * perRequestUsd;
    }
}
