package io.fleetsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.validation.ClosedLoopBenchmark;
import io.fleetsim.validation.Deployment;
import io.fleetsim.validation.DeploymentPlanner;
import io.fleetsim.validation.ErrorStats;
import io.fleetsim.validation.ErrorSummary;
import io.fleetsim.validation.MeasuredPoint;
import io.fleetsim.validation.PointOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The files and table of {@code fleetsim validate-model}: {@code validation.csv} (one row per
 * measured point, the columns {@link #LEADING_COLUMNS} first), {@code validation.json} (the error
 * summary and how points were simulated) and the printed error table.
 */
public final class ValidationReport {

    /** The first columns of {@code validation.csv}, in this order; more may follow. */
    public static final List<String> LEADING_COLUMNS = List.of("id", "status", "measured_ttft_ms",
            "predicted_ttft_ms", "measured_tpot_ms", "predicted_tpot_ms");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ValidationReport() {
    }

    /** {@code validation.csv}: every point in input order, skipped ones with their reason. */
    public static String csv(List<PointOutcome> outcomes) {
        Table t = new Table(Column.of("id", ValueFormat.TEXT), Column.of("status", ValueFormat.TEXT),
                Column.of("measured_ttft_ms", ValueFormat.MILLIS), Column.of("predicted_ttft_ms", ValueFormat.MILLIS),
                Column.of("measured_tpot_ms", ValueFormat.MILLIS), Column.of("predicted_tpot_ms", ValueFormat.MILLIS),
                Column.of("ttft_error", ValueFormat.SHARE), Column.of("tpot_error", ValueFormat.SHARE),
                Column.of("system", ValueFormat.TEXT), Column.of("backend", ValueFormat.TEXT),
                Column.of("backend_version", ValueFormat.TEXT), Column.of("model", ValueFormat.TEXT),
                Column.of("gemm_quant_mode", ValueFormat.TEXT), Column.of("layout", ValueFormat.TEXT),
                Column.of("isl", ValueFormat.COUNT), Column.of("osl", ValueFormat.COUNT),
                Column.of("concurrency", ValueFormat.COUNT), Column.of("parameters", ValueFormat.TEXT));
        for (PointOutcome o : outcomes) {
            MeasuredPoint p = o.point();
            Deployment d = p.deployment();
            t.addRow(p.id(), o.statusText(), p.measuredTtftMs(), o.predictedTtftMs(), p.measuredTpotMs(),
                    o.predictedTpotMs(), o.ttftError(), o.tpotError(), d.system(), d.backend(), d.backendVersion(),
                    d.model(), d.gemmQuant(), d.layout().describe(), p.promptTokens(), p.outputTokens(),
                    p.concurrency() == 0 ? null : p.concurrency(), o.parametersFrom());
        }
        return CsvTableRenderer.render(t);
    }

    /**
     * The printed table: errors by (system, backend, model) for those with a simulated row,
     * overall, then skips by reason.
     */
    public static String text(ErrorSummary s) {
        Table t = new Table(new Column("system", "system", ValueFormat.TEXT),
                new Column("backend", "backend", ValueFormat.TEXT), new Column("model", "model", ValueFormat.TEXT),
                new Column("points", "rows", ValueFormat.COUNT), new Column("ok", "ok", ValueFormat.COUNT),
                new Column("ttft_p50", "TTFT p50", ValueFormat.SHARE), new Column("ttft_p90", "TTFT p90", ValueFormat.SHARE),
                new Column("ttft_low", "low", ValueFormat.SHARE),
                new Column("tpot_p50", "TPOT p50", ValueFormat.SHARE), new Column("tpot_p90", "TPOT p90", ValueFormat.SHARE),
                new Column("tpot_low", "low", ValueFormat.SHARE));
        for (ErrorSummary.Group g : s.simulatedGroups()) {
            addGroup(t, g);
        }
        addGroup(t, s.overall());
        StringBuilder sb = new StringBuilder("Absolute percentage error of mean TTFT and TPOT, predicted vs measured "
                + "(p50, p90; low = share of rows predicted below the measurement):\n");
        sb.append(TextTableRenderer.render(t));
        int unsimulated = s.groups().size() - s.simulatedGroups().size();
        sb.append(String.format(java.util.Locale.ROOT, "%nSimulated %,d of %,d rows; skipped %,d", s.simulated(),
                s.points(), s.points() - s.simulated()));
        sb.append(unsimulated == 0 ? (s.simulated() == s.points() ? ".\n" : ":\n")
                : String.format(java.util.Locale.ROOT, " (all rows of %d (system, backend, model) groups):%n",
                unsimulated));
        s.skipped().forEach((reason, n) -> sb.append(String.format(java.util.Locale.ROOT, "  %,6d  %s%n", n, reason)));
        if (s.uncalibrated() > 0) {
            sb.append(String.format(java.util.Locale.ROOT, "%nUncalibrated: %,d of the %,d simulated rows ran on "
                    + "fleetsim's default step-time parameters (no calibrated profile for their GPU, degree and "
                    + "precision).%n", s.uncalibrated(), s.simulated()));
        }
        return sb.toString();
    }

    private static void addGroup(Table t, ErrorSummary.Group g) {
        t.addRow(g.system(), g.backend(), g.model(), g.points(), g.ttft().points(), g.ttft().median(), g.ttft().p90(),
                g.ttft().low(), g.tpot().median(), g.tpot().p90(), g.tpot().low());
    }

    /**
     * {@code validation.json}: the points file, the profile, how points were simulated, the error
     * summary and the skips.
     */
    public static String json(ErrorSummary s, String pointsFile, String profile, String command) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("points_file", pointsFile);
        root.put("profile", profile);
        root.put("command", command);
        ObjectNode method = root.putObject("method");
        method.put("client", "closed loop: every client sends at time 0, then its next request as soon as the "
                + "previous ends; fixed isl/osl; concurrency is for the whole deployment, spread evenly over "
                + "data-parallel replicas");
        method.put("ttft", "mean over measured requests of first token - send time");
        method.put("tpot", "mean over measured requests of (end to end - ttft) / (osl - 1)");
        method.put("warm_up_requests_per_client", ClosedLoopBenchmark.WARM_UP_PER_CLIENT);
        method.put("min_measured_requests", ClosedLoopBenchmark.MIN_MEASURED);
        method.put("min_measured_requests_per_client", ClosedLoopBenchmark.MIN_MEASURED_PER_CLIENT);
        method.put("max_batched_tokens", DeploymentPlanner.MAX_BATCHED_TOKENS);
        method.put("memory_utilization", DeploymentPlanner.MEMORY_UTILIZATION);
        method.put("error", "median and p90 of the absolute percentage error |predicted - measured| / measured, "
                + "as a fraction; share_predicted_low: share of rows with predicted < measured");
        root.put("rows", s.points());
        root.put("simulated", s.simulated());
        root.put("skipped", s.points() - s.simulated());
        root.put("uncalibrated", s.uncalibrated());
        root.set("overall", group(s.overall()));
        ArrayNode groups = root.putArray("groups");
        s.groups().forEach(g -> groups.add(group(g)));
        ArrayNode skips = root.putArray("skipped_by_reason");
        for (Map.Entry<String, Integer> e : s.skipped().entrySet()) {
            ObjectNode n = skips.addObject();
            n.put("reason", e.getKey());
            n.put("rows", e.getValue());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render validation.json", e);
        }
    }

    private static ObjectNode group(ErrorSummary.Group g) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("system", g.system());
        n.put("backend", g.backend());
        n.put("model", g.model());
        n.put("rows", g.points());
        n.set("ttft_error", stats(g.ttft()));
        n.set("tpot_error", stats(g.tpot()));
        return n;
    }

    private static ObjectNode stats(ErrorStats e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("points", e.points());
        if (e.points() > 0) {
            n.put("median", round(e.median()));
            n.put("p90", round(e.p90()));
            n.put("share_predicted_low", round(e.low()));
        } else {
            n.putNull("median");
            n.putNull("p90");
            n.putNull("share_predicted_low");
        }
        return n;
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
