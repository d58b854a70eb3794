package io.fleetsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.cost.HeadroomCost;
import io.fleetsim.metrics.OutcomeTally;
import io.fleetsim.run.DisruptionResult;
import io.fleetsim.run.RunResult;

/**
 * The {@code disruptions} array of {@code report.json} (each zone outage and rolling deploy, its
 * window against the time outside every window) and each pool's {@code headroom}; both written
 * only when the scenario has them, so other reports are unchanged.
 */
final class DisruptionJson {

    private DisruptionJson() {
    }

    static void add(ObjectNode root, RunResult run) {
        JsonNode pools = root.get("pools");
        for (int i = 0; i < run.pools().size(); i++) {
            HeadroomCost h = run.pools().get(i).headroom();
            if (h != null) {
                ObjectNode n = ((ObjectNode) pools.get(i)).putObject("headroom");
                n.put("policy", h.policy());
                n.put("needed_replicas", h.neededReplicas());
                n.put("spare_replicas", h.spareReplicas());
                JsonReport.putNumber(n, "spare_gpu_hours", h.spareGpuHours(), 6);
                JsonReport.putNumber(n, "cost_usd", h.costUsd(), 4);
            }
        }
        if (run.disruptions().isEmpty()) {
            return;
        }
        ArrayNode events = root.putArray("disruptions");
        for (DisruptionResult d : run.disruptions()) {
            ObjectNode n = events.addObject();
            n.put("kind", d.kind());
            n.put("pool", d.pool());
            n.put("name", d.name());
            JsonReport.putNumber(n, "start_s", d.startSeconds(), 3);
            JsonReport.putNumber(n, "end_s", d.endSeconds(), 3);
            n.put("ended", d.ended());
            n.put("replicas_out", d.replicasOut());
            JsonReport.putNumber(n, "replica_hours_out", d.replicaHoursOut(), 6);
            n.put("requests_interrupted", d.requestsInterrupted());
            outcomes(n.putObject("during"), d.during());
            outcomes(n.putObject("outside"), d.outside());
        }
    }

    private static void outcomes(ObjectNode n, OutcomeTally.Summary s) {
        n.put("requests", s.requests());
        n.put("completed", s.completed());
        n.put("within_slo", s.withinSlo());
        n.put("rejected", s.rejected());
        n.put("cancelled", s.cancelled());
        JsonReport.putNumber(n, "slo_attainment", s.sloAttainment(), 6);
        ObjectNode ttft = n.putObject("ttft_ms");
        JsonReport.putNumber(ttft, "p50", s.ttftP50Ms(), 3);
        JsonReport.putNumber(ttft, "p95", s.ttftP95Ms(), 3);
        JsonReport.putNumber(ttft, "p99", s.ttftP99Ms(), 3);
    }
}
