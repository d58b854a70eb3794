package io.fleetsim.sweep;

import io.fleetsim.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the configuration of a grid that is best on an objective among those meeting the
 * constraints with 95% confidence, simulating as few as it can without being able to miss the
 * answer on the grid:
 *
 * <ul>
 *   <li>Where the grid varies a pool's replica count, the objective is a cost, every constraint
 *   is helped by capacity, and {@link BisectionRule} shows from the scenario that more replicas
 *   of that pool serve at least as well and only add cost, it bisects along that dimension for
 *   each setting of the others (a <em>line</em>) to find the fewest replicas meeting the
 *   constraints, then scans upwards until {@link CostFloor} shows that no more replicas can
 *   score better (a cost per useful token can still fall while more requests finish in their
 *   SLO). Lines where the rule does not hold (overflow to spot or an API, autoscaling...) have
 *   every configuration evaluated.</li>
 *   <li>A configuration whose cost floor is no better than a configuration already meeting the
 *   constraints is pruned without simulating it: it cannot be the answer.</li>
 *   <li>Every evaluated configuration starts with the minimum number of replications; only while
 *   a constraint's confidence interval straddles its threshold are replications added, doubling,
 *   up to the maximum. Still straddling then, it is <em>marginal</em>.</li>
 *   <li>The configurations due in a round (one per open line of the search, or their added
 *   replications) run in parallel; rounds follow each other, so the search is deterministic.</li>
 * </ul>
 */
public final class Optimizer {

    private final SweepSpec spec;
    private final OptimizeOptions options;
    private final UnitExecutor executor;
    private final BatchProgress progress;
    private final CapacityAxes capacity;
    private final ScenarioVariant variant;
    private final Map<Configuration, PointSummary> evaluated = new HashMap<>();
    private final Map<Configuration, Integer> order = new HashMap<>();
    private CostFloor floor;
    private int inferred;
    private int rounds;

    private Optimizer(SweepSpec spec, OptimizeOptions options, UnitExecutor executor, BatchProgress progress) {
        this.spec = spec;
        this.options = options;
        this.executor = executor;
        this.progress = progress;
        this.capacity = CapacityAxes.of(spec.grid());
        this.variant = ScenarioVariant.of(spec.scenario());
        List<Configuration> grid = spec.grid().configurations();
        for (int i = 0; i < grid.size(); i++) {
            order.put(grid.get(i), i);
        }
    }

    /** Searches {@code spec}'s grid for the best configuration on {@code options.objective()}. */
    public static OptimizeResult run(SweepSpec spec, OptimizeOptions options, UnitExecutor executor,
                                     BatchProgress progress) throws InterruptedException {
        return new Optimizer(spec, options, executor, progress).search();
    }

    private OptimizeResult search() throws InterruptedException {
        String whyEvery = whyEveryConfiguration();
        Plan plan = whyEvery == null ? plan()
                : new Plan(null, List.of(), singletons(spec.grid().configurations()), 0, whyEvery);
        floor = whyEvery == null ? new CostFloor(options.objective(), capacity, variant) : null;
        int simulatedBefore = executor.simulated();
        int resumedBefore = executor.resumed();
        while (true) {
            Map<Configuration, Due> due = new LinkedHashMap<>();
            for (SearchLine line : plan.bisected()) {
                advance(line, due, true);
            }
            for (SearchLine line : plan.every()) {
                advance(line, due, false);
            }
            if (due.isEmpty()) {
                break;
            }
            runRound(due);
        }
        List<PointSummary> inGridOrder = evaluated.values().stream()
                .sorted(Comparator.comparingInt(p -> order.get(p.configuration()))).toList();
        List<PointSummary> candidates = candidates();
        PointSummary best = candidates.stream().filter(p -> p.verdict() == Verdict.MET).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
        List<PointSummary> runnerUps = candidates.stream().filter(p -> p != best).limit(5).toList();
        int simulations = executor.simulated() - simulatedBefore + executor.resumed() - resumedBefore;
        SearchStats stats = new SearchStats(spec.grid().configurations().size(), evaluated.size(), inferred,
                simulations, executor.resumed() - resumedBefore, rounds, plan.describe());
        return new OptimizeResult(spec, options.objective(), best, runnerUps, inGridOrder, stats);
    }

    /**
     * Moves {@code line} on as far as known results allow, adding to {@code due} the replications
     * it needs next.
     */
    private void advance(SearchLine line, Map<Configuration, Due> due, boolean bisect) {
        while (true) {
            Configuration probe = line.probe();
            if (probe != null) {
                PointSummary p = evaluated.get(probe);
                if (p.verdict() == Verdict.MARGINAL && p.n() < options.maxReplications()) {
                    due.put(probe, new Due(p.n(), options.next(p.n())));
                    return;
                }
                if (line.scanning()) {
                    line.scanned();
                } else if (p.verdict() == Verdict.MET) {
                    line.meets();
                } else {
                    line.fails();
                }
            }
            if (!line.settled()) {
                Configuration middle = line.middle();
                if (bisect && cannotBeatBest(middle)) {
                    inferred++;
                    line.meets();
                    continue;
                }
                line.probeMiddle();
                due.put(middle, new Due(0, options.minReplications()));
                return;
            }
            Configuration next = line.next();
            if (next == null) {
                return;
            }
            // On a line where the rule holds, total cost only grows past the boundary.
            if (!bisect || options.objective() == Metric.TOTAL_COST_USD) {
                line.stop();
                return;
            }
            if (cannotBeatBest(next)) {
                inferred++;
                line.stop();
                return;
            }
            line.probeNext();
            if (!evaluated.containsKey(next)) {
                due.put(next, new Due(0, options.minReplications()));
                return;
            }
        }
    }

    /** True when a configuration already meeting the constraints scores at least as well as {@code c} can. */
    private boolean cannotBeatBest(Configuration c) {
        if (floor == null) {
            return false;
        }
        PointSummary best = bestMet();
        return best != null && floor.cannotBeat(c, best, evaluated);
    }

    private PointSummary bestMet() {
        Metric objective = options.objective();
        PointSummary best = null;
        for (PointSummary p : evaluated.values()) {
            if (p.verdict() != Verdict.MET) {
                continue;
            }
            if (best == null || objective.better(p.estimate(objective).mean(), best.estimate(objective).mean())
                    || (!objective.better(best.estimate(objective).mean(), p.estimate(objective).mean())
                            && order.get(p.configuration()) < order.get(best.configuration()))) {
                best = p;
            }
        }
        return best;
    }

    private void runRound(Map<Configuration, Due> due) throws InterruptedException {
        List<WorkUnit> units = new ArrayList<>();
        for (Map.Entry<Configuration, Due> e : due.entrySet()) {
            units.addAll(spec.units(e.getKey(), e.getValue().from(), e.getValue().to()));
        }
        List<PointResult> results = executor.run(units, progress);
        rounds++;
        int next = 0;
        for (Map.Entry<Configuration, Due> e : due.entrySet()) {
            int count = e.getValue().to() - e.getValue().from();
            List<PointResult> all = new ArrayList<>();
            PointSummary before = evaluated.get(e.getKey());
            if (before != null) {
                all.addAll(before.replications());
            }
            all.addAll(results.subList(next, next + count));
            next += count;
            evaluated.put(e.getKey(), spec.summarize(e.getKey(), all));
        }
    }

    /**
     * Every configuration meeting the constraints and every marginal one, best first on the
     * objective, ties in grid order; a configuration is left out when another with no more
     * replicas anywhere scores at least as well and is at least as sure to meet.
     */
    private List<PointSummary> candidates() {
        List<PointSummary> all = evaluated.values().stream()
                .filter(p -> p.verdict() == Verdict.MET || p.verdict() == Verdict.MARGINAL).toList();
        Metric objective = options.objective();
        List<PointSummary> out = new ArrayList<>();
        for (PointSummary q : all) {
            boolean dominated = false;
            for (PointSummary p : all) {
                dominated |= p != q && (p.verdict() == Verdict.MET || q.verdict() != Verdict.MET)
                        && capacity.atMost(p.configuration(), q.configuration())
                        && !objective.better(q.estimate(objective).mean(), p.estimate(objective).mean());
            }
            if (!dominated) {
                out.add(q);
            }
        }
        out.sort(Comparator.<PointSummary, Double>comparing(p -> p.estimate(objective).mean(),
                        (a, b) -> objective.better(a, b) ? -1 : objective.better(b, a) ? 1 : 0)
                .thenComparingInt(p -> order.get(p.configuration())));
        return out;
    }

    /** Why every configuration must be evaluated whatever the scenario, or null when some may be inferred. */
    private String whyEveryConfiguration() {
        if (options.exhaustive()) {
            return "an exhaustive search was asked for";
        }
        if (capacity.isEmpty()) {
            return "no variation of a pool's replicas (pools[...].replicas) to bisect on";
        }
        Metric objective = options.objective();
        if (!CostFloor.applies(objective)) {
            return "the objective " + objective.id() + " is not a cost";
        }
        for (Constraint c : spec.constraints()) {
            if (!c.helpedByCapacity()) {
                return "more replicas do not always help meet " + c;
            }
        }
        return null;
    }

    /**
     * The lines of the search: along the last capacity dimension on which {@link BisectionRule}
     * allows bisection in the first configuration, one line per setting of the other dimensions;
     * lines where the rule fails have every configuration evaluated.
     */
    private Plan plan() {
        List<Configuration> grid = spec.grid().configurations();
        String searched = null;
        String why = null;
        for (int i = capacity.paths().size() - 1; i >= 0 && searched == null; i--) {
            String path = capacity.paths().get(i);
            String reason = whyNotOn(grid.get(0), path);
            if (reason == null) {
                searched = path;
            } else if (why == null) {
                why = reason;
            }
        }
        if (searched == null) {
            return new Plan(null, List.of(), singletons(grid), 0, why);
        }
        Map<Configuration, List<Configuration>> byRest = new LinkedHashMap<>();
        for (Configuration c : grid) {
            byRest.computeIfAbsent(c.without(searched), k -> new ArrayList<>()).add(c);
        }
        List<SearchLine> bisected = new ArrayList<>();
        List<SearchLine> every = new ArrayList<>();
        int everyLines = 0;
        String everyWhy = null;
        for (List<Configuration> points : byRest.values()) {
            String reason = whyNotOn(points.get(0), searched);
            if (reason == null) {
                List<Configuration> sorted = new ArrayList<>(points);
                String axis = searched;
                sorted.sort(Comparator.comparingLong(c -> CapacityAxes.count(c, axis)));
                bisected.add(new SearchLine(sorted));
            } else {
                everyLines++;
                everyWhy = everyWhy == null ? reason : everyWhy;
                every.addAll(singletons(points));
            }
        }
        return new Plan(searched, bisected, every, everyLines, everyWhy);
    }

    private String whyNotOn(Configuration c, String path) {
        ScenarioSpec scenario = variant.bind(c.settings());
        return BisectionRule.whyNot(scenario, FieldPath.parse(path).poolName(variant.tree(c.settings())));
    }

    private static List<SearchLine> singletons(List<Configuration> configurations) {
        return configurations.stream().map(c -> new SearchLine(List.of(c))).toList();
    }

    /** Replications {@code from} (inclusive) to {@code to} (exclusive) a configuration needs next. */
    private record Due(int from, int to) {
    }

    /**
     * How the grid is searched.
     *
     * @param searched   the capacity dimension bisected, or null
     * @param bisected   lines bisected along it
     * @param every      configurations evaluated one by one
     * @param everyLines lines of the searched dimension evaluated whole
     * @param why        why configurations are evaluated one by one (the first reason met), or null
     */
    private record Plan(String searched, List<SearchLine> bisected, List<SearchLine> every, int everyLines,
                        String why) {

        String describe() {
            if (searched == null) {
                return "every configuration evaluated: " + why;
            }
            String out = "bisection on " + searched + " over " + bisected.size() + " line"
                    + (bisected.size() == 1 ? "" : "s (one per setting of the other variations)");
            if (everyLines > 0) {
                out += "; every configuration of " + everyLines + " other line" + (everyLines == 1 ? "" : "s")
                        + " evaluated: " + why;
            }
            return out;
        }
    }
}
