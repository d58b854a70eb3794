package io.fleetsim.report;

import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.workload.WasteCause;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Wasted tokens by cause, every known cause listed (zero when it did not happen; rejected drafts
 * only for runs that decode speculatively), in a fixed order.
 * Shares are of the tokens processed: delivered input and output, plus extra work such as KV cache
 * recomputed after preemption (tokens of requests completed outside their SLO are already part
 * of the delivered ones).
 *
 * @param tokensByCause   wasted tokens by cause id, causes of {@link WasteCause} first, then any others by name
 * @param processedTokens tokens processed for completed requests, the denominator of the shares
 */
public record WasteBreakdown(Map<String, Long> tokensByCause, long processedTokens) {

    /** The breakdown of {@code tokens}. */
    public static WasteBreakdown of(TokenCounts tokens) {
        Map<String, Long> byCause = new LinkedHashMap<>();
        for (WasteCause c : WasteCause.values()) {
            if (c != WasteCause.REJECTED_DRAFT || tokens.wasted().containsKey(c.id())) {
                byCause.put(c.id(), tokens.wasted().getOrDefault(c.id(), 0L));
            }
        }
        new TreeSet<>(tokens.wasted().keySet()).forEach(k -> byCause.putIfAbsent(k, tokens.wasted().get(k)));
        long extra = byCause.entrySet().stream().filter(e -> !e.getKey().equals(WasteCause.OUTSIDE_SLO.id()))
                .mapToLong(Map.Entry::getValue).sum();
        return new WasteBreakdown(Collections.unmodifiableMap(byCause), tokens.input() + tokens.output() + extra);
    }

    private static final Map<String, String> LABELS = Map.of(WasteCause.OUTSIDE_SLO.id(), "completed outside SLO",
            WasteCause.PREEMPTED_RECOMPUTE.id(), "recomputed after preemption", WasteCause.SPOT_LOST.id(),
            "lost with a spot replica", WasteCause.FAILED_ATTEMPTS.id(), "failed attempts",
            WasteCause.CANCELLED.id(), "cancelled by the client", WasteCause.REJECTED_DRAFT.id(),
            "rejected drafts");

    /** How {@code cause} reads in a chart: {@code preempted_recompute} is "recomputed after preemption". */
    public static String label(String cause) {
        return LABELS.getOrDefault(cause, cause.replace('_', ' '));
    }

    /** All wasted tokens. */
    public long total() {
        return tokensByCause.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Share of processed tokens wasted for {@code cause} (NaN when nothing was processed). */
    public double share(String cause) {
        return processedTokens == 0 ? Double.NaN : tokensByCause.getOrDefault(cause, 0L) / (double) processedTokens;
    }
}
