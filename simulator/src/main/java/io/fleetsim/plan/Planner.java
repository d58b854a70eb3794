package io.fleetsim.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.sweep.BatchProgress;
import io.fleetsim.sweep.Configuration;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Grid;
import io.fleetsim.sweep.OptimizeResult;
import io.fleetsim.sweep.Optimizer;
import io.fleetsim.sweep.ReplicaCapacity;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.ScenarioVariant;
import io.fleetsim.sweep.Setting;
import io.fleetsim.sweep.SweepSpec;
import io.fleetsim.sweep.UnitExecutor;
import io.fleetsim.sweep.VariantException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Answers "reserve, burst or buy tokens?" for a scenario: reshapes its traffic, then for each
 * monthly volume scales the arrival rate to carry it and sizes each strategy with the optimizer.
 *
 * <ul>
 *   <li>A strategy switches the scenario's pools on and off ({@code enabled}); routes keep their
 *   pool order, so traffic spills reserved, on-demand, spot, API as the scenario routes it. The
 *   first pool of each kind a strategy uses is sized; others serve as written.</li>
 *   <li>Volume to rate: a pilot run of the reshaped scenario at its own rate measures the tokens
 *   per second it offers; each volume's rate scales that rate in proportion.</li>
 *   <li>Size ranges: a pilot per GPU pool measures what one replica completes when overloaded;
 *   the range runs to twice the replicas the peak rate needs (the busiest interval of the pilot,
 *   scaled), plus two, in at most 8 values (5 per axis when two pools are sized). A best sizing
 *   at the top of its range is flagged.</li>
 *   <li>On-demand pools keep one warm replica ({@code min_replicas: 1}) and their
 *   {@code max_replicas} is searched.</li>
 * </ul>
 */
public final class Planner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUES = 8;
    private static final int MAX_VALUES_2D = 5;

    private final PlanSpec spec;
    private final UnitExecutor executor;
    private final BatchProgress progress;

    private Planner(PlanSpec spec, UnitExecutor executor, BatchProgress progress) {
        this.spec = spec;
        this.executor = executor;
        this.progress = progress;
    }

    /** Plans {@code spec}, running every simulation on {@code executor}. */
    public static PlanResult run(PlanSpec spec, UnitExecutor executor, BatchProgress progress)
            throws InterruptedException {
        return new Planner(spec, executor, progress).plan();
    }

    /**
     * The strategies {@code plan} compares for {@code scenario}: those asked for (an error when
     * the scenario lacks a pool one needs), or all its pools allow, with notes on those left out.
     */
    public static List<PlanStrategy> strategies(ScenarioSpec scenario, List<PlanStrategy> asked, List<String> notes) {
        List<PlanStrategy> out = new ArrayList<>();
        for (PlanStrategy s : asked.isEmpty() ? List.of(PlanStrategy.values()) : asked) {
            String missing = null;
            for (PoolKind k : s.kinds()) {
                if (firstOfKind(scenario, k) == null && missing == null) {
                    missing = k.id();
                }
            }
            if (missing == null) {
                out.add(s);
            } else if (!asked.isEmpty()) {
                throw new PlanInputException(PlanInput.STRATEGIES, s.id(), "the scenario has no " + missing
                        + " pool; pools: " + scenario.pools().stream().map(p -> p.name() + " (" + p.kind().id() + ")")
                        .reduce((a, b) -> a + ", " + b).orElse(""));
            } else {
                notes.add(s.id() + ": left out, the scenario has no " + missing + " pool");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no strategy can be built from the scenario's pools");
        }
        return out;
    }

    private PlanResult plan() throws InterruptedException {
        ScenarioVariant original = ScenarioVariant.of(spec.scenario());
        ScenarioSpec base = original.base();
        if (!(base.workload().arrivals() instanceof ArrivalSpec.Poisson)
                && !(base.workload().arrivals() instanceof ArrivalSpec.Gamma)) {
            throw new ScenarioException(spec.scenario().displayName(), 0, "workload.arrivals.process",
                    "plan scales workload.arrivals.rate_per_s: the arrivals must be poisson or gamma");
        }
        List<String> notes = new ArrayList<>();
        List<PlanStrategy> strategies = strategies(base, spec.strategies(), notes);
        ScenarioText shaped = shaped(original);
        ScenarioVariant variant = ScenarioVariant.of(shaped);
        ScenarioSpec shapedBase = horizon(variant.base());
        double rate0 = rateOf(shapedBase);
        RunResult pilot = Simulation.run(shapedBase);
        double tokensPerSecond = pilot.arrivedTokens() / pilot.simulatedSeconds();
        if (!(tokensPerSecond > 0)) {
            throw new ScenarioException(spec.scenario().displayName(), 0, "workload",
                    "no request arrived in the pilot run: plan cannot tell the tokens per request");
        }
        double peakFactor = peakFactor(pilot);
        Map<String, Double> capacity = new LinkedHashMap<>();
        for (PoolSpec p : shapedBase.pools()) {
            if (p.kind() != PoolKind.API) {
                capacity.put(p.name(), ReplicaCapacity.perSecond(variant, shapedBase, p, rate0));
            }
        }
        List<PlanDecision> decisions = new ArrayList<>();
        for (double volume : spec.volumes()) {
            double rate = rate0 * (volume / MonthlyVolumes.MONTH_SECONDS) / tokensPerSecond;
            List<PlanRow> rows = new ArrayList<>();
            for (PlanStrategy s : strategies) {
                rows.add(size(shaped, shapedBase, s, volume, rate, peakFactor, capacity));
            }
            decisions.add(PlanDecision.of(volume, rate, rows));
        }
        return new PlanResult(spec, tokensPerSecond, strategies, notes, decisions);
    }

    /** The strategy's cheapest sizing at {@code rate}. */
    private PlanRow size(ScenarioText shaped, ScenarioSpec base, PlanStrategy strategy, double volume, double rate,
                         double peakFactor, Map<String, Double> capacity) throws InterruptedException {
        List<Dimension> dims = new ArrayList<>();
        dims.add(new Dimension("workload.arrivals.rate_per_s", List.of(decimal(rate))));
        List<String> sized = new ArrayList<>();
        for (PoolKind k : strategy.kinds()) {
            if (k != PoolKind.API) {
                sized.add(firstOfKind(base, k).name());
            }
        }
        for (PoolSpec p : base.pools()) {
            boolean on = strategy.kinds().contains(p.kind());
            dims.add(new Dimension("pools[" + p.name() + "].enabled", List.of(String.valueOf(on))));
            if (on && p.kind() == PoolKind.ON_DEMAND && sized.contains(p.name())) {
                dims.add(new Dimension("pools[" + p.name() + "].min_replicas", List.of("1")));
                dims.add(new Dimension("pools[" + p.name() + "].replicas", List.of("1")));
            }
        }
        int perAxis = sized.size() > 1 ? MAX_VALUES_2D : MAX_VALUES;
        boolean withApi = strategy.kinds().contains(PoolKind.API);
        Map<String, List<String>> ranges = new LinkedHashMap<>();
        for (String pool : sized) {
            PoolSpec p = pool(base, pool);
            String field = p.kind() == PoolKind.ON_DEMAND ? "max_replicas" : "replicas";
            int lowest = withApi && p.kind() != PoolKind.ON_DEMAND ? 0 : 1;
            List<String> values = range(lowest, rate * peakFactor, capacity.get(pool), perAxis);
            String path = "pools[" + pool + "]." + field;
            ranges.put(path, values);
            dims.add(new Dimension(path, values));
        }
        SweepSpec sweep;
        try {
            sweep = SweepSpec.validated(shaped, spec.horizonSeconds(), spec.seed(), new Grid(dims), spec.constraints());
        } catch (ScenarioException e) {
            String setBy = e instanceof VariantException v && v.setBy() != null ? " (" + v.setBy() + ")" : "";
            return new PlanRow(volume, rate, strategy, null, "not expressible: " + e.problem() + setBy, false);
        }
        OptimizeResult result = Optimizer.run(sweep, spec.search(), executor, progress);
        boolean atTop = false;
        if (result.best() != null) {
            Configuration c = result.best().configuration();
            for (Map.Entry<String, List<String>> r : ranges.entrySet()) {
                List<String> v = r.getValue();
                atTop |= v.size() > 1 && c.valueOf(r.getKey()).equals(v.get(v.size() - 1));
            }
        }
        return new PlanRow(volume, rate, strategy, result, null, atTop);
    }

    /** The busiest sampling interval's arrival rate over the mean rate of {@code pilot} (at least 1). */
    private static double peakFactor(RunResult pilot) {
        double[] arrivals = pilot.timeSeries().values("arrivals");
        double peak = 0;
        double sum = 0;
        for (double a : arrivals) {
            peak = Math.max(peak, a);
            sum += a;
        }
        return sum > 0 ? Math.max(1, peak * arrivals.length / sum) : 1;
    }

    /**
     * Replica counts from {@code lowest} to twice what {@code rate} needs at {@code perReplica}
     * requests per second (a replica meets latency targets well below the rate it completes when
     * overloaded), plus two, in at most {@code most} values; 0..8 when capacity is unknown.
     */
    static List<String> range(int lowest, double rate, Double perReplica, int most) {
        int top = perReplica == null || Double.isNaN(perReplica) || perReplica <= 0 ? 8
                : (int) Math.min(100_000, Math.ceil(2 * rate / perReplica) + 2);
        top = Math.max(top, lowest + 1);
        TreeSet<Integer> values = new TreeSet<>();
        int count = Math.min(most, top - lowest + 1);
        for (int i = 0; i < count; i++) {
            values.add((int) Math.round(lowest + (top - lowest) * (double) i / Math.max(1, count - 1)));
        }
        return values.stream().map(String::valueOf).toList();
    }

    /** The scenario with its arrivals reshaped, as JSON text under the same name. */
    private ScenarioText shaped(ScenarioVariant original) {
        if (spec.shape().equals(TrafficShape.AS_WRITTEN)) {
            return spec.scenario();
        }
        ObjectNode tree = original.tree(List.of());
        spec.shape().applyTo((ObjectNode) tree.path("workload").path("arrivals"));
        try {
            return new ScenarioText(JSON.writeValueAsString(tree), spec.scenario().displayName(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed scenario always writes as JSON", e);
        }
    }

    private ScenarioSpec horizon(ScenarioSpec s) {
        return spec.horizonSeconds() == null ? s : s.withHorizon(spec.horizonSeconds());
    }

    private static double rateOf(ScenarioSpec s) {
        ArrivalSpec a = s.workload().arrivals();
        return a instanceof ArrivalSpec.Poisson p ? p.ratePerSecond() : ((ArrivalSpec.Gamma) a).ratePerSecond();
    }

    private static PoolSpec firstOfKind(ScenarioSpec s, PoolKind kind) {
        return s.pools().stream().filter(p -> p.kind() == kind).findFirst().orElse(null);
    }

    private static PoolSpec pool(ScenarioSpec s, String name) {
        return s.pools().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** {@code v} in plain decimal, 6 significant digits, always with a point (a rate, not a count). */
    private static String decimal(double v) {
        String t = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return t.contains(".") ? t : t + ".0";
    }
}
