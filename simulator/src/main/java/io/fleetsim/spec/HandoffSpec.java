package io.fleetsim.spec;

/**
 * The fixed per-request cost of a disaggregated deployment's path beyond its KV transfer: from a
 * request's KV cache having arrived on the decode side to a decode worker being able to schedule it
 * (the KV connector's completion notice, the decode engine's admission of the request, the router's
 * and front end's extra hop). It delays the request (its TTFT) but holds neither the link nor a
 * worker: handoffs of many requests overlap.
 *
 * @param latencySeconds time each request waits, at least 0
 * @param source         where the figure comes from: the scenario, a fitted profile by name, or none
 */
public record HandoffSpec(double latencySeconds, String source) {

    /** No handoff cost: the decode side may take a request over the moment its KV has arrived. */
    public static final HandoffSpec NONE = new HandoffSpec(0, "none");

    public HandoffSpec {
        if (!(latencySeconds >= 0) || Double.isInfinite(latencySeconds)) {
            throw new IllegalArgumentException("handoff latency must be finite and at least 0, got " + latencySeconds);
        }
    }
}
