package io.fleetsim.validation;

import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.SpeculativeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated counterpart of a measured deployment: {@code replicas} identical replicas of
 * {@code server} behind one benchmark client that keeps {@code clients} requests in flight across
 * all of them (the concurrency a benchmark states is for the whole deployment).
 *
 * @param server        one replica
 * @param replicas      data-parallel replicas (attention-DP ranks of a dense model)
 * @param clients       the client concurrency of the whole deployment
 * @param engine        the serving engine the row names
 * @param engineVersion its version, empty when the row states none
 * @param requestLatencySeconds time from a client sending a request to the engine having it
 *                      (HTTP, tokenisation, the engine's front end); in TTFT, not in TPOT
 * @param arrivals      for a run at a request rate, the rate to the whole deployment (spread
 *                      evenly over the replicas); null for a closed loop of {@code clients}
 */
public record DeploymentPlan(ServerSpec.Llm server, int replicas, int clients, String engine, String engineVersion,
                             double requestLatencySeconds, MeasuredPoint.RequestRate arrivals) {

    /** A closed loop of {@code clients}. */
    public DeploymentPlan(ServerSpec.Llm server, int replicas, int clients, String engine, String engineVersion,
                          double requestLatencySeconds) {
        this(server, replicas, clients, engine, engineVersion, requestLatencySeconds, null);
    }

    /**
     * Replicas with the same number of clients: a load balancer spreading a closed loop evenly
     * gives each replica {@code clients / replicas} clients, and the first
     * {@code clients % replicas} one more. Groups with no client are left out.
     *
     * @param replicas replicas in the group
     * @param clients  clients of each of them
     */
    public record ClientGroup(int replicas, int clients) {
    }

    /**
     * The same deployment with other step-time parameters and request latency (what a fit varies),
     * and, where it speculates and {@code parameters} carry a fitted acceptance, that acceptance.
     */
    public DeploymentPlan with(EngineParameters parameters) {
        SpeculativeSpec s = server.speculative();
        if (s != null && !Double.isNaN(parameters.mtpAcceptance())) {
            s = new SpeculativeSpec(s.method(), s.tokens(), parameters.mtpAcceptance(), s.draft());
        }
        return new DeploymentPlan(new ServerSpec.Llm(server.memory(), server.maxModelLen(), server.batching(),
                parameters.performance(), server.engine(), server.expertParallel(), s), replicas, clients, engine,
                engineVersion,
                parameters.requestLatencySeconds(), arrivals);
    }

    /** The replicas grouped by the clients each serves, most clients first. */
    public List<ClientGroup> clientGroups() {
        int base = clients / replicas;
        int extra = clients % replicas;
        List<ClientGroup> out = new ArrayList<>(2);
        if (extra > 0) {
            out.add(new ClientGroup(extra, base + 1));
        }
        if (base > 0) {
            out.add(new ClientGroup(replicas - extra, base));
        }
        return out;
    }
}
