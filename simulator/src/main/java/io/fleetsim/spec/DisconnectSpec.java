package io.fleetsim.spec;

/**
 * Clients who leave mid-stream: a share of a route's requests is abandoned after the client has
 * received some output tokens (drawn from {@code receivedTokens}; a draw at or past the answer's
 * length means the client stayed to the end). Whether the server stops generating is the pool's
 * {@code abort_on_disconnect}.
 *
 * @param share          share of requests whose client leaves after its first token
 * @param receivedTokens output tokens received before leaving (at least 1: after the first token)
 */
public record DisconnectSpec(double share, LengthSpec receivedTokens) {
}
