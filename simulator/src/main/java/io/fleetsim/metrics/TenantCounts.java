package io.fleetsim.metrics;

/**
 * What one tenant's requests got.
 *
 * @param arrived      client requests that arrived
 * @param completed    requests completed
 * @param withinSlo    completed within their SLO
 * @param usefulTokens input and output tokens of requests completed within their SLO
 * @param servedTokens input and output tokens of its completed requests
 */
public record TenantCounts(long arrived, long completed, long withinSlo, long usefulTokens, long servedTokens) {
}
