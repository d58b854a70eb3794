package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.HandoffSpec;
import io.fleetsim.spec.KvLinkSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The handoff fit recovers a latency that "measured" points were simulated with, and its
 * cross-validation predicts every point by a fit without its deployment.
 */
class HandoffFittingTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();

    private static ServerSpec.Llm worker(int tp) {
        ReplicaMemory memory = new ReplicaMemory(CATALOG.gpu("H100-SXM-80GB"), CATALOG.model("llama-3.1-8b"), tp,
                Precision.BF16, 0.9);
        return new ServerSpec.Llm(memory, 131072, new BatchingSpec(16, 8192), PerformanceSpec.DEFAULT);
    }

    @Test
    void recoversTheHandoffThePointsWereMeasuredWith() {
        double truth = 0.25;
        List<DisaggregatedPoint> points = new ArrayList<>();
        int row = 0;
        for (int tp : new int[]{1, 2, 4}) {
            ServerSpec.Disaggregated server = new ServerSpec.Disaggregated(worker(tp), 1, worker(tp), 1,
                    KvLinkSpec.nvlinkOf(CATALOG.gpu("H100-SXM-80GB")));
            Deployment d = new Deployment("h100_sxm", "vllm", "", "llama-3.1-8b", "", "", "", "disagg",
                    new Deployment.ParallelLayout(tp, 1, 1, 1, 1), new Deployment.Split(
                    new Deployment.ParallelLayout(tp, 1, 1, 1, 1), 1, 1));
            for (int clients : new int[]{1, 2}) {
                DisaggregatedPlan plan = new DisaggregatedPlan(server, clients, "vllm", 0);
                // The "measurement": what the simulator gives at the true handoff.
                SimulatedLatency measured = DisaggregatedSimulation.simulate(
                        plan.withHandoff(new HandoffSpec(truth, "truth")), 1000, 20);
                points.add(new DisaggregatedPoint(new MeasuredPoint("r" + row, row + 2, d, 1000, 20, clients,
                        measured.meanTtftSeconds() * 1e3, measured.meanTpotSeconds() * 1e3), plan));
                row++;
            }
        }
        List<HandoffFitting.GroupFit> fits;
        try (ParallelSimulator simulator = new ParallelSimulator(2)) {
            fits = HandoffFitting.fit(points, "t", 3, simulator, "d.csv", "cmd", step -> { });
        }
        assertEquals(1, fits.size(), "one group: one system and engine");
        HandoffFitting.GroupFit f = fits.get(0);
        assertEquals("t-h100-sxm-vllm", f.profile().name());
        assertEquals(truth, f.profile().latencySeconds(), 0.01, "the fitted handoff");
        assertEquals(3, f.profile().deployments());
        assertEquals(3, f.profile().crossValidated().orElseThrow().folds());
        assertEquals(points.size(), f.crossValidated().size(), "every point predicted without its deployment");
        assertTrue(f.profile().crossValidated().get().error().ttftMedian() < 0.05,
                "held-out deployments of the same handoff are predicted: " + f.profile().crossValidated());
    }
}
