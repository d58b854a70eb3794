package io.fleetsim.report;

import io.fleetsim.metrics.RequestLog;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.workload.RejectCause;
import io.fleetsim.workload.Request;
import io.fleetsim.workload.WasteCause;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code --requests-out FILE.csv}: one row per request as its outcome happens, streamed to a
 * hidden file beside the target and renamed over it when the run ends (nothing is kept in
 * memory; a killed run leaves no half file under the target's name). Columns: request id,
 * arrival time, route, tenant, pool, prompt and output tokens, TTFT, TPOT and end-to-end latency
 * (empty unless completed), outcome ({@code completed}, {@code rejected}, {@code cancelled}),
 * and the cause ({@code outside_slo} for a completion outside its SLO, the rejection cause for a
 * rejection).
 */
public final class RequestCsv implements RequestLog, AutoCloseable {

    /** The header row. */
    public static final String HEADER = "request_id,arrival_s,route,tenant,pool,prompt_tokens,output_tokens,ttft_ms,"
            + "tpot_ms,e2e_ms,outcome,cause";

    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private final List<String> routes;
    private final List<String> tenants;
    private final List<String> pools;

    private RequestCsv(Path target, Path partial, BufferedWriter out, ScenarioSpec scenario) {
        this.target = target;
        this.partial = partial;
        this.out = out;
        this.routes = scenario.workload().routes().stream().map(r -> CsvTableRenderer.inert(r.name())).toList();
        this.tenants = scenario.workload().tenants().stream().map(t -> CsvTableRenderer.inert(t.name())).toList();
        this.pools = scenario.pools().stream().map(p -> CsvTableRenderer.inert(p.name())).toList();
    }

    /** Starts the export of {@code scenario}'s requests to {@code target}. */
    public static RequestCsv open(Path target, ScenarioSpec scenario) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
        BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
        return new RequestCsv(absolute, partial, out, scenario);
    }

    @Override
    public void completed(Request request, int pool, double ttftSeconds, double tpotSeconds, double e2eSeconds,
                          boolean withinSlo) {
        row(request, pools.get(pool), ms(ttftSeconds), ms(tpotSeconds), ms(e2eSeconds), "completed",
                withinSlo ? "" : WasteCause.OUTSIDE_SLO.id());
    }

    @Override
    public void rejected(Request request, RejectCause cause, double time) {
        row(request, "", "", "", "", "rejected", cause.id());
    }

    @Override
    public void cancelled(Request request, double time) {
        row(request, "", "", "", "", "cancelled", "");
    }

    private void row(Request r, String pool, String ttft, String tpot, String e2e, String outcome, String cause) {
        String tenant = tenants.isEmpty() ? "" : tenants.get(r.tenant());
        try {
            out.write(String.format(Locale.ROOT, "%d,%.6f,%s,%s,%s,%d,%d,%s,%s,%s,%s,%s%n", r.id(),
                    r.firstArrivalTime(), routes.get(r.route()), tenant, pool, r.promptTokens(), r.outputTokens(),
                    ttft, tpot, e2e, outcome, cause));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds * 1000);
    }

    /** Finishes the file and puts it in place. */
    @Override
    public void close() throws IOException {
        out.close();
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
