package io.fleetsim.validation;

import io.fleetsim.serving.DisaggregatedServer;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.spec.ServerSpec;

/**
 * Simulates a measured disaggregated deployment under its benchmark, as
 * {@link DeploymentSimulation} does an aggregated one: the clients' means weigh the first wave
 * (all clients at once on an empty deployment) {@code 1 / }{@value DeploymentSimulation#PROMPTS_PER_CLIENT}
 * and the steady state of the closed loop the rest.
 */
public final class DisaggregatedSimulation {

    private DisaggregatedSimulation() {
    }

    /** Mean latencies of {@code plan} under requests of {@code promptTokens} in, {@code outputTokens} out. */
    public static SimulatedLatency simulate(DisaggregatedPlan plan, int promptTokens, int outputTokens) {
        return simulate(plan, promptTokens, outputTokens, ClosedLoopBenchmark.Length.VALIDATION);
    }

    /** As {@link #simulate(DisaggregatedPlan, int, int)} with steady-state runs of {@code length}. */
    public static SimulatedLatency simulate(DisaggregatedPlan plan, int promptTokens, int outputTokens,
                                            ClosedLoopBenchmark.Length length) {
        ServerSpec.Disaggregated spec = plan.server();
        ClosedLoopBenchmark.ServerFactory servers = (sim, source, listener) ->
                new DisaggregatedServer(sim, 0, spec, source, listener);
        // The front end that takes the requests is the prefill side's.
        double perInFlight = spec.prefill().performance().requestLatencyPerInFlightSeconds();
        SimulatedLatency steady = ClosedLoopBenchmark.run(servers, plan.clients(), promptTokens, outputTokens,
                length, plan.requestLatencySeconds(), perInFlight,
                startSpreadSeconds(spec, plan.clients(), promptTokens, outputTokens));
        SimulatedLatency first = ClosedLoopBenchmark.firstWave(servers, plan.clients(), promptTokens, outputTokens,
                plan.requestLatencySeconds(), perInFlight);
        double w = 1.0 / DeploymentSimulation.PROMPTS_PER_CLIENT;
        return new SimulatedLatency(w * first.meanTtftSeconds() + (1 - w) * steady.meanTtftSeconds(),
                w * first.meanTpotSeconds() + (1 - w) * steady.meanTpotSeconds(), first.requests() + steady.requests(),
                first.events() + steady.events());
    }

    /**
     * One request's estimated time from sending to its last token: its prefill alone, its transfer
     * and handoff, and {@code osl} decode iterations of the clients spread over the decode workers, the KV cache
     * half way through the outputs (the closed loop's starts are spread over it, as
     * {@link ClosedLoopBenchmark#startSpreadSeconds} does for one replica).
     */
    static double startSpreadSeconds(ServerSpec.Disaggregated spec, int clients, int promptTokens, int outputTokens) {
        StepTimeModel prefill = StepTimeModels.of(spec.prefill());
        StepTimeModel decode = StepTimeModels.of(spec.decode());
        int running = Math.max(1, Math.min(spec.decode().batching().maxNumSeqs(),
                (clients + spec.decodeWorkers() - 1) / spec.decodeWorkers()));
        double kv = running * (promptTokens + outputTokens / 2.0);
        return prefill.iterationSeconds(Math.min(promptTokens, spec.prefill().batching().maxBatchedTokens()), 0, 0)
                + spec.transferSeconds(promptTokens) + spec.handoff().latencySeconds() + outputTokens * decode.iterationSeconds(0, running, kv);
    }
}
