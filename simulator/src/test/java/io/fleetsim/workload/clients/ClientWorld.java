package io.fleetsim.workload.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.engine.Simulator;
import io.fleetsim.fleet.Fleet;
import io.fleetsim.fleet.Pool;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.metrics.RouteStats;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.workload.PromptPrefix;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.TrafficGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario wired by hand the way {@code Simulation} wires it (engine, metrics, fleet, and the
 * fleet's outcomes fed back to the traffic), with two ways to make requests: the scenario's own
 * traffic ({@link #withTraffic}), or requests scripted by the test at chosen instants
 * ({@link #send}), which makes hand computation easy. Every first attempt handed to the fleet and
 * every client outcome is recorded.
 */
final class ClientWorld {

    /** How a client request ended: delivered or given up (cancelled or rejected for good), and when. */
    record Outcome(Request request, boolean delivered, double time) {
    }

    final ScenarioSpec spec;
    final Simulator sim = new Simulator();
    final MetricsCollector metrics;
    final Fleet fleet;
    /** First attempts handed to the fleet, in order. */
    final List<Request> sent = new ArrayList<>();
    /** Client outcomes, in order. */
    final List<Outcome> outcomes = new ArrayList<>();
    private final List<Request> scripted = new ArrayList<>();
    private final int scriptHandler;
    private TrafficGenerator traffic;

    /** The scenario {@code yaml}, with scripted requests only (its arrival process is not started). */
    ClientWorld(String yaml) {
        this(scenario(yaml));
    }

    ClientWorld(ScenarioSpec spec) {
        this.spec = spec;
        metrics = new MetricsCollector(spec.workload().routes(), spec.pools().size(),
                spec.workload().tenants().size());
        fleet = new Fleet(sim, spec, new RandomStreams(spec.seed()), metrics);
        fleet.onOutcome((request, delivered, time) -> {
            outcomes.add(new Outcome(request, delivered, time));
            if (traffic != null) {
                traffic.finished(request, delivered, time);
            }
        });
        scriptHandler = sim.register(index -> hand(scripted.get((int) index)));
    }

    /** The scenario {@code yaml} with its own traffic, arrivals (and later turns) until {@code arrivalsUntil}. */
    static ClientWorld withTraffic(String yaml, double arrivalsUntil) {
        return withTraffic(scenario(yaml), arrivalsUntil);
    }

    static ClientWorld withTraffic(ScenarioSpec spec, double arrivalsUntil) {
        ClientWorld w = new ClientWorld(spec);
        // Streams are a pure function of (seed, name): a second factory gives the fleet's streams' twins.
        w.traffic = new TrafficGenerator(w.sim, spec.workload(), new RandomStreams(spec.seed()), arrivalsUntil,
                w::hand);
        return w;
    }

    /**
     * The scenario text the patience and retry tests share: a patient and an impatient route of
     * fixed-length requests at 1 per second for an hour; {@code impatient} holds the impatient
     * route's extra fields (one per line) and {@code pools} the {@code pools:} list.
     */
    static String twoRoutes(String name, String impatient, String pools) {
        return """
                name: %s
                seed: 1
                horizon: 1h
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - name: patient
                      share: 0.5
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1h, tpot: 1h}
                    - name: impatient
                      share: 0.5
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 10}
                      slo: {ttft: 1h, tpot: 1h}
                %spools:
                %s""".formatted(name, impatient.indent(6), pools.indent(2));
    }

    static ScenarioSpec scenario(String yaml) {
        return new ScenarioLoader().bind(SpecDocument.parse(yaml, "test.yaml", false));
    }

    private void hand(Request request) {
        sent.add(request);
        fleet.accept(request);
    }

    /** Schedules a first attempt of route {@code route} at {@code time}; returns its id. */
    long send(double time, String route, int prompt, int output) {
        return send(time, route, prompt, output, PromptPrefix.NONE);
    }

    /** Schedules a first attempt of route {@code route} at {@code time} with a prompt prefix; returns its id. */
    long send(double time, String route, int prompt, int output, PromptPrefix prefix) {
        int id = scripted.size();
        scripted.add(new Request(id, routeIndex(route), time, prompt, output, prefix));
        sim.schedule(time, TrafficGenerator.ARRIVAL_PRIORITY, scriptHandler, id);
        return id;
    }

    int routeIndex(String name) {
        List<RouteSpec> routes = spec.workload().routes();
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no route " + name);
    }

    /** Runs every event up to and including {@code t}. */
    ClientWorld runUntil(double t) {
        sim.runUntil(t);
        return this;
    }

    Pool pool() {
        return fleet.pools().get(0);
    }

    RequestCounts requests() {
        return metrics.fleetTotals().requestCounts();
    }

    TokenCounts tokens() {
        return metrics.fleetTotals().tokenCounts();
    }

    RouteStats route(String name) {
        return metrics.route(routeIndex(name));
    }

    long wasted(String cause) {
        return tokens().wasted().get(cause);
    }

    /** The outcome of client request {@code id} (the only one). */
    Outcome outcome(long id) {
        List<Outcome> of = outcomes.stream().filter(o -> o.request().id() == id).toList();
        assertEquals(1, of.size(), "one outcome for request " + id + ": " + of);
        return of.get(0);
    }

    /** Whether client request {@code id} has an outcome yet. */
    boolean ended(long id) {
        return outcomes.stream().anyMatch(o -> o.request().id() == id);
    }

    /**
     * arrived = completed + cancelled + rejected + in flight, in flight being the collector's own
     * running count of requests not yet finished; and one outcome per finished client request.
     */
    void assertConserved(String when) {
        RequestCounts c = requests();
        assertEquals(c.arrived(), c.completed() + c.cancelled() + c.rejected() + c.inFlightAtEnd(), when);
        assertEquals(metrics.inSystemNow(), c.inFlightAtEnd(), when);
        assertTrue(c.inFlightAtEnd() >= 0, when);
        assertEquals(c.completed() + c.cancelled() + c.rejected(), outcomes.size(), when + ": outcomes");
        assertEquals(c.completed(), outcomes.stream().filter(Outcome::delivered).count(), when);
        assertEquals(outcomes.size(), outcomes.stream().map(o -> o.request().id()).distinct().count(),
                when + ": one outcome per client request");
    }
}
