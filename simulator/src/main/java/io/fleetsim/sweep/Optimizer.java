package io.fleetsim.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the configuration of a grid that is best on an objective among those meeting the
 * constraints with 95% confidence, simulating as few as it can:
 *
 * <ul>
 *   <li>Where the grid varies a pool's replica count and the search is monotone in it (the
 *   objective is a cost, which grows with capacity, and every constraint is helped by capacity),
 *   it bisects along the last such dimension for each setting of the others: more replicas of
 *   that pool are assumed never to serve worse. A configuration is pruned without simulating it
 *   when one with no more replicas in any pool (and the same other settings) already meets the
 *   constraints: it is dominated, costing more for nothing needed.</li>
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
    private final PointExecutor executor;
    private final BatchProgress progress;
    private final CapacityAxes capacity;
    private final Map<Configuration, PointSummary> evaluated = new HashMap<>();
    private final List<PointSummary> settled = new ArrayList<>();
    private int inferred;
    private int rounds;

    private Optimizer(SweepSpec spec, OptimizeOptions options, PointExecutor executor, BatchProgress progress) {
        this.spec = spec;
        this.options = options;
        this.executor = executor;
        this.progress = progress;
        this.capacity = CapacityAxes.of(spec.grid());
    }

    /** Searches {@code spec}'s grid for the best configuration on {@code options.objective()}. */
    public static OptimizeResult run(SweepSpec spec, OptimizeOptions options, PointExecutor executor,
                                     BatchProgress progress) throws InterruptedException {
        return new Optimizer(spec, options, executor, progress).search();
    }

    private OptimizeResult search() throws InterruptedException {
        String whyNotMonotone = whyNotMonotone();
        List<SearchLine> lines = whyNotMonotone == null ? lines() : singletons();
        int simulatedBefore = executor.simulated();
        int resumedBefore = executor.resumed();
        while (true) {
            Map<Configuration, Due> due = new LinkedHashMap<>();
            for (SearchLine line : lines) {
                advance(line, due, whyNotMonotone == null);
            }
            if (due.isEmpty()) {
                break;
            }
            runRound(due);
        }
        List<Configuration> grid = spec.grid().configurations();
        Map<Configuration, Integer> order = new HashMap<>();
        for (int i = 0; i < grid.size(); i++) {
            order.put(grid.get(i), i);
        }
        List<PointSummary> inGridOrder = evaluated.values().stream()
                .sorted(Comparator.comparingInt(p -> order.get(p.configuration()))).toList();
        List<PointSummary> candidates = candidates(lines, order, whyNotMonotone == null);
        PointSummary best = candidates.stream().filter(p -> p.verdict() == Verdict.MET).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
        List<PointSummary> runnerUps = candidates.stream().filter(p -> p != best).limit(5).toList();
        int simulations = executor.simulated() - simulatedBefore + executor.resumed() - resumedBefore;
        String method = whyNotMonotone == null
                ? "bisection on " + capacity.searched() + " over " + lines.size() + " line"
                        + (lines.size() == 1 ? "" : "s (one per setting of the other --vary)")
                : "every configuration evaluated: " + whyNotMonotone;
        SearchStats stats = new SearchStats(grid.size(), evaluated.size(), inferred, simulations,
                executor.resumed() - resumedBefore, rounds, method);
        return new OptimizeResult(spec, options.objective(), best, runnerUps, inGridOrder, stats);
    }

    /**
     * Moves {@code line} on as far as known results allow, adding to {@code due} the replications
     * it needs next.
     */
    private void advance(SearchLine line, Map<Configuration, Due> due, boolean infer) {
        while (true) {
            Configuration probe = line.probe();
            if (probe != null) {
                PointSummary p = evaluated.get(probe);
                if (p.verdict() == Verdict.MARGINAL && p.n() < options.maxReplications()) {
                    due.put(probe, new Due(p.n(), options.next(p.n())));
                    return;
                }
                settled.add(p);
                if (p.verdict() == Verdict.MET) {
                    line.meets();
                } else {
                    line.fails();
                }
            }
            if (line.settled()) {
                return;
            }
            Configuration middle = line.middle();
            if (infer && dominatedByMeeting(middle)) {
                inferred++;
                line.meets();
            } else {
                line.probeMiddle();
                due.put(middle, new Due(0, options.minReplications()));
                return;
            }
        }
    }

    /**
     * True when a settled configuration with no more replicas in any pool (and the same other
     * settings) meets the constraints: {@code c} costs more and is pruned. Only this
     * direction is inferred across lines: a configuration missing its constraints says nothing of
     * one with fewer replicas in another pool, since that can change where traffic goes (fewer
     * replicas in a route's first pool may spill more of it to a better one).
     */
    private boolean dominatedByMeeting(Configuration c) {
        for (PointSummary p : settled) {
            if (p.verdict() == Verdict.MET && capacity.atMost(p.configuration(), c)) {
                return true;
            }
        }
        return false;
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
     * Each line's lowest configuration meeting the constraints (if it was simulated; if it was
     * inferred, a cheaper configuration dominates it) and every marginal configuration, best
     * first on the objective, ties in grid order.
     */
    private List<PointSummary> candidates(List<SearchLine> lines, Map<Configuration, Integer> order, boolean monotone) {
        List<PointSummary> all = new ArrayList<>();
        for (SearchLine line : lines) {
            Configuration c = line.lowestMeeting();
            PointSummary p = c == null ? null : evaluated.get(c);
            if (p != null && p.verdict() == Verdict.MET) {
                all.add(p);
            }
        }
        for (PointSummary p : evaluated.values()) {
            if (p.verdict() == Verdict.MARGINAL) {
                all.add(p);
            }
        }
        List<PointSummary> out = new ArrayList<>();
        for (PointSummary q : all) {
            if (!monotone || all.stream().noneMatch(p -> p != q && dominates(p, q))) {
                out.add(q);
            }
        }
        Metric objective = options.objective();
        out.sort(Comparator.<PointSummary, Double>comparing(p -> p.estimate(objective).mean(),
                        (a, b) -> objective.better(a, b) ? -1 : objective.better(b, a) ? 1 : 0)
                .thenComparingInt(p -> order.get(p.configuration())));
        return out;
    }

    /** True when {@code p} has no more replicas than {@code q} anywhere and is at least as sure to meet. */
    private boolean dominates(PointSummary p, PointSummary q) {
        boolean atLeastAsSure = p.verdict() == Verdict.MET || q.verdict() != Verdict.MET;
        return atLeastAsSure && capacity.atMost(p.configuration(), q.configuration());
    }

    /** Why bisection on capacity would not be valid here, or null when it is. */
    private String whyNotMonotone() {
        if (options.exhaustive()) {
            return "--exhaustive";
        }
        if (capacity.isEmpty()) {
            return "no --vary of a pool's replicas (pools[...].replicas) to bisect on";
        }
        Metric objective = options.objective();
        if (objective.higherIsBetter() || objective.capacityTrend() <= 0) {
            return "the objective " + objective.id() + " does not get worse with more replicas";
        }
        for (Constraint c : spec.constraints()) {
            if (!c.helpedByCapacity()) {
                return "more replicas do not always help meet " + c;
            }
        }
        return null;
    }

    /** One line per setting of the non-bisected dimensions, in grid order, ascending replicas. */
    private List<SearchLine> lines() {
        String searched = capacity.searched();
        Map<Configuration, List<Configuration>> byRest = new LinkedHashMap<>();
        for (Configuration c : spec.grid().configurations()) {
            byRest.computeIfAbsent(c.without(searched), k -> new ArrayList<>()).add(c);
        }
        List<SearchLine> out = new ArrayList<>();
        for (List<Configuration> points : byRest.values()) {
            List<Configuration> sorted = new ArrayList<>(points);
            sorted.sort(Comparator.comparingLong(c -> CapacityAxes.count(c, searched)));
            out.add(new SearchLine(sorted));
        }
        return out;
    }

    private List<SearchLine> singletons() {
        return spec.grid().configurations().stream().map(c -> new SearchLine(List.of(c))).toList();
    }

    /** Replications {@code from} (inclusive) to {@code to} (exclusive) a configuration needs next. */
    private record Due(int from, int to) {
    }
}
