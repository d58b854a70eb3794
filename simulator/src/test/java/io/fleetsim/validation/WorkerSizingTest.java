package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.spec.ServerSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The xPyD assumed where a disaggregated row states no worker counts. */
class WorkerSizingTest {

    private static final DeploymentPlanner PLANNER = new DeploymentPlanner(CatalogReader.builtIn(),
            PerformanceProfiles.builtIn(), Optional.empty());
    private static final int ISL = 8192;
    private static final int OSL = 1024;

    /** H200 DeepSeek-R1 fp8, tp8 ep8 on both sides, as planned for {@code clients} clients. */
    private static ServerSpec.Disaggregated planned(int clients, int prefillWorkers, int decodeWorkers) {
        Deployment.ParallelLayout tp8 = new Deployment.ParallelLayout(8, 1, 1, 1, 8);
        Deployment d = new Deployment("h200_sxm", "trtllm", "1.2.0", "deepseek-ai/DeepSeek-R1", "", "fp8_block",
                "fp8_block", "disagg", tp8, new Deployment.Split(tp8, prefillWorkers, decodeWorkers));
        PointPlan p = PLANNER.plan(new MeasuredPoint("row", 2, d, ISL, OSL, clients, 100, 10));
        return assertInstanceOf(PointPlan.SimulateDisaggregated.class, p).plan().server();
    }

    @Test
    void statedCountsAreKept() {
        ServerSpec.Disaggregated s = planned(4096, 3, 5);
        assertEquals(3, s.prefillWorkers());
        assertEquals(5, s.decodeWorkers());
    }

    @Test
    void decodeWorkersAreTheFewestHoldingEveryClientsWholeContext() {
        ServerSpec.Disaggregated s = planned(4096, 0, 0);
        long perWorker = s.decode().kvCacheTokens();
        int expected = (int) Math.ceil(4096.0 * (ISL + OSL) / perWorker);
        assertEquals(expected, s.decodeWorkers(), "KV tokens per worker " + perWorker);
        assertTrue(expected > 1, "4,096 contexts of 9,216 tokens do not fit one 8-GPU worker");
    }

    @Test
    void prefillWorkersAreTheFewestKeepingUpWithTheDecodeSide() {
        for (int clients : new int[] {4, 256, 4096}) {
            ServerSpec.Disaggregated s = planned(clients, 0, 0);
            int batch = (clients + s.decodeWorkers() - 1) / s.decodeWorkers();
            double decodeStep = StepTimeModels.of(s.decode()).iterationSeconds(0, batch,
                    batch * (ISL + OSL / 2.0));
            double demand = clients * s.decode().tokensPerStep() / (OSL * decodeStep);
            // one 8,192-token prompt per iteration: the worker's token budget
            double perWorker = 1 / StepTimeModels.of(s.prefill()).iterationSeconds(ISL,
                    StepTimeModel.prefillContext(0, ISL), 0, 0);
            int p = s.prefillWorkers();
            assertTrue(p * perWorker >= demand, clients + " clients: " + p + " workers keep up");
            assertTrue(p == 1 || (p - 1) * perWorker < demand, clients + " clients: " + p + " is the fewest");
        }
    }

    @Test
    void moreClientsNeverNeedFewerWorkers() {
        int prefill = 0;
        int decode = 0;
        for (int clients = 1; clients <= 8192; clients *= 4) {
            ServerSpec.Disaggregated s = planned(clients, 0, 0);
            assertTrue(s.prefillWorkers() >= prefill && s.decodeWorkers() >= decode, clients + " clients");
            prefill = s.prefillWorkers();
            decode = s.decodeWorkers();
        }
    }
}
