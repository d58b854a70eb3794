package io.fleetsim.report.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.plan.PlanDecision;
import io.fleetsim.plan.PlanResult;
import io.fleetsim.plan.PlanRow;
import io.fleetsim.sweep.Metric;
import java.math.BigDecimal;
import java.math.MathContext;

/** {@code plan.json}: every volume's decision and every strategy's best sizing, numbers to 6 significant digits. */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    /** The JSON text of {@code plan}. */
    public static String render(PlanResult plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", plan.spec().scenario().displayName());
        root.put("shape", plan.spec().shape().id());
        root.put("constraints", plan.spec().constraints().toString());
        number(root, "tokens_per_s_at_scenario_rate", plan.tokensPerSecondAtScenarioRate());
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode breakEven = root.putArray("break_even");
        for (PlanResult.Crossover c : plan.breakEven()) {
            ObjectNode n = breakEven.addObject();
            number(n, "volume_tokens_per_month", c.volume());
            n.put("cheaper_below", c.selfHostedBelow() ? "self-hosted" : "api");
        }
        ArrayNode volumes = root.putArray("volumes");
        for (PlanDecision d : plan.decisions()) {
            ObjectNode v = volumes.addObject();
            number(v, "volume_tokens_per_month", d.volume());
            number(v, "requests_per_s", d.ratePerS());
            v.put("winner", d.winner() == null ? null : d.winner().strategy().id());
            v.put("runner_up", d.runnerUp() == null ? null : d.runnerUp().strategy().id());
            number(v, "margin_usd_per_useful_mtok", d.margin());
            ArrayNode rows = v.putArray("strategies");
            for (PlanRow r : d.rows()) {
                ObjectNode o = rows.addObject();
                o.put("strategy", r.strategy().id());
                o.put("verdict", r.best() == null ? null : r.best().verdict().id());
                o.put("sizing", r.best() == null ? null : r.sizing());
                number(o, "usd_per_useful_mtok", r.costPerUsefulMtok().mean());
                number(o, "usd_per_useful_mtok_ci95", r.costPerUsefulMtok().halfWidth());
                number(o, "slo_attainment", r.best() == null ? Double.NaN
                        : r.best().estimate(Metric.SLO_ATTAINMENT).mean());
                number(o, "batch_occupancy", r.batchOccupancy());
                o.put("at_range_top", r.atRangeTop());
                o.put("skipped", r.skipped());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always writes", e);
        }
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            node.putNull(key);
        } else {
            node.put(key, new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros());
        }
    }
}
