package io.fleetsim.serving;

import io.fleetsim.workload.PromptPrefix;
import io.fleetsim.workload.Request;
import java.util.List;

/**
 * One replica of a pool. Servers pull work from their pool's {@link WorkSource} whenever they can
 * take more; the pool only tells them when work is waiting ({@link #wake()}).
 */
public interface Server {

    /** True when the server could ever serve this request (e.g. it fits the context length). */
    boolean accepts(Request request);

    /** True when the server has nothing in service. */
    boolean isIdle();

    /** True when the server has room to take {@code request} at its next scheduling point. */
    boolean hasRoomFor(Request request);

    /** Requests in service now (for choosing the least loaded server). */
    int inService();

    /** Work is waiting in the pool: take it now if idle, or at the next iteration boundary. */
    void wake();

    /** Seconds spent with at least one request in service, up to {@code now}. */
    double busySeconds(double now);

    /** Prompt plus output tokens of the requests in service (for least-outstanding-tokens balancing). */
    default long outstandingTokens() {
        return 0;
    }

    /** Tokens of {@code prefix} this server has cached (for prefix-aware balancing); 0 without a cache. */
    default int cachedPrefixTokens(PromptPrefix prefix) {
        return 0;
    }

    /**
     * Time integral, up to the end of the last step, of the share of the server's request slots in
     * use (batch occupancy); a server that takes one request at a time counts its busy time.
     */
    default double occupiedSlotSeconds() {
        return 0;
    }

    /**
     * The gap between output tokens a request joining now would see (the next decode iteration
     * with one more sequence), 0 for servers that do not batch.
     */
    default double predictedTokenGapSeconds() {
        return 0;
    }

    /** Share of the server's KV cache in use, 0 for servers without one. */
    default double kvUtilization() {
        return 0;
    }

    /**
     * Time integral of {@link #kvUtilization} up to {@code now} (share-seconds), 0 for servers
     * without a KV cache.
     */
    default double kvShareSeconds(double now) {
        return 0;
    }

    /**
     * Stop taking new work; finish what is in service, then call {@code whenEmpty} (at once if
     * nothing is in service).
     */
    void drain(Runnable whenEmpty);

    /**
     * The client gave up on {@code request} before its first token: drop it if this server holds it
     * (its work so far is reported as wasted). Returns whether it was found.
     */
    boolean cancel(Request request);

    /**
     * The machine is taken away now: everything in service is lost. Returns the requests that were
     * in service, for the pool to serve again elsewhere; their lost work has been reported.
     */
    List<Request> evict();
}
