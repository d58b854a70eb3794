package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.Precision;
import io.fleetsim.scenario.CatalogReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a measured row becomes: a deployment of replicas and clients, or a skip with its reason. */
class DeploymentPlannerTest {

    private static final DeploymentPlanner PLANNER = new DeploymentPlanner(CatalogReader.builtIn(),
            PerformanceProfiles.builtIn(), Optional.empty());

    private static MeasuredPoint point(String mode, String model, String quant, int concurrency,
                                       Deployment.ParallelLayout layout) {
        Deployment d = new Deployment("h100_sxm", "vllm", "0.19.0", model, "", quant, quant, mode, layout);
        return new MeasuredPoint("row", 2, d, 1024, 128, concurrency, 100, 10);
    }

    private static Deployment.ParallelLayout tp(int tp, int dp) {
        return new Deployment.ParallelLayout(tp, 1, dp, 1, 1);
    }

    @Test
    void aDisaggregatedRowWithoutItsPrefillSideIsSkippedWithItsReason() {
        PointPlan p = PLANNER.plan(point("disagg", "meta-llama/Llama-3.1-8B-Instruct", "", 16, tp(1, 1)));
        assertEquals(new PointPlan.Skip("disaggregated row without prefill_* layout columns"), p);
    }

    @Test
    void aRowWithoutConcurrencyIsSkipped() {
        assertEquals(new PointPlan.Skip("no client concurrency stated"),
                PLANNER.plan(point("agg", "meta-llama/Llama-3.1-8B-Instruct", "", 0, tp(1, 1))));
    }

    @Test
    void int4WeightOnlyRunsAt16BitsWithA16BitKvCache() {
        DeploymentPlan plan = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(point("agg", "meta-llama/Llama-3.1-8B-Instruct", "int4_wo", 8, tp(1, 1)))).plan();
        assertEquals(Precision.INT4_WO, plan.server().memory().precision());
        assertEquals(KvCacheDtype.BF16, plan.server().memory().kvCache());
        assertEquals(8.03e9 * 4.5 / 8, plan.server().memory().model().weightBytes(Precision.INT4_WO), 1);
    }

    /** gpt-oss's 4-bit experts on Hopper run weight-only (w4a16 mxfp4 kernels), the rest at 16 bits. */
    @Test
    void fp4ExpertsOnAnH100RunWeightOnly() {
        DeploymentPlan plan = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(point("agg", "openai/gpt-oss-120b", "nvfp4", 8, tp(2, 1)))).plan();
        assertEquals(Precision.MXFP4, plan.server().memory().precision());
        assertEquals(KvCacheDtype.BF16, plan.server().memory().kvCache());
    }

    @Test
    void fp4OnAnH100IsSkipped() {
        assertEquals(new PointPlan.Skip("H100-SXM-80GB has no fp4 tensor cores"),
                PLANNER.plan(point("agg", "meta-llama/Llama-3.1-8B-Instruct", "nvfp4", 8, tp(1, 1))));
    }

    @Test
    void aDenseModelsAttentionDpRanksAreReplicasSharingTheConcurrency() {
        PointPlan p = PLANNER.plan(point("agg", "meta-llama/Llama-3.1-8B-Instruct", "fp8", 5, tp(2, 2)));
        DeploymentPlan plan = assertInstanceOf(PointPlan.Simulate.class, p).plan();
        assertEquals(2, plan.replicas());
        assertEquals(2, plan.server().gpusPerReplica());
        assertEquals(5, plan.clients());
        assertEquals(List.of(new DeploymentPlan.ClientGroup(1, 3), new DeploymentPlan.ClientGroup(1, 2)),
                plan.clientGroups());
        assertEquals(3, plan.server().batching().maxNumSeqs());
        assertEquals("vllm", plan.engine());
        assertEquals("0.19.0", plan.engineVersion());
    }

    @Test
    void aPlanCarriesTheRowsEngineAndSaysWhereItsParametersComeFrom() {
        PointPlan.Simulate h100 = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(point("agg", "meta-llama/Llama-3.1-8B-Instruct", "", 8, tp(8, 1))));
        assertEquals("kernel tables, engine overheads of aic-h100-sxm-vllm-bf16 (fitted end to end)",
                h100.parametersFrom());
        assertEquals("vllm", h100.plan().server().engine().name());
        Deployment l40s = new Deployment("a100_sxm", "sglang", "0.5.9", "meta-llama/Llama-3.1-8B-Instruct", "", "", "",
                "agg", tp(1, 1));
        PointPlan.Simulate none = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(new MeasuredPoint("row", 2, l40s, 1024, 128, 4, 100, 10)));
        // SGLang has no kernel tables: vLLM's of the GPU stand in, with default overheads (no SGLang fit on A100)
        assertEquals("vllm kernel tables standing in, default engine overheads", none.parametersFrom());
        assertEquals("0.5.9", none.plan().server().engine().version());
    }

    @Test
    void fewerClientsThanReplicasLeaveSomeIdle() {
        DeploymentPlan plan = new DeploymentPlan(null, 4, 3, "vllm", "", 0);
        assertEquals(List.of(new DeploymentPlan.ClientGroup(3, 1)), plan.clientGroups());
    }

    @Test
    void aModelThatDoesNotFitIsSkippedWithTheMemoryArithmetic() {
        PointPlan p = PLANNER.plan(point("agg", "meta-llama/Llama-3.1-70B", "", 8, tp(1, 1)));
        String reason = assertInstanceOf(PointPlan.Skip.class, p).reason();
        assertEquals(true, reason.startsWith("does not fit: llama-3.1-70b at bf16 does not fit on 1 x H100-SXM-80GB"),
                reason);
    }

    /**
     * DeepSeek-R1's 128 heads cannot be split over 28 GPUs by tensor parallelism: the row's tp 28
     * is read as 28 attention data-parallel ranks of tp 1, the experts split as the row says.
     */
    @Test
    void aTensorParallelismThatCannotSplitTheHeadsIsAttentionDataParallelism() {
        Deployment d = new Deployment("gb200", "trtllm", "1.2.0", "deepseek-ai/DeepSeek-R1", "", "nvfp4", "nvfp4",
                "agg", new Deployment.ParallelLayout(28, 1, 1, 28, 1));
        DeploymentPlan plan = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(new MeasuredPoint("row", 2, d, 1024, 128, 64, 100, 10))).plan();
        assertEquals(28, plan.server().memory().tensorParallel());
        assertEquals(28, plan.server().memory().attentionDataParallel());
        assertEquals(1, plan.server().memory().attentionTensorParallel());
        // 8 GPUs divide the heads: tensor parallelism as the row says.
        Deployment tp8 = new Deployment("gb200", "trtllm", "1.2.0", "deepseek-ai/DeepSeek-R1", "", "nvfp4", "nvfp4",
                "agg", new Deployment.ParallelLayout(8, 1, 1, 8, 1));
        DeploymentPlan asIs = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(new MeasuredPoint("row", 2, tp8, 1024, 128, 64, 100, 10))).plan();
        assertEquals(1, asIs.server().memory().attentionDataParallel());
        assertEquals(8, asIs.server().memory().attentionTensorParallel());
    }
}
