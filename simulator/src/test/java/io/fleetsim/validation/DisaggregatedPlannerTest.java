package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.spec.KvLinkSpec;
import io.fleetsim.spec.ServerSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a measured disaggregated row becomes: an xPyD deployment, or a skip naming the side. */
class DisaggregatedPlannerTest {

    private static final DeploymentPlanner PLANNER = new DeploymentPlanner(CatalogReader.builtIn(),
            PerformanceProfiles.builtIn(), Optional.empty());

    private static Deployment.ParallelLayout layout(int tp, int dp, int ep) {
        return new Deployment.ParallelLayout(tp, 1, dp, 1, ep);
    }

    private static MeasuredPoint point(String system, String model, String quant, Deployment.ParallelLayout prefill,
                                       int prefillWorkers, Deployment.ParallelLayout decode, int decodeWorkers) {
        Deployment d = new Deployment(system, "trtllm", "1.2.0", model, "", quant, quant, "disagg", decode,
                new Deployment.Split(prefill, prefillWorkers, decodeWorkers));
        return new MeasuredPoint("row", 2, d, 1024, 128, 32, 100, 10);
    }

    @Test
    void bothSidesWithTheirLayoutsWorkersAndAnInfinibandLinkBetweenNodes() {
        PointPlan p = PLANNER.plan(point("h200_sxm", "deepseek-ai/DeepSeek-R1", "fp8_block", layout(8, 1, 8), 0,
                layout(8, 1, 8), 2));
        DisaggregatedPlan plan = assertInstanceOf(PointPlan.SimulateDisaggregated.class, p).plan();
        ServerSpec.Disaggregated s = plan.server();
        assertEquals(WorkerSizing.of(s.prefill(), s.decode(), 32, 1024, 128, 0, 2).prefillWorkers(),
                s.prefillWorkers(), "an empty worker count is sized for the clients");
        assertEquals(2, s.decodeWorkers());
        assertEquals(8, s.prefill().memory().tensorParallel());
        assertEquals(8, s.prefill().expertParallel(), "moe_ep_size 8 = tp 8: whole experts per GPU");
        assertEquals(8, s.decode().expertParallel());
        assertEquals(KvLinkSpec.INFINIBAND, s.link().kind(), "24 GPUs span three 8-GPU nodes");
        assertEquals(32, plan.clients());
        // DeepSeek-R1's MLA latent: 61 layers x (512 + 64) values x 1 B (fp8 KV) per token
        assertEquals(1024 * 61 * 576.0, s.transferBytes(1024), 1e-6);
    }

    @Test
    void sglangDeepSeekR1DecodeWorkersOnB200RunTheMtpRecipeAndNoOtherSglangRowDoes() {
        java.util.function.BiFunction<String, String, ServerSpec.Disaggregated> plan = (system, model) -> {
            Deployment d = new Deployment(system, "sglang", "0.5.9", model, "", "fp8_block", "fp8_block", "disagg",
                    layout(8, 1, 8), new Deployment.Split(layout(8, 1, 8), 1, 1));
            return assertInstanceOf(PointPlan.SimulateDisaggregated.class,
                    PLANNER.plan(new MeasuredPoint("row", 2, d, 1024, 128, 8, 100, 5))).plan().server();
        };
        ServerSpec.Disaggregated r1 = plan.apply("b200_sxm", "deepseek-ai/DeepSeek-R1");
        // at the acceptance TensorRT-LLM's B200 fp8 profile fitted, the only fit of DeepSeek's MTP there
        double fitted = io.fleetsim.calibration.PerformanceProfiles.builtIn().fittedKernels("B200-180GB",
                new io.fleetsim.spec.EngineSpec("trtllm", ""), io.fleetsim.hardware.Precision.FP8).orElseThrow()
                .mtpAcceptance();
        assertTrue(fitted > 0 && fitted < 1 && fitted != MtpRecipe.DEFAULT_ACCEPTANCE, "fitted " + fitted);
        assertEquals(new io.fleetsim.spec.SpeculativeSpec(io.fleetsim.spec.SpeculativeSpec.MTP, MtpRecipe.TOKENS,
                fitted, null), r1.decode().speculative());
        assertEquals(null, r1.prefill().speculative(), "a prefill worker never decodes");
        assertEquals(null, plan.apply("b200_sxm", "deepseek-ai/DeepSeek-V3").decode().speculative());
        assertEquals(null, plan.apply("h200_sxm", "deepseek-ai/DeepSeek-R1").decode().speculative());
    }

    @Test
    void nvl72SystemsMoveKvOverNvlink() {
        PointPlan p = PLANNER.plan(point("gb200", "deepseek-ai/DeepSeek-R1", "nvfp4", layout(4, 1, 4), 1,
                layout(8, 1, 8), 1));
        DisaggregatedPlan plan = assertInstanceOf(PointPlan.SimulateDisaggregated.class, p).plan();
        assertEquals(KvLinkSpec.NVLINK, plan.server().link().kind());
    }

    @Test
    void wideExpertParallelismWithAttentionDpIsTheWorkersGpusAndEpDividingTpIsExpertGroups() {
        Deployment.ParallelLayout dp4 = layout(1, 4, 4);
        Deployment.ParallelLayout tp8ep4 = new Deployment.ParallelLayout(8, 1, 1, 2, 4);
        PointPlan p = PLANNER.plan(point("b200_sxm", "deepseek-ai/DeepSeek-R1", "nvfp4", dp4, 1, tp8ep4, 3));
        ServerSpec.Disaggregated s = assertInstanceOf(PointPlan.SimulateDisaggregated.class, p).plan().server();
        assertEquals(4, s.prefill().gpusPerReplica(), "tp 1 x dp 4: a worker of 4 GPUs");
        assertEquals(4, s.prefill().expertParallel());
        assertEquals(8, s.decode().gpusPerReplica());
        assertEquals(4, s.decode().expertParallel(), "4 expert groups of moe_tp 2");
        assertEquals(3, s.decodeWorkers());
    }

    /** The recipe's multi-token prediction is the decode side's: a prefill worker never decodes. */
    @Test
    void onlyTheDecodeWorkersOfATensorRtLlmDeepSeekR1RowSpeculate() {
        PointPlan p = PLANNER.plan(point("b200_sxm", "deepseek-ai/DeepSeek-R1", "nvfp4", layout(1, 4, 4), 1,
                layout(8, 1, 8), 3));
        ServerSpec.Disaggregated s = assertInstanceOf(PointPlan.SimulateDisaggregated.class, p).plan().server();
        assertEquals(null, s.prefill().speculative());
        assertEquals(3, s.decode().speculative().tokens(), "decode attention tensor-parallel: 3 draft tokens");
        PointPlan dp = PLANNER.plan(point("b200_sxm", "deepseek-ai/DeepSeek-R1", "nvfp4", layout(1, 4, 4), 1,
                layout(1, 8, 8), 3));
        assertEquals(1, assertInstanceOf(PointPlan.SimulateDisaggregated.class, dp).plan().server().decode()
                .speculative().tokens(), "decode attention DP: 1 draft token");
    }

    @Test
    void expertsSplitOverOtherGpusThanTheWorkersAreSkippedNamingTheSide() {
        PointPlan p = PLANNER.plan(point("b200_sxm", "deepseek-ai/DeepSeek-R1", "nvfp4", layout(8, 1, 8), 1,
                layout(8, 1, 3), 1));
        String reason = assertInstanceOf(PointPlan.Skip.class, p).reason();
        assertTrue(reason.startsWith("decode: expert parallelism over 3 GPUs"), reason);
    }

    @Test
    void aSideTheCatalogCannotExpressIsSkippedNamingTheSide() {
        // a dense model's fp4 layers need FP4 tensor cores (only 4-bit experts run weight-only)
        PointPlan p = PLANNER.plan(point("h100_sxm", "meta-llama/Llama-3.1-70B", "nvfp4", layout(8, 1, 1), 1,
                layout(8, 1, 1), 1));
        assertEquals(new PointPlan.Skip("prefill: H100-SXM-80GB has no fp4 tensor cores"), p);
    }

    @Test
    void aggregatedRowsMapExpertLayoutsTheSameWay() {
        Deployment ep = new Deployment("h200_sxm", "trtllm", "1.2.0", "deepseek-ai/DeepSeek-R1", "", "fp8_block",
                "fp8_block", "agg", layout(8, 1, 8));
        ServerSpec.Llm s = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(new MeasuredPoint("row", 2, ep, 1024, 128, 32, 100, 10))).plan().server();
        assertEquals(8, s.memory().tensorParallel());
        assertEquals(8, s.expertParallel());
        Deployment dp = new Deployment("h200_sxm", "trtllm", "1.2.0", "deepseek-ai/DeepSeek-R1", "", "fp8_block",
                "fp8_block", "agg", layout(1, 8, 8));
        DeploymentPlan plan = assertInstanceOf(PointPlan.Simulate.class,
                PLANNER.plan(new MeasuredPoint("row", 2, dp, 1024, 128, 32, 100, 10))).plan();
        assertEquals(1, plan.replicas(), "DP ranks tied by their experts: one replica of 8 GPUs");
        assertEquals(8, plan.server().memory().tensorParallel());
        assertEquals(8, plan.server().expertParallel());
    }
    @Test
    void statedBatchSizesArePerAttentionRank() {
        Deployment d = new Deployment("b200_sxm", "trtllm", "1.2.0", "deepseek-ai/DeepSeek-R1", "", "nvfp4", "nvfp4",
                "disagg", layout(1, 8, 8), new Deployment.Split(layout(1, 4, 4), 1, 2, 1, 16));
        PointPlan p = PLANNER.plan(new MeasuredPoint("row", 2, d, 1024, 128, 256, 100, 10));
        ServerSpec.Disaggregated s = assertInstanceOf(PointPlan.SimulateDisaggregated.class, p).plan().server();
        assertEquals(4, s.prefill().batching().maxNumSeqs(), "prefill_batch_size 1 on each of 4 attention ranks");
        assertEquals(16 * 8, s.decode().batching().maxNumSeqs(), "decode_batch_size 16 on each of 8 ranks");
        // each attention rank has its own token budget
        assertEquals(8 * DeploymentPlanner.MAX_BATCHED_TOKENS, s.decode().batching().maxBatchedTokens());
        assertEquals(8, s.decode().memory().attentionDataParallel());
        assertEquals(4, s.prefill().memory().attentionDataParallel());
        assertEquals(4 * DeploymentPlanner.MAX_BATCHED_TOKENS, s.prefill().batching().maxBatchedTokens());
    }

    @Test
    void aHandoffProfileOfTheGpuAndEngineReplacesTheRequestLatencyAndIsNamed() {
        io.fleetsim.calibration.HandoffProfile h = new io.fleetsim.calibration.HandoffProfile("h-gb200-trtllm",
                "GB200-NVL72", "trtllm", 0.2, 3, "d", "c", new io.fleetsim.calibration.LatencyError(9, 0.1, 0.2, 0.1,
                0.2), Optional.empty());
        MeasuredPoint m = point("gb200", "deepseek-ai/DeepSeek-R1", "nvfp4", layout(4, 1, 4), 1, layout(8, 1, 8), 1);
        PointPlan.SimulateDisaggregated without = assertInstanceOf(PointPlan.SimulateDisaggregated.class,
                PLANNER.withHandoffs(io.fleetsim.calibration.HandoffProfiles.NONE).plan(m));
        PointPlan.SimulateDisaggregated with = assertInstanceOf(PointPlan.SimulateDisaggregated.class,
                PLANNER.withHandoffs(new io.fleetsim.calibration.HandoffProfiles(java.util.List.of(h))).plan(m));
        assertEquals(io.fleetsim.spec.HandoffSpec.NONE, without.plan().server().handoff());
        assertEquals(0.2, with.plan().server().handoff().latencySeconds());
        assertEquals("h-gb200-trtllm", with.plan().server().handoff().source());
        assertEquals(0, with.plan().requestLatencySeconds(), "the fitted handoff carries the path's fixed latency");
        assertTrue(with.parametersFrom().endsWith("handoff of h-gb200-trtllm (not cross-validated)"),
                with.parametersFrom());
    }
}
