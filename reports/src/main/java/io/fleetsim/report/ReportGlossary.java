package io.fleetsim.report;

import java.util.List;

/** What each figure of a report means, shown at the end of the HTML pages (README says the same). */
final class ReportGlossary {

    /** Pairs of (term, definition). */
    static final List<String> TERMS = List.of(
            "TTFT (time to first token)", "From a request's arrival to the end of the iteration that finished "
                    + "its prefill; on a disaggregated pool, to its first token on the decode worker (prefill, KV "
                    + "transfer, handoff and any wait for a decode worker's room).",
            "TPOT (time per output token)", "(completion - first token) / (output tokens - 1).",
            "E2E", "From arrival to the last token.",
            "SLO attainment", "Requests completed within both their route's TTFT and TPOT targets, as a share of "
                    + "requests that reached an outcome (completed, cancelled or rejected). Requests still in "
                    + "flight at the end are not counted.",
            "Useful tokens", "Input and output tokens of requests completed within their SLO whose answer the "
                    + "product accepted (the route's quality acceptance). Every other processed token is wasted, by "
                    + "cause: rejected_quality for rejected answers, after_disconnect for tokens generated after the "
                    + "client left.",
            "Cost", "Every second a replica is starting, serving or draining is paid (reserved replicas: the "
                    + "whole horizon, busy or idle), rounded up to the billing granularity; API pools are paid per "
                    + "token. By state: busy and idle replica time, cold start, draining, billing rounding, API "
                    + "tokens, fixed costs.",
            "Cost per useful 1M tokens", "Total cost / (useful tokens / 1,000,000): what a useful token costs "
                    + "once idle capacity and tokens delivered too late are paid for.",
            "Utilization", "Share of serving replica time with at least one request in service. A replica with "
                    + "one request in its batch counts as busy, so high utilization does not mean a full batch.",
            "Batch occupancy", "Share of the batch slots (max_num_seqs) in use, averaged over serving time: "
                    + "how full the batches were. Low occupancy with 100% utilization is the utilization trap.",
            "Prefill and decode sides", "A disaggregated pool's prefill workers and decode workers: GPUs of "
                    + "the pool, paid as its GPUs; each side's utilization and batch occupancy over its own serving "
                    + "time.",
            "KV transfer", "A disaggregated pool's move of a request's prompt KV cache from its prefill worker to a "
                    + "decode worker, one per request handed over: link latency + KV bytes / (bandwidth per GPU x "
                    + "GPUs of the smaller worker), plus any wait for the prefill worker's link. The handoff (the "
                    + "decode side taking the request over) follows it and adds to TTFT, not to the transfer time.",
            "KV-cache utilisation", "Share of a replica's KV-cache blocks in use, read at the end of each "
                    + "time-series interval and averaged over serving replicas; mean and percentiles over the "
                    + "intervals. Near 100% the scheduler preempts (evicts and later recomputes) running requests.",
            "Budget", "A tenant's attributed cost projected to a 30-day month, against its monthly_budget_usd: "
                    + "OVER BUDGET when the projection exceeds it.",
            "Disruption window", "From the start of a zone outage or rolling deploy to its end (the zone back; "
                    + "the last batch's replacements serving). Requests are judged by when their client first sent "
                    + "them: during a window or outside every window; a backlog built during a window can outlast it.",
            "Headroom (N+k)", "k spare replicas beyond the N the load needs, all serving; their cost is their share "
                    + "k / (N + k) of what the pool paid, within the pool's cost.",
            "Idle $", "Money paid for serving replicas with nothing in service.",
            "Cost by component", "rent (rented GPU time), api (tokens), capex (an owned pool's purchase amortised "
                    + "straight-line), energy (kWh x $/kWh, PUE included), coloc (servers x kW x $/kW-month), fixed "
                    + "(staff and support, fixed monthly costs). They add up to the total.",
            "Energy", "Each GPU at its measured power (ML.ENERGY v3 fit at its mean batch) for its busy time and "
                    + "at the lightest measured load otherwise, times PUE for owned pools.");

    private ReportGlossary() {
    }
}
