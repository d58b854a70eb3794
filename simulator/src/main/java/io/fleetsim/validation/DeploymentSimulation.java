package io.fleetsim.validation;

/**
 * Simulates a measured point's deployment under its benchmark: each distinct number of clients
 * per replica once ({@link ClosedLoopBenchmark}), since replicas sharing nothing behave alike
 * under the same load; the deployment's means weigh each group by its clients, as the
 * benchmark's means over requests do when every client sends alike.
 *
 * <p>A benchmark's means are over all the requests it sent, {@value #PROMPTS_PER_CLIENT} per
 * client (InferenceX, whose runs make much of the measured data, sends
 * {@code --num-prompts $((CONC * 10))} after a separate warm-up). The first of those waves starts
 * all at once on an empty server and is simulated as such ({@link ClosedLoopBenchmark#firstWave});
 * the others run in the loop's steady state ({@link ClosedLoopBenchmark#run}). The means weigh the
 * first wave {@code 1 / 10} and the steady state {@code 9 / 10}. A run at a request rate is simulated
 * as such ({@link OpenLoopBenchmark}).
 */
public final class DeploymentSimulation {

    /** Requests a benchmark sends per client, the first wave included. */
    public static final int PROMPTS_PER_CLIENT = 10;

    private DeploymentSimulation() {
    }

    /** Mean latencies of {@code plan} under requests of {@code promptTokens} in, {@code outputTokens} out. */
    public static SimulatedLatency simulate(DeploymentPlan plan, int promptTokens, int outputTokens) {
        return simulate(plan, promptTokens, outputTokens, ClosedLoopBenchmark.Length.VALIDATION);
    }

    /** As {@link #simulate(DeploymentPlan, int, int)}, with runs of {@code length}. */
    public static SimulatedLatency simulate(DeploymentPlan plan, int promptTokens, int outputTokens,
                                            ClosedLoopBenchmark.Length length) {
        if (plan.arrivals() != null) {
            // Replicas share the rate evenly and behave alike: one stands for all.
            SimulatedLatency one = OpenLoopBenchmark.run(plan.server(), plan.arrivals().perSecond() / plan.replicas(),
                    plan.arrivals().poisson(), promptTokens, outputTokens, plan.requestLatencySeconds());
            return new SimulatedLatency(one.meanTtftSeconds(), one.meanTpotSeconds(), one.requests() * plan.replicas(),
                    one.events());
        }
        double ttft = 0;
        double tpot = 0;
        long clients = 0;
        long requests = 0;
        long events = 0;
        for (DeploymentPlan.ClientGroup g : plan.clientGroups()) {
            SimulatedLatency steady = ClosedLoopBenchmark.run(plan.server(), g.clients(), promptTokens, outputTokens,
                    length, plan.requestLatencySeconds());
            SimulatedLatency first = ClosedLoopBenchmark.firstWave(plan.server(), g.clients(), promptTokens,
                    outputTokens, plan.requestLatencySeconds());
            SimulatedLatency s = mix(first, steady);
            long weight = (long) g.replicas() * g.clients();
            ttft += s.meanTtftSeconds() * weight;
            tpot += s.meanTpotSeconds() * weight;
            clients += weight;
            requests += s.requests() * g.replicas();
            events += s.events();
        }
        return new SimulatedLatency(ttft / clients, tpot / clients, requests, events);
    }

    /** A benchmark's means: its first wave weighing one request per client, the steady state the rest. */
    private static SimulatedLatency mix(SimulatedLatency first, SimulatedLatency steady) {
        double w = 1.0 / PROMPTS_PER_CLIENT;
        return new SimulatedLatency(w * first.meanTtftSeconds() + (1 - w) * steady.meanTtftSeconds(),
                w * first.meanTpotSeconds() + (1 - w) * steady.meanTpotSeconds(), first.requests() + steady.requests(),
                first.events() + steady.events());
    }
}
