package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.scenario.CatalogReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Single-node expert-parallel layouts the sample writes multiplied by their expert parallelism. */
class ExpertLayoutReadingTest {

    private static Deployment.ParallelLayout layout(int tp, int dp, int moeTp, int ep) {
        return new Deployment.ParallelLayout(tp, 1, dp, moeTp, ep);
    }

    @Test
    void sixtyFourGpusOnAnEightGpuNodeAreItsEight() {
        assertEquals(layout(8, 1, 1, 8), ExpertLayoutReading.of("h200_sxm", layout(64, 1, 8, 8)));
        assertEquals(layout(1, 8, 1, 8), ExpertLayoutReading.of("b200_sxm", layout(1, 64, 8, 8)));
        assertEquals(layout(4, 1, 1, 4), ExpertLayoutReading.of("b200_sxm", layout(16, 1, 4, 4)));
        assertEquals(layout(1, 4, 1, 4), ExpertLayoutReading.of("b300_sxm", layout(1, 16, 4, 4)));
    }

    @Test
    void layoutsOneNodeCanHoldAndRackLayoutsAreReadAsWritten() {
        for (Deployment.ParallelLayout l : new Deployment.ParallelLayout[]{layout(4, 1, 2, 2), layout(8, 1, 8, 1),
            layout(8, 1, 1, 8), layout(1, 8, 1, 8), layout(8, 1, 2, 4), layout(16, 1, 1, 16)}) {
            assertEquals(l, ExpertLayoutReading.of("b200_sxm", l));
        }
        assertEquals(layout(16, 1, 4, 4), ExpertLayoutReading.of("gb200", layout(16, 1, 4, 4)));
    }

    @Test
    void thePlannerSimulatesTheNodeTheRowRanOn() {
        DeploymentPlanner planner = new DeploymentPlanner(CatalogReader.builtIn(), PerformanceProfiles.builtIn(),
                Optional.empty());
        Deployment d = new Deployment("h200_sxm", "trtllm", "1.1.0rc2.post2", "deepseek-ai/DeepSeek-V3", "fp8",
                "fp8", "fp8", "agg", layout(64, 1, 8, 8));
        DeploymentPlan plan = assertInstanceOf(PointPlan.Simulate.class,
                planner.plan(new MeasuredPoint("v3", 2, d, 1024, 1024, 16, 300, 20))).plan();
        assertEquals(8, plan.server().gpusPerReplica());
        assertEquals(8, plan.server().expertParallel());
    }
}
