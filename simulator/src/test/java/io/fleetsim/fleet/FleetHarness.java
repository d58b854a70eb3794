package io.fleetsim.fleet;

import io.fleetsim.engine.Simulator;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.TrafficGenerator;
import java.util.function.Consumer;

/**
 * A scenario wired by hand the way {@code Simulation} wires it, so a test can stop the clock
 * wherever it likes and look at the pools, and can see every request before the fleet does.
 * Arrivals may stop before the horizon, so that by the end every request should have an outcome:
 * nothing may be left in flight, which is how a test proves that no request was lost.
 */
final class FleetHarness {

    final ScenarioSpec spec;
    final Simulator sim = new Simulator();
    final MetricsCollector metrics;
    final Fleet fleet;
    /** Requests handed to the fleet so far. */
    long forwarded;
    /** Called with each request just before the fleet routes it (the state the router sees). */
    Consumer<Request> before = r -> { };
    /** Called with each request just after the fleet routed it. */
    Consumer<Request> after = r -> { };

    /** The scenario {@code yaml}, arrivals until {@code arrivalsUntilSeconds}. */
    FleetHarness(String yaml, double arrivalsUntilSeconds) {
        this(scenario(yaml), arrivalsUntilSeconds);
    }

    /** The scenario {@code yaml}, arrivals until its horizon. */
    FleetHarness(String yaml) {
        this(scenario(yaml), Double.NaN);
    }

    FleetHarness(ScenarioSpec spec, double arrivalsUntilSeconds) {
        this.spec = spec;
        RandomStreams streams = new RandomStreams(spec.seed());
        metrics = new MetricsCollector(spec.workload().routes(), spec.pools().size());
        fleet = new Fleet(sim, spec, streams, metrics);
        double arrivals = Double.isNaN(arrivalsUntilSeconds) ? spec.horizonSeconds() : arrivalsUntilSeconds;
        new TrafficGenerator(sim, spec.workload(), streams, arrivals, request -> {
            forwarded++;
            before.accept(request);
            fleet.accept(request);
            after.accept(request);
        });
    }

    static ScenarioSpec scenario(String yaml) {
        return new ScenarioLoader().bind(SpecDocument.parse(yaml, "test.yaml", false));
    }

    /** Runs every event up to {@code t}. */
    void runUntil(double t) {
        sim.runUntil(t);
    }

    /** Runs to the horizon and closes the pools' books. */
    void finish() {
        sim.runUntil(spec.horizonSeconds());
        fleet.close(spec.horizonSeconds());
    }

    Pool pool(String name) {
        return fleet.pools().stream().filter(p -> p.spec().name().equals(name)).findFirst().orElseThrow();
    }

    RequestCounts requests() {
        return metrics.fleetTotals().requestCounts();
    }

    TokenCounts tokens() {
        return metrics.fleetTotals().tokenCounts();
    }

    long completed() {
        return metrics.totals().completed();
    }

    /** GPU-seconds a pool paid, as its ledger says, times GPUs per replica. */
    static double paidGpuSeconds(Pool pool) {
        return pool.ledger().paidSeconds() * pool.spec().server().gpusPerReplica();
    }
}
