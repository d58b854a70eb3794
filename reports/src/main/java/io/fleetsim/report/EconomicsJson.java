package io.fleetsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import java.util.Map;

/**
 * The economics fields of {@code report.json}: {@code cost_usd.by_component}, {@code energy},
 * {@code models} (cost per useful token by model), {@code owned_vs_rented}, and per pool its
 * components, energy, ownership and commitment, per route its quality and disconnects.
 */
final class EconomicsJson {

    private EconomicsJson() {
    }

    static void add(ObjectNode root, RunResult run) {
        ObjectNode cost = (ObjectNode) root.get("cost_usd");
        components(cost.putObject("by_component"), run.cost().byComponentUsd());
        ObjectNode energy = root.putObject("energy");
        JsonReport.putNumber(energy, "kwh", run.energyKwh(), 6);
        JsonReport.putNumber(energy, "joules_per_useful_token", run.joulesPerUsefulToken(), 6);
        tableRows(root.putArray("models"), EconomicsTables.models(run));
        tableRows(root.putArray("owned_vs_rented"), EconomicsTables.ownedVsRented(run));
        JsonNode pools = root.get("pools");
        for (int i = 0; i < run.pools().size(); i++) {
            pool((ObjectNode) pools.get(i), run.pools().get(i));
        }
        JsonNode routes = root.get("routes");
        for (int i = 0; i < run.routes().size(); i++) {
            route((ObjectNode) routes.get(i), run.routes().get(i));
        }
    }

    private static void pool(ObjectNode n, PoolResult p) {
        n.put("model", p.model());
        n.put("useful_output_tokens", p.usefulOutputTokens());
        n.put("failures", p.failures());
        JsonReport.putNumber(n, "down_replica_hours", p.downReplicaHours(), 6);
        components(n.putObject("cost_by_component_usd"), p.costByComponentUsd());
        ObjectNode energy = n.putObject("energy");
        if (p.energy() != null) {
            JsonReport.putNumber(energy, "kwh", p.energy().kwh(), 6);
            JsonReport.putNumber(energy, "busy_watts_per_gpu", p.energy().busyWatts(), 3);
            JsonReport.putNumber(energy, "idle_watts_per_gpu", p.energy().idleWatts(), 3);
            JsonReport.putNumber(energy, "pue", p.energy().pue(), 4);
            energy.put("source", p.energy().source());
        }
        ObjectNode owned = n.putObject("owned");
        if (p.owned() != null) {
            owned.put("servers", p.owned().servers());
            components(owned, p.owned().byComponent());
        }
        ObjectNode c = n.putObject("commitment");
        if (p.commitment() != null) {
            c.put("years", p.commitment().years());
            JsonReport.putNumber(c, "term_usd", p.commitment().termUsd(), 2);
            JsonReport.putNumber(c, "upfront_usd", p.commitment().upfrontUsd(), 2);
            JsonReport.putNumber(c, "monthly_usd", p.commitment().monthlyUsd(), 2);
        }
    }

    private static void route(ObjectNode n, RouteResult r) {
        ObjectNode q = n.putObject("quality");
        q.put("rejected_answers", r.rejectedAnswers());
        ObjectNode d = n.putObject("disconnect");
        d.put("requests", r.disconnected());
        var recv = r.receivedBeforeDisconnect();
        ObjectNode received = d.putObject("received_tokens");
        received.put("count", recv.count());
        JsonReport.putNumber(received, "mean", recv.mean(), 3);
        received.put("p50", recv.p50());
        received.put("p95", recv.p95());
        received.put("p99", recv.p99());
    }

    private static void components(ObjectNode target, Map<String, Double> byComponent) {
        byComponent.keySet().stream().sorted().forEach(k -> JsonReport.putNumber(target, k, byComponent.get(k), 4));
    }

    private static void tableRows(com.fasterxml.jackson.databind.node.ArrayNode target, Table table) {
        for (int r = 0; r < table.rows().size(); r++) {
            ObjectNode row = target.addObject();
            for (int c = 0; c < table.columns().size(); c++) {
                Object v = table.rows().get(r).get(c);
                String key = table.columns().get(c).key();
                if (v == null) {
                    row.putNull(key);
                } else if (v instanceof Long || v instanceof Integer) {
                    row.put(key, ((Number) v).longValue());
                } else if (v instanceof Number num) {
                    JsonReport.putNumber(row, key, num.doubleValue(), 6);
                } else {
                    row.put(key, v.toString());
                }
            }
        }
    }
}
