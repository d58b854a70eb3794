package io.fleetsim.sweep;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What one replica of a GPU pool completes per second when offered more than it can serve, on
 * the scenario's own request mix: pilot runs of that pool alone with one replica, at a starting
 * rate and then four times more each time, until fewer than 80% of arrivals complete. This is
 * the capacity the README measures with {@code scenarios/utilization-trap/capacity.yaml}.
 */
public final class ReplicaCapacity {

    /** Longest pilot run, simulated seconds. */
    public static final double PILOT_SECONDS = 600;

    private static final int ATTEMPTS = 6;

    private ReplicaCapacity() {
    }

    /**
     * Requests per second one replica of {@code pool} completes when overloaded, or NaN when the
     * scenario cannot be run that way (its arrivals have no {@code rate_per_s}, say).
     *
     * @param variant the scenario, to be varied
     * @param base    the scenario as run (its horizon bounds the pilots')
     * @param pool    a GPU pool of {@code base}
     * @param rate0   the first pilot's arrival rate, requests per second (> 0)
     */
    public static double perSecond(ScenarioVariant variant, ScenarioSpec base, PoolSpec pool, double rate0) {
        List<Setting> settings = new ArrayList<>();
        for (PoolSpec p : base.pools()) {
            settings.add(new Setting("pools[" + p.name() + "].enabled", String.valueOf(p == pool)));
        }
        settings.add(new Setting("pools[" + pool.name() + "].replicas", "1"));
        if (pool.kind() == PoolKind.ON_DEMAND) {
            settings.add(new Setting("pools[" + pool.name() + "].min_replicas", "1"));
            settings.add(new Setting("pools[" + pool.name() + "].max_replicas", "1"));
        }
        double rate = rate0;
        double completedPerSecond = Double.NaN;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Setting> run = new ArrayList<>(settings);
            run.add(new Setting("workload.arrivals.rate_per_s", decimal(rate)));
            ScenarioSpec s;
            try {
                s = variant.bind(run).withHorizon(Math.min(PILOT_SECONDS, base.horizonSeconds()));
            } catch (ScenarioException e) {
                return Double.NaN;
            }
            RunResult r = Simulation.run(s);
            completedPerSecond = r.requests().completed() / r.simulatedSeconds();
            if (r.requests().completed() < 0.8 * r.requests().arrived()) {
                return completedPerSecond;
            }
            rate *= 4;
        }
        return completedPerSecond;
    }

    /** {@code v} in plain decimal, 6 significant digits, always with a point (a rate, not a count). */
    private static String decimal(double v) {
        String t = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return t.contains(".") ? t : t + ".0";
    }
}
