package io.fleetsim.report;

import static io.fleetsim.report.ValueFormat.COUNT;
import static io.fleetsim.report.ValueFormat.DECIMAL;
import static io.fleetsim.report.ValueFormat.MILLIS;
import static io.fleetsim.report.ValueFormat.SHARE;
import static io.fleetsim.report.ValueFormat.TEXT;
import static io.fleetsim.report.ValueFormat.USD;

import io.fleetsim.cost.HeadroomCost;
import io.fleetsim.input.DurationText;
import io.fleetsim.run.DisruptionResult;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;

/**
 * What zone outages and rolling deploys did to the SLO (each event's window against the time
 * outside every window) and what each pool's N+k headroom cost; empty tables when the scenario
 * has neither.
 */
final class DisruptionTables {

    private DisruptionTables() {
    }

    /** One row per zone outage or rolling deploy, in the order they began. */
    static Table events(RunResult run) {
        Table t = new Table(new Column("event", "event", TEXT), new Column("pool", "pool", TEXT),
                new Column("name", "name", TEXT), new Column("window", "window", TEXT),
                new Column("replicas_out", "replicas out", COUNT),
                new Column("replica_hours_out", "replica-h out", DECIMAL),
                new Column("requests_interrupted", "interrupted", COUNT),
                new Column("requests_during", "requests", COUNT),
                new Column("slo_during", "SLO during", SHARE), new Column("slo_outside", "SLO outside", SHARE),
                new Column("ttft_p95_during_ms", "ttft p95 during", MILLIS),
                new Column("ttft_p95_outside_ms", "ttft p95 outside", MILLIS),
                new Column("rejected_during", "rejected", COUNT), new Column("cancelled_during", "cancelled", COUNT));
        for (DisruptionResult d : run.disruptions()) {
            String window = DurationText.format(d.startSeconds()) + " - " + DurationText.format(d.endSeconds())
                    + (d.ended() ? "" : " (still on at the end)");
            t.addRow(d.kind(), d.pool(), d.name(), window, (long) d.replicasOut(), d.replicaHoursOut(),
                    d.requestsInterrupted(), d.during().requests(), d.during().sloAttainment(),
                    d.outside().sloAttainment(), d.during().ttftP95Ms(), d.outside().ttftP95Ms(),
                    d.during().rejected(), d.during().cancelled());
        }
        return t;
    }

    /** One row per pool with an N+k headroom policy. */
    static Table headroom(RunResult run) {
        Table t = new Table(new Column("pool", "pool", TEXT), new Column("policy", "headroom", TEXT),
                new Column("needed_replicas", "N", COUNT), new Column("spare_replicas", "k", COUNT),
                new Column("spare_gpu_hours", "spare GPU-h", DECIMAL), new Column("cost_usd", "spare $", USD),
                new Column("share_of_pool_cost", "of pool cost", SHARE));
        for (PoolResult p : run.pools()) {
            HeadroomCost h = p.headroom();
            if (h != null) {
                t.addRow(p.name(), h.policy(), (long) h.neededReplicas(), (long) h.spareReplicas(), h.spareGpuHours(),
                        h.costUsd(), p.costUsd() > 0 ? h.costUsd() / p.costUsd() : Double.NaN);
            }
        }
        return t;
    }
}
