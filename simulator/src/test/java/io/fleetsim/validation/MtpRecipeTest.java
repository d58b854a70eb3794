package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.SpeculativeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The multi-token prediction of the recipes behind TensorRT-LLM DeepSeek-R1 rows: which rows get it,
 * with how many draft tokens, at which acceptance, and which listing of a run listed twice is kept.
 */
class MtpRecipeTest {

    private static final DeploymentPlanner PLANNER = new DeploymentPlanner(CatalogReader.builtIn(),
            PerformanceProfiles.builtIn(), Optional.empty());
    private static final String R1 = "deepseek-ai/DeepSeek-R1";
    private static final String V3 = "deepseek-ai/DeepSeek-V3";
    /** tp 8, experts split by TP: no expert or attention data parallelism. */
    private static final Deployment.ParallelLayout TP8 = new Deployment.ParallelLayout(8, 1, 1, 8, 1);
    /** attention DP over 8 GPUs, experts over all 8 (DeepSeek-style wide EP). */
    private static final Deployment.ParallelLayout DP8 = new Deployment.ParallelLayout(1, 1, 8, 1, 8);

    private static MeasuredPoint point(String id, String backend, String model, Deployment.ParallelLayout layout,
                                       int concurrency, double tpotMs) {
        Deployment d = new Deployment("b200_sxm", backend, "1.2.0rc6.post2", model, "fp4", "nvfp4", "nvfp4", "agg",
                layout);
        return new MeasuredPoint(id, 2, d, 1024, 128, concurrency, 200, tpotMs);
    }

    private static DeploymentPlan plan(MeasuredPoint p) {
        return assertInstanceOf(PointPlan.Simulate.class, PLANNER.plan(p)).plan();
    }

    @Test
    void tensorRtLlmDeepSeekR1DecodesWithThreeDraftTokensAtTheDefaultAcceptance() {
        MeasuredPoint r1 = point("r1", "trtllm", R1, TP8, 4, 5);
        SpeculativeSpec s = plan(r1).server().speculative();
        // at the acceptance the shipped profile of the row's group fitted
        double a = s.acceptance().mean();
        assertEquals(new SpeculativeSpec(SpeculativeSpec.MTP, 3, a, null), s);
        assertEquals(1 + a + a * a + a * a * a, s.tokensPerStep(), 1e-12);
        // without a fitted acceptance, the default: 1 + 0.85 + 0.85^2 + 0.85^3 tokens a step
        SpeculativeSpec byDefault = MtpRecipe.of(r1.deployment(), TP8, MtpRecipe.DEFAULT_ACCEPTANCE);
        assertEquals(new SpeculativeSpec(SpeculativeSpec.MTP, 3, 0.85, null), byDefault);
        assertEquals(1 + 0.85 + 0.7225 + 0.614125, byDefault.tokensPerStep(), 1e-12);
    }

    @Test
    void withAttentionDataParallelismTheRecipeDraftsOneToken() {
        DeploymentPlan plan = plan(point("r1", "trtllm", R1, DP8, 64, 5));
        assertEquals(8, plan.server().memory().attentionDataParallel());
        assertEquals(1, plan.server().speculative().tokens());
    }

    @Test
    void noOtherRowSpeculates() {
        assertNull(plan(point("v3", "trtllm", V3, TP8, 4, 5)).server().speculative());
        assertNull(plan(point("sg", "sglang", R1, TP8, 4, 5)).server().speculative());
        assertNull(plan(point("nv", "trtllm", "nvidia/DeepSeek-R1-NVFP4", TP8, 4, 5)).server().speculative());
    }

    @Test
    void aFittedAcceptanceReplacesTheDefaultAndAPlainDeploymentStaysPlain() {
        EngineParameters fitted = new EngineParameters(PerformanceSpec.KERNEL_DEFAULT, 0.1, 0.6);
        DeploymentPlan r1 = plan(point("r1", "trtllm", R1, TP8, 4, 5)).with(fitted);
        assertEquals(new SpeculativeSpec(SpeculativeSpec.MTP, 3, 0.6, null), r1.server().speculative());
        assertEquals(0.1, r1.requestLatencySeconds());
        assertNull(plan(point("v3", "trtllm", V3, TP8, 4, 5)).with(fitted).server().speculative());
        // parameters without a fitted acceptance keep the planned one
        DeploymentPlan planned = plan(point("r1", "trtllm", R1, TP8, 4, 5));
        assertEquals(planned.server().speculative().acceptance().mean(), planned
                .with(new EngineParameters(PerformanceSpec.KERNEL_DEFAULT, 0)).server().speculative().acceptance().mean());
    }

    /**
     * At one client a step is bound by reading the weights, so verifying 4 tokens costs little more
     * than decoding 1, and the step adds 3.19 tokens: TPOT falls, but never below a step's time
     * over the tokens it adds.
     */
    @Test
    void speculatingCutsTpotByLessThanTheTokensAStepAdds() {
        MeasuredPoint r1 = point("r1", "trtllm", R1, TP8, 1, 5);
        MeasuredPoint v3 = point("v3", "trtllm", V3, TP8, 1, 5);
        double speculative = DeploymentSimulation.simulate(plan(r1), 1024, 128).meanTpotSeconds();
        double plain = DeploymentSimulation.simulate(plan(v3), 1024, 128).meanTpotSeconds();
        double tokensPerStep = plan(r1).server().speculative().tokensPerStep();
        assertTrue(speculative < plain, speculative + " vs " + plain);
        assertTrue(speculative > plain / tokensPerStep, speculative + " vs " + plain + " / " + tokensPerStep);
    }

    @Test
    void aRunListedAsR1AndAsAPlainV3DeploymentIsKeptOnceAsTheV3One() {
        MeasuredPoint r1 = point("sweep-r1", "trtllm", R1, TP8, 16, 12.48);
        MeasuredPoint r1Again = point("sweep-r1-again", "trtllm", R1, TP8, 16, 12.48);
        MeasuredPoint v3 = point("dump-v3", "trtllm", V3, TP8, 16, 12.48);
        MeasuredPoint otherRun = point("other-r1", "trtllm", R1, TP8, 16, 12.47);
        List<MeasuredPoint> all = List.of(r1, r1Again, v3, otherRun);
        assertEquals(Map.of("sweep-r1", "dump-v3", "sweep-r1-again", "dump-v3"),
                DuplicateMeasurements.speculativeListings(all));
        DeploymentPlanner planner = PLANNER.withListingsOf(all);
        assertEquals(new PointPlan.Skip("the same measurement as row dump-v3, which states no multi-token "
                + "prediction"), planner.plan(r1));
        assertNull(assertInstanceOf(PointPlan.Simulate.class, planner.plan(v3)).plan().server().speculative());
        assertEquals(3, assertInstanceOf(PointPlan.Simulate.class, planner.plan(otherRun)).plan().server()
                .speculative().tokens());
    }

    @Test
    void aRunListedTwiceAsR1AloneIsLeftAlone() {
        MeasuredPoint a = point("a", "trtllm", R1, TP8, 16, 12.48);
        MeasuredPoint b = point("b", "trtllm", R1, DP8, 16, 12.48);
        assertEquals(Map.of(), DuplicateMeasurements.speculativeListings(List.of(a, b)));
    }

    @Test
    void theSpeculativeSpaceAddsTheAcceptanceToItsBase() {
        SpeculativeSpace space = new SpeculativeSpace(KernelOverheadSpace.INSTANCE);
        assertEquals(6, space.count());
        assertEquals("mtp_acceptance", space.names().get(5));
        assertEquals(MtpRecipe.DEFAULT_ACCEPTANCE, space.start().mtpAcceptance());
        double[] u = {0.5, 0.25, 0, 1, 0.3, 0.6374};
        EngineParameters p = space.parameters(u);
        assertEquals(0.637, p.mtpAcceptance());
        assertEquals(KernelOverheadSpace.INSTANCE.parameters(new double[]{0.5, 0.25, 0, 1, 0.3}).performance(),
                p.performance());
        assertEquals(0.637, space.unit(p)[5], 1e-12);
        assertEquals(List.of("mtp_acceptance at its lower limit 0"), space.atLimits(p.withMtpAcceptance(0))
                .stream().filter(s -> s.startsWith("mtp")).toList());
        assertThrows(IllegalArgumentException.class, () -> new SpeculativeSpace(space));
    }

    @Test
    void aGroupFitsTheAcceptanceOnlyWhereSomeOfItsRowsSpeculate() {
        SimulatedPoint r1 = new SimulatedPoint(point("r1", "trtllm", R1, TP8, 4, 5),
                plan(point("r1", "trtllm", R1, TP8, 4, 5)));
        SimulatedPoint v3 = new SimulatedPoint(point("v3", "trtllm", V3, TP8, 4, 5),
                plan(point("v3", "trtllm", V3, TP8, 4, 5)));
        assertEquals(new SpeculativeSpace(KernelOverheadSpace.INSTANCE), EndToEndCalibration.space(List.of(v3, r1)));
        assertEquals(KernelOverheadSpace.INSTANCE, EndToEndCalibration.space(List.of(v3)));
    }
}
