package io.fleetsim.validation;

/**
 * A measured point and what fleetsim predicted for it, or why it could not.
 *
 * @param point            the measured point
 * @param status           whether it was simulated
 * @param skipReason       why it was not ({@code null} when it was)
 * @param predictedTtftMs  simulated mean TTFT (NaN when skipped)
 * @param predictedTpotMs  simulated mean TPOT (NaN when skipped or with one output token)
 * @param parametersFrom   where the simulated deployment's parameters came from (empty when skipped)
 */
public record PointOutcome(MeasuredPoint point, Status status, String skipReason, double predictedTtftMs,
                           double predictedTpotMs, String parametersFrom) {

    /** Whether a point was simulated. */
    public enum Status {
        /** Simulated as measured. */
        OK,
        /** Not expressible; the reason says why. */
        SKIPPED
    }

    /** A simulated point whose parameters came from {@code parametersFrom}. */
    public static PointOutcome predicted(MeasuredPoint point, SimulatedLatency latency, String parametersFrom) {
        return new PointOutcome(point, Status.OK, null, latency.meanTtftSeconds() * 1e3,
                latency.meanTpotSeconds() * 1e3, parametersFrom);
    }

    /** A point that could not be simulated. */
    public static PointOutcome skipped(MeasuredPoint point, String reason) {
        return new PointOutcome(point, Status.SKIPPED, reason, Double.NaN, Double.NaN, "");
    }

    /** {@code ok}, or {@code skipped: <why>}. */
    public String statusText() {
        return status == Status.OK ? "ok" : "skipped: " + skipReason;
    }

    /** (predicted - measured) / measured of the TTFT (NaN when skipped). */
    public double ttftError() {
        return (predictedTtftMs - point.measuredTtftMs()) / point.measuredTtftMs();
    }

    /** (predicted - measured) / measured of the TPOT (NaN when skipped). */
    public double tpotError() {
        return (predictedTpotMs - point.measuredTpotMs()) / point.measuredTpotMs();
    }
}
