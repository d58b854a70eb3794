package io.fleetsim.fleet;

import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.DisruptionWindows;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.serving.ApiServer;
import io.fleetsim.serving.DisaggregatedServer;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.serving.QueueingServer;
import io.fleetsim.serving.Server;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.spec.DisruptionsSpec;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.RollingDeploySpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.ZoneOutageSpec;
import io.fleetsim.workload.OutcomeListener;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.RequestSink;
import java.util.ArrayList;
import java.util.List;

/** All pools of a scenario, their autoscalers, and the router that sends each request to a pool. */
public final class Fleet implements RequestSink {

    private final Simulator sim;
    private final MetricsCollector metrics;
    private final ClientTracker clients;
    private final List<Pool> pools = new ArrayList<>();
    private final Router router;

    /** Builds every pool, replica and autoscaler of {@code scenario}. */
    public Fleet(Simulator sim, ScenarioSpec scenario, RandomStreams streams, MetricsCollector metrics) {
        this.sim = sim;
        this.metrics = metrics;
        this.clients = new ClientTracker(sim, metrics, scenario.workload().routes(), streams);
        List<PoolSpec> specs = scenario.pools();
        int[] priorityOfRoute = scenario.workload().routes().stream().mapToInt(RouteSpec::priority).toArray();
        for (int p = 0; p < specs.size(); p++) {
            PoolSpec spec = specs.get(p);
            int index = p;
            pools.add(new Pool(sim, index, spec, streams.stream("pool/" + spec.name() + "/interruptions"),
                    streams.stream("pool/" + spec.name() + "/balancer"), priorityOfRoute,
                    (n, source) -> newServer(spec, index, n, source, streams)));
        }
        for (Pool pool : pools) {
            if (pool.spec().failures() != null) {
                pool.failWith(new FailureModel(sim, pool.spec().failures(),
                        streams.stream("pool/" + pool.spec().name() + "/failures"), pool, scenario.horizonSeconds()));
            }
        }
        this.router = new Router(pools, scenario.workload().routes(), metrics, clients);
        clients.connect(router);
        for (Pool pool : pools) {
            pool.start(router);
            disrupt(pool, streams, scenario.horizonSeconds());
            var scaling = pool.spec().capacity().scaling();
            if (scaling != null) {
                List<Pool> watched = pools.stream().filter(p -> scaling.watch().contains(p.spec().name())).toList();
                new Autoscaler(sim, pool, watched, scenario.horizonSeconds());
            }
        }
    }

    /** Schedules the pool's zone outages and rolling deploys, whose windows the metrics judge. */
    private void disrupt(Pool pool, RandomStreams streams, double horizon) {
        DisruptionsSpec d = pool.spec().disruptions();
        if (!d.anyEvent()) {
            return;
        }
        DisruptionWindows windows = metrics.trackDisruptions();
        for (ZoneOutageSpec outage : d.zoneOutages()) {
            new ZoneOutage(sim, outage, streams.stream("pool/" + pool.spec().name() + "/zone_outage/" + outage.name()),
                    pool, windows, horizon).start();
        }
        for (RollingDeploySpec deploy : d.rollingDeploys()) {
            new RollingDeploy(sim, deploy, pool, windows, horizon).start();
        }
    }

    private Server newServer(PoolSpec spec, int poolIndex, int replica, WorkSource pool, RandomStreams streams) {
        String prefix = "pool/" + spec.name() + "/replica/" + replica;
        if (spec.server() instanceof ServerSpec.Llm llm) {
            return new LlmReplica(sim, poolIndex, llm, pool, clients);
        }
        if (spec.server() instanceof ServerSpec.Disaggregated d) {
            return new DisaggregatedServer(sim, poolIndex, d, pool, clients);
        }
        if (spec.server() instanceof ServerSpec.Api api) {
            return new ApiServer(sim, poolIndex, api.api(), streams.stream(prefix + "/latency"),
                    streams.stream(prefix + "/errors"), pool, clients);
        }
        ServerSpec.Queueing q = (ServerSpec.Queueing) spec.server();
        return new QueueingServer(sim, poolIndex, q.serviceTime(), streams.stream(prefix + "/service"), pool, clients);
    }

    @Override
    public void accept(Request request) {
        if (request.attempt() == 1) {
            metrics.arrived(request);
            clients.arrived(request);
        }
        router.accept(request);
    }

    /** Tells {@code listener} how each client request ends (for clients that send follow-ups). */
    public void onOutcome(OutcomeListener listener) {
        clients.onOutcome(listener);
    }

    /** Closes every pool's books at the end of the run. */
    public void close(double end) {
        pools.forEach(p -> p.close(end));
    }

    /** The pools, in scenario order. */
    public List<Pool> pools() {
        return pools;
    }
}
