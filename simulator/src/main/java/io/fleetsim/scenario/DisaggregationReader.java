package io.fleetsim.scenario;

import io.fleetsim.calibration.HandoffProfiles;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.HandoffSpec;
import io.fleetsim.spec.KvLinkSpec;
import io.fleetsim.spec.ServerSpec;
import java.util.List;

/**
 * Reads a pool's {@code disaggregation} block: its prefill and decode workers (each a count and
 * the parts of a replica it sets differently from the pool: {@code tensor_parallel},
 * {@code expert_parallel}, {@code attention_data_parallel}, {@code batching}, {@code memory_utilization}), the KV link and the
 * handoff latency ({@code handoff_latency}: a duration; by default that of the shipped handoff
 * profile of the pool's GPU and engine, none where none ships).
 *
 * <p>Checked at load, so that a deployment that could never serve fails there: each worker must
 * hold the weights and the KV of the pool's longest request ({@code max_model_len}; the error
 * names the side), and a link needs a positive bandwidth.
 */
final class DisaggregationReader {

    private static final String[] SIDE_FIELDS = {"replicas", "tensor_parallel", "expert_parallel",
        "attention_data_parallel", "batching", "memory_utilization"};
    private static final String[] LAYOUT_FIELDS = {"tensor_parallel", "expert_parallel", "attention_data_parallel"};

    private DisaggregationReader() {
    }

    static ServerSpec.Disaggregated read(SpecNode pool, SpecNode node, HardwareCatalog catalog, List<String> routes) {
        node.allowOnly("prefill", "decode", "link", "handoff_latency");
        for (String field : LAYOUT_FIELDS) {
            if (!pool.get(field).isMissing()) {
                throw pool.get(field).error("a disaggregated pool sets its layout per side: move it under "
                        + "disaggregation.prefill and disaggregation.decode");
            }
        }
        SpecNode prefillNode = node.required("prefill");
        SpecNode decodeNode = node.required("decode");
        prefillNode.allowOnly(SIDE_FIELDS);
        decodeNode.allowOnly(SIDE_FIELDS);
        ServerSpec.Llm prefill = PoolReader.llmServer(pool, prefillNode, catalog, routes);
        ServerSpec.Llm decode = PoolReader.llmServer(pool, decodeNode, catalog, routes);
        int prefillWorkers = (int) prefillNode.required("replicas").integerIn(1, 10_000);
        int decodeWorkers = (int) decodeNode.required("replicas").integerIn(1, 10_000);
        return new ServerSpec.Disaggregated(prefill, prefillWorkers, decode, decodeWorkers,
                link(node.get("link"), prefill), handoff(node.get("handoff_latency"), prefill));
    }

    /**
     * The handoff: the scenario's {@code handoff_latency}, else the shipped handoff profile of the
     * pool's GPU and engine ({@link HandoffProfiles}), else none.
     */
    private static HandoffSpec handoff(SpecNode node, ServerSpec.Llm prefill) {
        if (!node.isMissing()) {
            double seconds = node.durationSeconds();
            if (seconds > 60) {
                throw node.error("must be a duration from 0 to 60s (got \"" + node.text() + "\")");
            }
            return new HandoffSpec(seconds, "scenario");
        }
        String engine = prefill.engine() == null ? EngineSpec.DEFAULT_NAME : prefill.engine().name();
        return HandoffProfiles.builtIn().of(prefill.memory().gpu().name(), engine)
                .map(p -> new HandoffSpec(p.latencySeconds(), p.name())).orElse(HandoffSpec.NONE);
    }

    /**
     * The link, NVLink by default: half the GPU's NVLink figure from the catalog (its datasheet
     * gives both directions together), or one NDR InfiniBand port per GPU.
     */
    private static KvLinkSpec link(SpecNode node, ServerSpec.Llm prefill) {
        String kind = KvLinkSpec.NVLINK;
        if (!node.isMissing()) {
            node.allowOnly("kind", "bandwidth_gbps", "latency_us");
            kind = node.get("kind").isMissing() ? KvLinkSpec.NVLINK
                    : node.get("kind").choice(KvLinkSpec.NVLINK, KvLinkSpec.INFINIBAND);
        }
        KvLinkSpec fallback = kind.equals(KvLinkSpec.NVLINK) ? KvLinkSpec.nvlinkOf(prefill.memory().gpu())
                : KvLinkSpec.infiniband();
        if (node.isMissing()) {
            return fallback;
        }
        SpecNode bw = node.get("bandwidth_gbps");
        SpecNode lat = node.get("latency_us");
        double bandwidth = fallback.bytesPerSecondPerGpu();
        if (!bw.isMissing()) {
            double gbps = bw.number();
            if (!(gbps > 0) || gbps > 1e6) {
                throw bw.error("must be a bandwidth in Gb/s per GPU above 0 (at most 1,000,000), got "
                        + java.math.BigDecimal.valueOf(gbps).stripTrailingZeros().toPlainString());
            }
            bandwidth = gbps * 1e9 / 8;
        }
        double latency = lat.isMissing() ? fallback.latencySeconds() : lat.numberIn(0, 1e6) * 1e-6;
        String source = bw.isMissing() && lat.isMissing() ? fallback.source() : "scenario";
        return new KvLinkSpec(kind, bandwidth, latency, source);
    }
}
