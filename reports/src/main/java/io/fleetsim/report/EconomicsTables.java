package io.fleetsim.report;

import static io.fleetsim.report.ValueFormat.COUNT;
import static io.fleetsim.report.ValueFormat.DECIMAL;
import static io.fleetsim.report.ValueFormat.SHARE;
import static io.fleetsim.report.ValueFormat.TEXT;
import static io.fleetsim.report.ValueFormat.USD;
import static io.fleetsim.report.ValueFormat.USD_PER_MTOK;

import io.fleetsim.cost.CostModel;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables a finance team reads: cost per useful token by model, cost by component (rent, API,
 * amortised purchase, energy, colocation, fixed) with owned against rented capacity, and per route
 * what quality and mid-stream disconnects did to the useful tokens.
 */
public final class EconomicsTables {

    private EconomicsTables() {
    }

    /** Per model (the pools serving it together): cost, useful tokens and cost per useful 1M tokens. */
    public static Table models(RunResult run) {
        Table t = new Table(new Column("model", "model", TEXT), new Column("pools", "pools", COUNT),
                new Column("useful_tokens", "useful tokens", COUNT),
                new Column("useful_output_tokens", "useful output", COUNT), new Column("cost_usd", "cost $", USD),
                new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK));
        Map<String, double[]> byModel = new LinkedHashMap<>();
        for (PoolResult p : run.pools()) {
            double[] m = byModel.computeIfAbsent(p.model(), k -> new double[4]);
            m[0]++;
            m[1] += p.usefulTokens();
            m[2] += p.usefulOutputTokens();
            m[3] += p.costUsd();
        }
        byModel.forEach((model, m) -> t.addRow(model, (long) m[0], (long) m[1], (long) m[2], m[3],
                CostModel.perMillionTokens(m[3], (long) m[1])));
        return t;
    }

    /**
     * Per pool and for the fleet: money by component and energy. The fleet row adds the fixed
     * monthly costs of {@code economics}; every row's components add up to its cost.
     */
    public static Table components(RunResult run) {
        Table t = new Table(new Column("pool", "pool", TEXT), new Column("bought", "bought", TEXT),
                new Column("rent_usd", "rent $", USD), new Column("api_usd", "api $", USD),
                new Column("capex_amortised_usd", "capex $", USD), new Column("energy_usd", "energy $", USD),
                new Column("colocation_usd", "coloc $", USD), new Column("fixed_usd", "fixed $", USD),
                new Column("energy_kwh", "kWh", DECIMAL),
                new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK));
        for (PoolResult p : run.pools()) {
            Map<String, Double> c = p.costByComponentUsd();
            t.addRow(p.name(), bought(p), c.get("rent"), c.get("api"), c.get("capex_amortised"), c.get("energy"),
                    c.get("colocation"), c.get("fixed"), p.energy() == null ? null : p.energy().kwh(),
                    p.costPerUsefulMtokUsd());
        }
        Map<String, Double> c = run.cost().byComponentUsd();
        t.addRow("fleet", "", c.get("rent"), c.get("api"),
                c.get("capex_amortised"), c.get("energy"), c.get("colocation"), c.get("fixed"), run.energyKwh(),
                run.costPerUsefulMtokUsd());
        return t;
    }

    /** Owned, rented (GPU) and API capacity side by side: cost, useful tokens, cost per useful 1M. */
    public static Table ownedVsRented(RunResult run) {
        Table t = new Table(new Column("capacity", "capacity", TEXT), new Column("gpus", "gpus", COUNT),
                new Column("cost_usd", "cost $", USD), new Column("useful_tokens", "useful tokens", COUNT),
                new Column("cost_per_useful_mtok_usd", "$/useful 1M", USD_PER_MTOK));
        for (String kind : new String[] {"owned", "rented", "api"}) {
            long gpus = 0;
            long useful = 0;
            double usd = 0;
            boolean any = false;
            for (PoolResult p : run.pools()) {
                if (bought(p).equals(kind)) {
                    any = true;
                    gpus += p.gpus();
                    useful += p.usefulTokens();
                    usd += p.costUsd();
                }
            }
            if (any) {
                t.addRow(kind, gpus, usd, useful, CostModel.perMillionTokens(usd, useful));
            }
        }
        return t;
    }

    /** True when some pool is owned (the owned-vs-rented table then means something). */
    public static boolean anyOwned(RunResult run) {
        return run.pools().stream().anyMatch(p -> p.owned() != null);
    }

    /**
     * Per route: answers the product rejected on quality, clients who left mid-stream and what they
     * had received, and useful output tokens per second (the articles' "useful tokens/s").
     */
    public static Table quality(RunResult run) {
        Table t = new Table(new Column("route", "route", TEXT), new Column("completed", "completed", COUNT),
                new Column("rejected_answers", "rejected", COUNT), new Column("disconnected", "left", COUNT),
                new Column("received_p50", "rcvd p50", COUNT), new Column("received_p95", "rcvd p95", COUNT),
                new Column("useful_share", "useful", SHARE),
                new Column("useful_output_per_s", "useful out/s", DECIMAL));
        for (RouteResult r : run.routes()) {
            var recv = r.receivedBeforeDisconnect();
            long done = r.requests().completed();
            t.addRow(r.name(), done, r.rejectedAnswers(), r.disconnected(), recv.count() == 0 ? null : recv.p50(),
                    recv.count() == 0 ? null : recv.p95(),
                    done == 0 ? null : (double) r.tokens().useful() / (r.tokens().input() + r.tokens().output()),
                    r.tokens().usefulOutput() / run.simulatedSeconds());
        }
        return t;
    }

    /** True when some route judged or lost an answer (the quality table then means something). */
    public static boolean anyQualityOrDisconnect(RunResult run) {
        return run.routes().stream().anyMatch(r -> r.rejectedAnswers() > 0 || r.disconnected() > 0);
    }

    private static String bought(PoolResult p) {
        return RunTables.isApi(p) ? "api" : p.owned() != null ? "owned" : "rented";
    }
}
