package io.fleetsim.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figure a capacity planner buys GPUs by: the throughput a deployment sustains at the knee of
 * its latency curve, predicted against measured.
 *
 * <p>A curve is one deployment at one prompt and output length measured by closed loops at three
 * or more client counts (each count once). Its SLO is {@code sloFactor} times the TPOT measured
 * at its lowest client count; its capacity is the request rate {@code c / (TTFT + (osl - 1) x
 * TPOT)} where TPOT reaches the SLO, interpolated between the last point inside the SLO and the
 * first outside (log rate linear in log TPOT). Only curves whose measured
 * knee lies inside the measured range count; the predicted knee comes from the predicted latencies
 * of the same client counts (0 when even the first predicted point is outside the SLO, the last
 * point's rate when none is).
 *
 * @param sloFactor the SLO as a multiple of the lowest-concurrency measured TPOT
 * @param curves    curves whose measured knee is inside their range, in input order
 */
public record KneeCapacity(double sloFactor, List<Curve> curves) {

    /**
     * The SLO the reports use: twice the single-stream TPOT, where interactive serving is usually
     * sized (the curves' knees sit inside most measured ranges there).
     */
    public static final double DEFAULT_SLO_FACTOR = 2.0;
    /** Fewest client counts a curve needs. */
    public static final int MIN_POINTS = 3;

    /**
     * One curve's capacities.
     *
     * @param deployment   what was deployed
     * @param promptTokens input length
     * @param outputTokens output length
     * @param tpotSloMs    the curve's TPOT SLO
     * @param measuredRps  requests per second at the measured knee
     * @param predictedRps requests per second at the predicted knee
     */
    public record Curve(Deployment deployment, int promptTokens, int outputTokens, double tpotSloMs,
                        double measuredRps, double predictedRps) {

        /** Predicted over measured capacity. */
        public double ratio() {
            return predictedRps / measuredRps;
        }
    }

    /**
     * The ratios predicted / measured reduced for a report.
     *
     * @param curves   curves counted
     * @param median   median ratio
     * @param p10      10th percentile of the ratio
     * @param p90      90th percentile of the ratio
     * @param absError median of |ratio - 1|
     * @param over     share of curves whose capacity is predicted more than 10 % too high
     * @param under    share predicted more than 10 % too low
     */
    public record Summary(int curves, double median, double p10, double p90, double absError, double over,
                          double under) {
    }

    /** The knees of the closed-loop curves among {@code outcomes}. */
    public static KneeCapacity of(List<PointOutcome> outcomes, double sloFactor) {
        if (!(sloFactor > 1)) {
            throw new IllegalArgumentException("SLO factor must be above 1, got " + sloFactor);
        }
        Map<String, List<PointOutcome>> byCurve = new LinkedHashMap<>();
        for (PointOutcome o : outcomes) {
            MeasuredPoint p = o.point();
            if (o.status() != PointOutcome.Status.OK || p.arrivals() != null || p.concurrency() <= 0
                    || p.outputTokens() < 2 || Double.isNaN(o.predictedTpotMs())) {
                continue;
            }
            String key = p.deployment().key() + "|" + p.promptTokens() + "|" + p.outputTokens();
            byCurve.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
        List<Curve> curves = new ArrayList<>();
        for (List<PointOutcome> points : byCurve.values()) {
            List<PointOutcome> sorted = points.stream()
                    .sorted(Comparator.comparingInt(o -> o.point().concurrency())).toList();
            if (sorted.size() < MIN_POINTS || sorted.stream().mapToInt(o -> o.point().concurrency())
                    .distinct().count() != sorted.size()) {
                continue;
            }
            MeasuredPoint first = sorted.get(0).point();
            double slo = sloFactor * first.measuredTpotMs();
            int osl = first.outputTokens();
            double[] clients = sorted.stream().mapToDouble(o -> o.point().concurrency()).toArray();
            Knee measured = knee(clients, sorted.stream().mapToDouble(o -> o.point().measuredTtftMs()).toArray(),
                    sorted.stream().mapToDouble(o -> o.point().measuredTpotMs()).toArray(), slo, osl);
            if (measured.kind != Knee.Kind.INSIDE) {
                continue;
            }
            Knee predicted = knee(clients, sorted.stream().mapToDouble(PointOutcome::predictedTtftMs).toArray(),
                    sorted.stream().mapToDouble(PointOutcome::predictedTpotMs).toArray(), slo, osl);
            curves.add(new Curve(first.deployment(), first.promptTokens(), osl, slo, measured.rps, predicted.rps));
        }
        return new KneeCapacity(sloFactor, List.copyOf(curves));
    }

    /** All curves' ratios summarised; all NaN without curves. */
    public Summary summary() {
        return summarise(curves);
    }

    /** The ratios summarised per engine, in name order. */
    public Map<String, Summary> byBackend() {
        Map<String, List<Curve>> groups = new TreeMap<>();
        curves.forEach(c -> groups.computeIfAbsent(c.deployment().backend(), k -> new ArrayList<>()).add(c));
        Map<String, Summary> out = new LinkedHashMap<>();
        groups.forEach((backend, list) -> out.put(backend, summarise(list)));
        return out;
    }

    private static Summary summarise(List<Curve> curves) {
        double[] r = curves.stream().mapToDouble(Curve::ratio).sorted().toArray();
        if (r.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] abs = Arrays.stream(r).map(x -> Math.abs(x - 1)).sorted().toArray();
        double over = (double) Arrays.stream(r).filter(x -> x > 1.1).count() / r.length;
        double under = (double) Arrays.stream(r).filter(x -> x < 0.9).count() / r.length;
        return new Summary(r.length, ErrorStats.percentile(r, 0.5), ErrorStats.percentile(r, 0.1),
                ErrorStats.percentile(r, 0.9), ErrorStats.percentile(abs, 0.5), over, under);
    }

    private record Knee(Kind kind, double rps) {
        enum Kind { NONE_INSIDE, INSIDE, ALL_INSIDE }
    }

    private static Knee knee(double[] clients, double[] ttftMs, double[] tpotMs, double slo, int osl) {
        int last = -1;
        while (last + 1 < clients.length && tpotMs[last + 1] <= slo) {
            last++;
        }
        if (last < 0) {
            return new Knee(Knee.Kind.NONE_INSIDE, 0);
        }
        double inside = rate(clients[last], ttftMs[last], tpotMs[last], osl);
        if (last == clients.length - 1) {
            return new Knee(Knee.Kind.ALL_INSIDE, inside);
        }
        int next = last + 1;
        double outside = rate(clients[next], ttftMs[next], tpotMs[next], osl);
        // Where TPOT crosses the SLO, in log client count, and the rate there on the same scale.
        double f = (Math.log(slo) - Math.log(tpotMs[last])) / (Math.log(tpotMs[next]) - Math.log(tpotMs[last]));
        return new Knee(Knee.Kind.INSIDE, Math.exp(Math.log(inside) + f * (Math.log(outside) - Math.log(inside))));
    }

    /** Requests per second of {@code clients} closed-loop clients each waiting for a whole answer. */
    static double rate(double clients, double ttftMs, double tpotMs, int osl) {
        return clients / ((ttftMs + (osl - 1) * tpotMs) / 1e3);
    }
}
