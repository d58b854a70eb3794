package io.fleetsim.run;

import io.fleetsim.engine.Simulator;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RequestLog;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.Feasibility;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.TrafficGenerator;

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
    /** A server clients reach without request latency (an API pool: its measured latency is its own). */
    private static final PerformanceSpec NO_FRONT_END = new PerformanceSpec(1, 1, 0);

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
        metrics.requestLatencies(scenario.pools().stream().mapToDouble(p -> frontEnd(p).requestLatencySeconds())
                .toArray(), scenario.pools().stream().mapToDouble(p -> frontEnd(p).requestLatencyPerInFlightSeconds())
                .toArray());
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

    /**
     * The settings of the front end a pool's clients talk to: an LLM pool's own, a disaggregated
     * pool's prefill side's (which takes the requests), none for an API.
     */
    private static PerformanceSpec frontEnd(PoolSpec pool) {
        if (pool.server() instanceof ServerSpec.Llm l) {
            return l.performance();
        }
        if (pool.server() instanceof ServerSpec.Disaggregated d) {
            return d.prefill().performance();
        }
        return NO_FRONT_END;
    }
}
