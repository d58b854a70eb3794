package io.fleetsim.fleet;

import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.MetricsCollector;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.PoolSpec;
import io.fleetsim.scenario.RouteSpec;
import io.fleetsim.scenario.ScenarioSpec;
import io.fleetsim.scenario.ServerSpec;
import io.fleetsim.serving.LlmReplica;
import io.fleetsim.serving.QueueingServer;
import io.fleetsim.serving.Server;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.RequestSink;
import java.util.ArrayList;
import java.util.List;

/** All pools of a scenario and the routing of each request to its route's pool. */
public final class Fleet implements RequestSink {

    private final Simulator sim;
    private final MetricsCollector metrics;
    private final List<Pool> pools = new ArrayList<>();
    private final int[] poolOfRoute;

    /** Builds every pool and replica of {@code scenario}. */
    public Fleet(Simulator sim, ScenarioSpec scenario, RandomStreams streams, MetricsCollector metrics) {
        this.sim = sim;
        this.metrics = metrics;
        List<PoolSpec> specs = scenario.pools();
        for (int p = 0; p < specs.size(); p++) {
            PoolSpec spec = specs.get(p);
            Pool pool = new Pool(spec, metrics);
            List<Server> replicas = new ArrayList<>();
            for (int r = 0; r < spec.replicas(); r++) {
                replicas.add(newServer(spec, p, r, pool, streams));
            }
            pool.attach(replicas);
            pools.add(pool);
        }
        List<RouteSpec> routes = scenario.workload().routes();
        poolOfRoute = new int[routes.size()];
        for (int i = 0; i < routes.size(); i++) {
            poolOfRoute[i] = routes.get(i).poolIndex();
        }
    }

    private Server newServer(PoolSpec spec, int poolIndex, int replica, Pool pool, RandomStreams streams) {
        if (spec.server() instanceof ServerSpec.Llm llm) {
            return new LlmReplica(sim, poolIndex, llm, pool, metrics);
        }
        ServerSpec.Queueing q = (ServerSpec.Queueing) spec.server();
        return new QueueingServer(sim, poolIndex, q.serviceTime(),
                streams.stream("pool/" + spec.name() + "/replica/" + replica + "/service"), pool, metrics);
    }

    @Override
    public void accept(Request request) {
        metrics.arrived(request);
        pools.get(poolOfRoute[request.route()]).submit(request, sim.now());
    }

    /** The pools, in scenario order. */
    public List<Pool> pools() {
        return pools;
    }
}
