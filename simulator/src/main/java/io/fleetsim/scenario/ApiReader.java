package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.ApiLatency;
import io.fleetsim.spec.ApiSpec;

/** Validates the {@code api} block of an API pool: prices, rate limits, latency (modelled or measured) and errors. */
final class ApiReader {

    private ApiReader() {
    }

    static ApiSpec read(SpecNode n) {
        n.allowOnly("usd_per_mtok_input", "usd_per_mtok_cached_input", "usd_per_mtok_output", "requests_per_minute",
                "tokens_per_minute", "ttft", "output_tokens_per_s", "latency", "error_rate", "max_attempts", "backoff",
                "price_source");
        double input = n.required("usd_per_mtok_input").numberIn(0, 1e4);
        double cached = n.get("usd_per_mtok_cached_input").isMissing() ? input
                : n.get("usd_per_mtok_cached_input").numberIn(0, input);
        return new ApiSpec(input, cached, n.required("usd_per_mtok_output").numberIn(0, 1e4),
                n.get("requests_per_minute").intIn(0, Integer.MAX_VALUE, 0),
                n.get("tokens_per_minute").isMissing() ? 0 : n.get("tokens_per_minute").integerIn(0, Long.MAX_VALUE),
                latency(n),
                n.get("error_rate").isMissing() ? 0 : n.get("error_rate").numberIn(0, 0.99),
                n.get("max_attempts").intIn(1, 100, 3), n.get("backoff").durationSeconds(1),
                n.get("price_source").text("scenario"));
    }

    /** Measured calls ({@code latency}) or a TTFT distribution and one speed, not both. */
    private static ApiLatency latency(SpecNode n) {
        SpecNode measured = n.get("latency");
        if (measured.isMissing()) {
            if (n.get("ttft").isMissing()) {
                throw n.error("missing required field 'ttft' (with output_tokens_per_s), or 'latency' with a file "
                        + "of measured calls");
            }
            return new ApiLatency.Modelled(DurationReader.read(n.get("ttft")),
                    n.required("output_tokens_per_s").positiveNumber());
        }
        for (String modelled : new String[] {"ttft", "output_tokens_per_s"}) {
            if (!n.get(modelled).isMissing()) {
                throw n.get(modelled).error("not allowed with 'latency': the measured calls give both the TTFT "
                        + "and the output speed");
            }
        }
        return MeasuredLatencyReader.read(measured);
    }
}
