package io.fleetsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Strategy;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.sweep.Estimate;
import io.fleetsim.sweep.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Renders a {@link Comparison} as {@code compare.json}: the target, the verdict, the warnings and
 * one object per strategy with the figures of the comparison table, its requests by route and the
 * path of its full report; with replications, the means and 95% half-widths of the replicated
 * figures and the paired difference in unit cost from the cheapest. Fixed key order and
 * rounding, so the same runs give the same bytes.
 */
public final class CompareJson {

    /** Version of this layout; bumped when a field changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The figures given as mean and 95% half-width when replicated. */
    private static final List<Metric> REPLICATED = List.of(Metric.SLO_ATTAINMENT, Metric.TOTAL_COST_USD,
            Metric.COST_PER_USEFUL_MTOK, Metric.TTFT_P99_MS, Metric.TPOT_P99_MS);

    private CompareJson() {
    }

    /** The comparison as pretty-printed JSON text ending in a newline. */
    public static String render(Comparison c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        number(root, "slo_target", c.sloTarget(), 6);
        root.put("same_traffic", c.sameTraffic());
        root.put("replications", c.replications());
        ArrayNode warnings = root.putArray("warnings");
        ComparisonNotes.of(c).forEach(warnings::add);
        var best = c.cheapestMeetingTarget();
        if (best.isPresent()) {
            root.put("cheapest_meeting_slo_target", best.get().name());
        } else {
            root.putNull("cheapest_meeting_slo_target");
        }
        root.put("verdict", VerdictText.of(c));
        ArrayNode strategies = root.putArray("strategies");
        for (Strategy s : c.strategies()) {
            RunResult r = s.result();
            ObjectNode n = strategies.addObject();
            n.put("name", s.name());
            n.put("file", s.file());
            n.put("scenario", r.scenario());
            n.put("seed", r.seed());
            number(n, "simulated_seconds", r.simulatedSeconds(), 3);
            number(n, "slo_attainment", r.sloAttainment(), 6);
            n.put("meets_slo_target", c.meetsTarget(s));
            n.put("slo_verdict", c.verdict(s).id());
            if (c.replicated()) {
                ObjectNode means = n.putObject("replicated");
                for (Metric m : REPLICATED) {
                    Estimate e = s.estimate(m);
                    ObjectNode x = means.putObject(m.id());
                    number(x, "mean", e.mean(), 6);
                    number(x, "ci95", e.halfWidth(), 6);
                }
                var cheapest = c.cheapestMeetingTarget();
                if (cheapest.isPresent() && cheapest.get() != s) {
                    Estimate d = Comparison.unitCostDifference(s, cheapest.get());
                    ObjectNode x = n.putObject("cost_per_useful_mtok_vs_cheapest");
                    number(x, "mean", d.mean(), 6);
                    number(x, "ci95", d.halfWidth(), 6);
                }
            }
            number(n, "cost_usd", r.costUsd(), 4);
            number(n, "cost_per_useful_mtok_usd", r.costPerUsefulMtokUsd(), 6);
            number(n, "ttft_p99_ms", r.latency().ttft().p99Ms(), 3);
            number(n, "tpot_p99_ms", r.latency().tpot().p99Ms(), 3);
            n.put("useful_tokens", r.tokens().useful());
            n.put("wasted_tokens", WasteBreakdown.of(r.tokens()).total());
            n.put("gpus", r.pools().stream().mapToInt(PoolResult::gpus).sum());
            number(n, "utilization", ComparisonTables.gpuWeightedUtilization(r), 6);
            number(n, "idle_cost_usd", CostByState.usd(r.cost().byStateUsd(), "idle"), 4);
            ObjectNode byPool = n.putObject("cost_usd_by_pool");
            r.pools().forEach(p -> number(byPool, p.name(), p.costUsd(), 4));
            if (r.pools().stream().anyMatch(p -> p.disaggregation() != null)) {
                ObjectNode split = n.putObject("disaggregation_by_pool");
                r.pools().stream().filter(p -> p.disaggregation() != null)
                        .forEach(p -> split.set(p.name(), JsonReport.disaggregation(p.disaggregation())));
            }
            ObjectNode byState = n.putObject("cost_usd_by_state");
            CostByState.ordered(r.cost().byStateUsd()).forEach((state, usd) -> number(byState, state, usd, 4));
            ObjectNode arrived = n.putObject("requests_arrived_by_route");
            for (RouteResult route : r.routes()) {
                arrived.put(route.name(), route.requests().arrived());
            }
            n.put("report", s.name() + "/report.json");
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render comparison", e);
        }
    }

    private static void number(ObjectNode target, String field, double value, int decimals) {
        if (Double.isFinite(value)) {
            target.put(field,
                    BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros());
        } else {
            target.putNull(field);
        }
    }
}
