package io.fleetsim.run;

import io.fleetsim.engine.Simulator;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.ScenarioSpec;
import io.fleetsim.workload.TrafficGenerator;

/**
 * Runs one scenario: the one factory that builds the runtime objects (engine, traffic, fleet,
 * metrics) from a validated {@link ScenarioSpec}, runs to the horizon and returns a
 * {@link RunResult}. A run is a pure function of the spec: same spec and seed, same result.
 */
public final class Simulation {

    private Simulation() {
    }

    /** Runs {@code scenario} to its horizon. */
    public static RunResult run(ScenarioSpec scenario) {
        Simulator sim = new Simulator();
        RandomStreams streams = new RandomStreams(scenario.seed());
        MetricsCollector metrics = new MetricsCollector(scenario.workload().routes(), scenario.pools().size());
        Fleet fleet = new Fleet(sim, scenario, streams, metrics);
        new TrafficGenerator(sim, scenario.workload(), streams, scenario.horizonSeconds(), fleet);
        sim.runUntil(scenario.horizonSeconds());
        return ResultAssembler.assemble(scenario, fleet, metrics, sim.eventsProcessed());
    }
}
