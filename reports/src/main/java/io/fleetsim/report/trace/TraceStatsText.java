package io.fleetsim.report.trace;

import io.fleetsim.input.DurationText;
import io.fleetsim.trace.LengthSummary;
import io.fleetsim.trace.PrefixReuse;
import io.fleetsim.trace.RateSeries;
import io.fleetsim.trace.Trace;
import io.fleetsim.trace.TraceStats;
import java.util.Locale;

/** The plain-text summary printed by {@code fleetsim trace stats}. */
public final class TraceStatsText {

    private TraceStatsText() {
    }

    /** The summary of {@code trace}, whose statistics are {@code stats}. */
    public static String render(Trace trace, TraceStats stats) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Trace %s (%s)%n", trace.source(), trace.format().id()));
        sb.append(String.format(Locale.ROOT, "Requests %,d over %s%s, mean %.3f/s%n", stats.requests(),
                DurationText.format(stats.spanSeconds()), startClock(trace), stats.meanRatePerSecond()));
        sb.append(String.format(Locale.ROOT, "Inter-arrival CV %.3f  (1 = Poisson, above 1 = bursty)%n",
                stats.interArrivalCv()));
        sb.append(String.format(Locale.ROOT, "%nrate (req/s)  %6s %9s %9s %9s %10s%n", "bins", "mean", "p99", "peak",
                "peak/mean"));
        sb.append(rateRow("per second", stats.perSecond()));
        sb.append(rateRow("per minute", stats.perMinute()));
        sb.append(String.format(Locale.ROOT, "%nlengths (tokens) %9s %9s %9s %9s %9s%n", "p50", "p90", "p99", "mean",
                "max"));
        sb.append(lengthRow("prompt", stats.prompt()));
        sb.append(lengthRow("output", stats.output()));
        sb.append(String.format(Locale.ROOT, "prompt/output correlation  Pearson %.3f  Spearman %.3f%n",
                stats.lengthPearson(), stats.lengthSpearman()));
        if (stats.prefixReuse().isPresent()) {
            PrefixReuse r = stats.prefixReuse().get();
            sb.append(String.format(Locale.ROOT, "prefix reuse %.1f%% of %,d prefix blocks were seen in an earlier "
                    + "request (an upper bound on cache hits)%n", 100 * r.share(), r.blocks()));
        }
        return sb.toString();
    }

    private static String startClock(Trace trace) {
        if (trace.startHourOfDay().isEmpty()) {
            return "";
        }
        double h = trace.startHourOfDay().getAsDouble();
        int seconds = (int) Math.floor(h * 3600);
        return String.format(Locale.ROOT, " from %02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String rateRow(String name, RateSeries series) {
        if (series.size() == 0) {
            return String.format(Locale.ROOT, "%-13s %6d  (the trace is shorter than one bin)%n", name, 0);
        }
        return String.format(Locale.ROOT, "%-13s %6d %9.3f %9.3f %9.3f %10.2f%n", name, series.size(), series.mean(),
                series.percentile(0.99), series.peak(), series.peakToMean());
    }

    private static String lengthRow(String name, LengthSummary s) {
        return String.format(Locale.ROOT, "%-16s %9.0f %9.0f %9.0f %9.1f %9.0f%n", name, s.p50(), s.p90(), s.p99(),
                s.mean(), s.max());
    }
}
