package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.CapacitySpec;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.ScalingSpec.ScalingSignal;
import io.fleetsim.spec.ScalingSpec.ScheduledMinimum;
import io.fleetsim.spec.ScalingSpec;
import io.fleetsim.spec.SpotSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates how an on-demand or spot pool's replicas come and go: replica bounds, cold start,
 * billing granularity, autoscaling and spot interruptions.
 */
final class CapacityReader {

    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");

    private CapacityReader() {
    }

    static CapacitySpec read(SpecNode pool, PoolKind kind) {
        if (kind == PoolKind.RESERVED) {
            return CapacitySpec.FIXED;
        }
        double provision = 0;
        double load = 0;
        SpecNode cold = pool.get("cold_start");
        if (!cold.isMissing()) {
            cold.allowOnly("provision", "model_load");
            provision = cold.get("provision").durationSeconds(0);
            load = cold.get("model_load").durationSeconds(0);
        }
        double billing = switch (pool.get("billing").isMissing() ? "per-second"
                : pool.get("billing").choice("per-second", "per-minute", "per-hour")) {
            case "per-minute" -> 60;
            case "per-hour" -> 3600;
            default -> 1;
        };
        ScalingSpec scaling = scaling(pool);
        SpotSpec spot = kind == PoolKind.SPOT ? spot(pool.get("spot")) : null;
        return new CapacitySpec(provision, load, billing, scaling, spot);
    }

    private static ScalingSpec scaling(SpecNode pool) {
        SpecNode a = pool.get("autoscaling");
        boolean bounds = !pool.get("min_replicas").isMissing() || !pool.get("max_replicas").isMissing();
        if (a.isMissing()) {
            if (bounds) {
                throw pool.error("min_replicas and max_replicas need an 'autoscaling' block");
            }
            return null;
        }
        int min = (int) pool.required("min_replicas").integerIn(0, 1_000_000);
        int max = (int) pool.required("max_replicas").integerIn(0, 1_000_000);
        if (max < min) {
            throw pool.get("max_replicas").error("must be >= min_replicas (" + min + ")");
        }
        a.allowOnly("signal", "target", "evaluation_interval", "scale_up_delay", "scale_down_delay", "cooldown",
                "schedule", "watch");
        List<String> watch = new ArrayList<>();
        for (SpecNode w : a.get("watch").elements()) {
            watch.add(w.text());
        }
        ScalingSignal signal = ScalingSignal.valueOf(a.required("signal")
                .choice("queue_depth", "kv_utilization", "in_flight_per_replica", "predicted_wait")
                .toUpperCase(Locale.ROOT));
        double target = signal == ScalingSignal.PREDICTED_WAIT ? a.required("target").positiveDurationSeconds()
                : signal == ScalingSignal.KV_UTILIZATION ? a.required("target").numberIn(0.01, 1)
                : a.required("target").positiveNumber();
        List<ScheduledMinimum> schedule = new ArrayList<>();
        for (SpecNode w : a.get("schedule").elements()) {
            w.allowOnly("from", "to", "min_replicas");
            int floor = (int) w.required("min_replicas").integerIn(0, max);
            schedule.add(new ScheduledMinimum(timeOfDay(w.required("from")), timeOfDay(w.required("to")), floor));
        }
        return new ScalingSpec(min, max, signal, target, positive(a.get("evaluation_interval"), 15),
                a.get("scale_up_delay").durationSeconds(30), a.get("scale_down_delay").durationSeconds(300),
                a.get("cooldown").durationSeconds(60), schedule, watch);
    }

    private static double positive(SpecNode n, double fallback) {
        return n.isMissing() ? fallback : n.positiveDurationSeconds();
    }

    private static double timeOfDay(SpecNode n) {
        Matcher m = TIME_OF_DAY.matcher(n.text());
        if (!m.matches()) {
            throw n.error("must be a time of day HH:MM, 00:00 to 23:59 (got \"" + n.text() + "\")");
        }
        return Integer.parseInt(m.group(1)) * 3600.0 + Integer.parseInt(m.group(2)) * 60.0;
    }

    private static SpotSpec spot(SpecNode n) {
        if (n.isMissing()) {
            throw n.error("missing required block 'spot' for a spot pool "
                    + "(mean_time_between_interruptions, interruptions and/or trace, notice)");
        }
        n.allowOnly("mean_time_between_interruptions", "notice", "interruptions", "unavailable", "trace", "source");
        double mtbi = n.get("mean_time_between_interruptions").isMissing() ? 0
                : n.get("mean_time_between_interruptions").positiveDurationSeconds();
        double notice = n.get("notice").durationSeconds(120);
        SpotReplay replay = n.get("trace").isMissing() ? null : SpotTraceReader.read(n.get("trace"), notice);
        List<Double> times = new ArrayList<>();
        for (SpecNode t : n.get("interruptions").elements()) {
            times.add(t.durationSeconds());
        }
        if (mtbi == 0 && times.isEmpty() && replay == null) {
            throw n.error("give mean_time_between_interruptions, interruptions, trace, or several of them");
        }
        List<SpotSpec.Window> windows = new ArrayList<>();
        for (SpecNode w : n.get("unavailable").elements()) {
            w.allowOnly("start", "end");
            double start = w.required("start").durationSeconds();
            double end = w.required("end").durationSeconds();
            if (end <= start) {
                throw w.get("end").error("must be after start");
            }
            windows.add(new SpotSpec.Window(start, end));
        }
        if (replay == null) {
            return new SpotSpec(mtbi, notice, times, windows, n.get("source").text("scenario"));
        }
        times.addAll(replay.interruptions());
        times.sort(null);
        windows.addAll(replay.unavailable());
        // The pool looks for the end of an outage by walking the windows in order of start.
        windows.sort(Comparator.comparingDouble(SpotSpec.Window::startSeconds));
        return new SpotSpec(mtbi, notice, times, windows, n.get("source").text("trace " + replay.description()),
                replay.endSeconds());
    }
}
