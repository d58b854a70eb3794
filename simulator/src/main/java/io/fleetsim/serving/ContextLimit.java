package io.fleetsim.serving;

import io.fleetsim.spec.ServerSpec;
import io.fleetsim.workload.Request;

/**
 * The largest request a server could ever serve, worked out from its spec once: its context
 * within {@code maxTokens} (the maximum model length) and, in whole KV blocks, within
 * {@code capacityBlocks} (one attention rank's cache). A pool asks it of every request it is
 * offered, and the spec's KV capacity is a computation over the model and the GPU's memory.
 *
 * @param maxTokens      the longest context (prompt and output) accepted
 * @param capacityBlocks the most KV blocks one sequence may hold
 */
public record ContextLimit(long maxTokens, long capacityBlocks) {

    /** A limit no request reaches: for servers without a context bound. */
    public static final ContextLimit NONE = new ContextLimit(Long.MAX_VALUE, Long.MAX_VALUE);

    /** The limit of a replica of {@code spec}, as {@link LlmReplica#fits} has it. */
    public static ContextLimit of(ServerSpec.Llm spec) {
        return new ContextLimit(spec.maxModelLen(),
                spec.kvCacheTokens() / LlmReplica.KV_BLOCK_TOKENS / spec.memory().attentionDataParallel());
    }

    /** The limit of a disaggregated deployment of {@code spec}: both its prefill and decode workers must fit. */
    public static ContextLimit of(ServerSpec.Disaggregated spec) {
        return of(spec.prefill()).and(of(spec.decode()));
    }

    /** Both this limit and {@code other}: the smaller of each bound. */
    public ContextLimit and(ContextLimit other) {
        return new ContextLimit(Math.min(maxTokens, other.maxTokens), Math.min(capacityBlocks, other.capacityBlocks));
    }

    /** Whether {@code request}'s whole context is within both bounds. */
    public boolean fits(Request request) {
        long needed = (request.totalTokens() + LlmReplica.KV_BLOCK_TOKENS - 1L) / LlmReplica.KV_BLOCK_TOKENS;
        return request.totalTokens() <= maxTokens && needed <= capacityBlocks;
    }
}
