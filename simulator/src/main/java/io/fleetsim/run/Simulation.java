package io.fleetsim.run;

import io.fleetsim.engine.Simulator;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RequestLog;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.Feasibility;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.TrafficGenerator;
import java.util.List;
import java.util.Optional;

/**
 * Runs one scenario: the one factory that builds the runtime objects (engine, traffic, fleet,
 * metrics) from a validated {@link ScenarioSpec}, runs to the horizon and returns a
 * {@link RunResult}. A run is a pure function of the spec: same spec and seed, same result.
 */
public final class Simulation {

    private Simulation() {
    }

    /** Progress is reported this many times per run. */
    private static final int PROGRESS_SLICES = 200;

    /** Runs {@code scenario} to its horizon. */
    public static RunResult run(ScenarioSpec scenario) {
        return run(scenario, ProgressListener.NONE);
    }

    /** Runs {@code scenario} to its horizon, telling {@code progress} how far it has got. */
    public static RunResult run(ScenarioSpec scenario, ProgressListener progress) {
        return run(scenario, progress, RequestLog.NONE);
    }

    /** Runs {@code scenario} to its horizon, telling {@code requests} each request's outcome as it happens. */
    public static RunResult run(ScenarioSpec scenario, ProgressListener progress, RequestLog requests) {
        Feasibility.check(scenario);
        Simulator sim = new Simulator();
        RandomStreams streams = new RandomStreams(scenario.seed());
        MetricsCollector metrics = new MetricsCollector(scenario.workload().routes(), scenario.pools().size(),
                scenario.workload().tenants().size());
        metrics.logRequestsTo(requests);
        // An API pool's latency is its own measured one; a queueing server has no front end.
        List<Optional<PerformanceSpec>> fronts = scenario.pools().stream()
                .map(p -> p.server().frontEnd().map(ServerSpec.Llm::performance)).toList();
        metrics.requestLatencies(fronts.stream().mapToDouble(f -> f.map(PerformanceSpec::requestLatencySeconds)
                .orElse(0.0)).toArray(), fronts.stream().mapToDouble(f -> f
                .map(PerformanceSpec::requestLatencyPerInFlightSeconds).orElse(0.0)).toArray());
        Fleet fleet = new Fleet(sim, scenario, streams, metrics);
        TrafficGenerator traffic = new TrafficGenerator(sim, scenario.workload(), streams, scenario.horizonSeconds(),
                fleet);
        fleet.onOutcome(traffic);
        TimeSeriesSampler sampler = new TimeSeriesSampler(sim, fleet, metrics, scenario.horizonSeconds(),
                scenario.economics().overheadMultiplier());
        double horizon = scenario.horizonSeconds();
        for (int slice = 1; slice <= PROGRESS_SLICES; slice++) {
            double until = slice == PROGRESS_SLICES ? horizon : horizon * slice / PROGRESS_SLICES;
            sim.runUntil(until);
            progress.progress(until, horizon);
        }
        fleet.close(horizon);
        return ResultAssembler.assemble(scenario, fleet, metrics, sampler.series(), sim.eventsProcessed());
    }
}
