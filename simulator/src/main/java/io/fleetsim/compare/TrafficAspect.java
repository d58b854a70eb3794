package io.fleetsim.compare;

/** What may differ between the traffic of two runs ({@link TrafficSummary#differencesFrom}). */
public enum TrafficAspect {
    /** The runs drew their requests from other seeds. */
    SEED,
    /** The runs simulated other horizons. */
    HORIZON,
    /** The runs' workloads have other route names. */
    ROUTES,
    /** Other numbers of requests arrived on some route. */
    REQUESTS_BY_ROUTE,
    /** Requests arrived in other sampling intervals. */
    ARRIVAL_TIMES,
    /** The arrivals' prompt tokens add up to another total. */
    PROMPT_TOKENS,
    /** The arrivals' output tokens add up to another total. */
    OUTPUT_TOKENS
}
