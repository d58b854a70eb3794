package io.fleetsim.validation;

/**
 * Simulates a measured point's deployment under its benchmark: each distinct number of clients
 * per replica once ({@link ClosedLoopBenchmark}), since replicas sharing nothing behave alike
 * under the same load; the deployment's means weigh each group by its clients, as the
 * benchmark's means over requests do when every client sends alike.
 */
public final class DeploymentSimulation {

    private DeploymentSimulation() {
    }

    /** Mean latencies of {@code plan} under requests of {@code promptTokens} in, {@code outputTokens} out. */
    public static SimulatedLatency simulate(DeploymentPlan plan, int promptTokens, int outputTokens) {
        double ttft = 0;
        double tpot = 0;
        long clients = 0;
        long requests = 0;
        long events = 0;
        for (DeploymentPlan.ClientGroup g : plan.clientGroups()) {
            SimulatedLatency s = ClosedLoopBenchmark.run(plan.server(), g.clients(), promptTokens, outputTokens);
            long weight = (long) g.replicas() * g.clients();
            ttft += s.meanTtftSeconds() * weight;
            tpot += s.meanTpotSeconds() * weight;
            clients += weight;
            requests += s.requests() * g.replicas();
            events += s.events();
        }
        return new SimulatedLatency(ttft / clients, tpot / clients, requests, events);
    }
}
