package io.fleetsim.spec;

/**
 * How a route's clients behave: how long they wait for a first token, whether they try again, and
 * what share of their prompts begin with a shared system prompt.
 *
 * @param patience          time a client waits for the first token before cancelling, or null
 *                          for clients who never give up
 * @param maxAttempts       attempts per request, the first included, after a cancellation or a
 *                          rejection
 * @param backoffSeconds    wait before the first retry, doubled for each later one
 * @param prefixTokens      length of the shared system prompt (0 for none)
 * @param prefixShare       share of requests whose prompt begins with it
 * @param prefixVariants    number of distinct system prompts, drawn uniformly
 * @param sessionTurns      turns per conversation (null for single requests): each later turn's
 *                          prompt is the conversation so far plus a new message drawn from the
 *                          route's prompt lengths, sent a think time after the previous answer
 * @param thinkTime         time between an answer and the next turn
 * @param disconnect        clients who leave mid-stream, or null for none
 */
public record ClientSpec(DurationSpec patience, int maxAttempts, double backoffSeconds, int prefixTokens,
                         double prefixShare, int prefixVariants, LengthSpec sessionTurns, DurationSpec thinkTime,
                         DisconnectSpec disconnect) {

    /** Clients who never leave mid-stream. */
    public ClientSpec(DurationSpec patience, int maxAttempts, double backoffSeconds, int prefixTokens,
                      double prefixShare, int prefixVariants, LengthSpec sessionTurns, DurationSpec thinkTime) {
        this(patience, maxAttempts, backoffSeconds, prefixTokens, prefixShare, prefixVariants, sessionTurns,
                thinkTime, null);
    }

    /** Patient clients who never retry, with no shared prefix, one request per conversation. */
    public static final ClientSpec DEFAULT = new ClientSpec(null, 1, 0, 0, 0, 1, null, null);
}
