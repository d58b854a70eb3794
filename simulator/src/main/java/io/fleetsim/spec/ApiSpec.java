package io.fleetsim.spec;

/**
 * A hosted model API used as a pool.
 *
 * @param usdPerMtokInput        price per million prompt tokens
 * @param usdPerMtokCachedInput  price per million prompt tokens served from the provider's cache
 * @param usdPerMtokOutput       price per million output tokens
 * @param requestsPerMinute      rate limit on requests (0 = none)
 * @param tokensPerMinute        rate limit on prompt + output tokens (0 = none)
 * @param latency                time to first token and output speed, modelled or measured
 * @param errorRate              share of calls that fail (after their time to first token)
 * @param maxAttempts            attempts per request, first included, on error or rate limit
 * @param backoffSeconds         wait before the first retry, doubled for each later one
 * @param priceSource            where the prices come from
 */
public record ApiSpec(double usdPerMtokInput, double usdPerMtokCachedInput, double usdPerMtokOutput,
                      int requestsPerMinute, long tokensPerMinute, ApiLatency latency,
                      double errorRate, int maxAttempts, double backoffSeconds, String priceSource) {

    /** An API whose TTFT follows {@code ttft} and whose output speed is the same for every call. */
    public ApiSpec(double usdPerMtokInput, double usdPerMtokCachedInput, double usdPerMtokOutput,
                   int requestsPerMinute, long tokensPerMinute, DurationSpec ttft, double outputTokensPerSecond,
                   double errorRate, int maxAttempts, double backoffSeconds, String priceSource) {
        this(usdPerMtokInput, usdPerMtokCachedInput, usdPerMtokOutput, requestsPerMinute, tokensPerMinute,
                new ApiLatency.Modelled(ttft, outputTokensPerSecond), errorRate, maxAttempts, backoffSeconds,
                priceSource);
    }
}
