package io.fleetsim.spec;

import io.fleetsim.hardware.ReplicaMemory;
import java.util.Optional;

/**
 * What one replica of a pool is: an LLM server, an abstract queueing server for validation, or
 * a hosted API (one unbounded "replica" limited by its rate limits).
 */
public sealed interface ServerSpec permits ServerSpec.Llm, ServerSpec.Queueing, ServerSpec.Api,
        ServerSpec.Disaggregated {

    /** GPUs one replica occupies (and is billed for). */
    int gpusPerReplica();

    /**
     * The LLM workers that take the clients' requests, whose front end and fitted profile they
     * meet: an LLM replica itself, a disaggregated deployment's prefill side; none for a queueing
     * server or an API.
     */
    default Optional<Llm> frontEnd() {
        if (this instanceof Llm l) {
            return Optional.of(l);
        }
        return this instanceof Disaggregated d ? Optional.of(d.prefill()) : Optional.empty();
    }

    /**
     * A model served with continuous batching on {@code tensorParallel} GPUs.
     *
     * @param memory      GPU, model, tensor parallelism, precision and memory share
     * @param maxModelLen longest prompt + output accepted; longer requests are rejected
     * @param batching    per-iteration limits of the scheduler
     * @param performance settings of the step-time model
     * @param engine      serving engine and version, or null for none named (the roofline, or the
     *                    default engine when {@code performance} asks for kernels)
     * @param expertParallel GPUs the routed experts of a MoE model are spread over (1: experts
     *                    split by tensor parallelism instead)
     * @param speculative speculative decoding, or null for none
     */
    record Llm(ReplicaMemory memory, int maxModelLen, BatchingSpec batching, PerformanceSpec performance,
               EngineSpec engine, int expertParallel, SpeculativeSpec speculative) implements ServerSpec {

        /** A server without speculative decoding. */
        public Llm(ReplicaMemory memory, int maxModelLen, BatchingSpec batching, PerformanceSpec performance,
                   EngineSpec engine, int expertParallel) {
            this(memory, maxModelLen, batching, performance, engine, expertParallel, null);
        }

        /** The same server without speculative decoding (the target model alone). */
        public Llm withoutSpeculation() {
            return withSpeculation(null);
        }

        /** The same server decoding with {@code speculation} (null: none). */
        public Llm withSpeculation(SpeculativeSpec speculation) {
            return new Llm(memory, maxModelLen, batching, performance, engine, expertParallel, speculation);
        }

        /**
         * Tokens of KV cache the server holds: the memory's, less what the drafter takes (a draft
         * model's weights and its own KV cache beside the target's for every token; for
         * multi-token prediction the MTP module's weights and its one layer's KV cache), less the
         * constant state of linear-attention layers, reserved for {@code max_num_seqs} sequences.
         */
        public long kvCacheTokens() {
            double state = memory.model().stateBytesPerSequence() * batching.maxNumSeqs();
            double bytes = memory.kvCacheBytes() - drafterWeightBytes() - state;
            return Math.max(0, (long) Math.floor(bytes / (memory.storedKvBytesPerToken() + drafterKvBytesPerToken())));
        }

        /** Expected tokens a decode step adds to a sequence: 1, or more when the server speculates. */
        public double tokensPerStep() {
            return speculative == null ? 1 : speculative.tokensPerStep();
        }

        /** Weight bytes of the drafter: the draft model's, or the target's MTP module; 0 without speculation. */
        public double drafterWeightBytes() {
            if (speculative == null) {
                return 0;
            }
            return speculative.draft() != null ? speculative.draft().weightBytes(memory.precision())
                    : memory.mtpWeightBytes();
        }

        /**
         * Device KV bytes per token the drafter caches beside the target's, every copy counted: a
         * draft model's, or one MTP layer's.
         */
        public double drafterKvBytesPerToken() {
            if (speculative == null) {
                return 0;
            }
            return speculative.draft() != null
                    ? speculative.draft().kvBytesPerToken(memory.kvBytesPerValue()) * memory.kvCopies(speculative.draft())
                    : memory.model().kvBytesPerTokenPerLayer(memory.kvBytesPerValue()) * memory.kvCopies(memory.model());
        }

        /** A server without a named engine. */
        public Llm(ReplicaMemory memory, int maxModelLen, BatchingSpec batching, PerformanceSpec performance) {
            this(memory, maxModelLen, batching, performance, null, 1);
        }

        /** A server without expert parallelism. */
        public Llm(ReplicaMemory memory, int maxModelLen, BatchingSpec batching, PerformanceSpec performance,
                   EngineSpec engine) {
            this(memory, maxModelLen, batching, performance, engine, 1);
        }

        @Override
        public int gpusPerReplica() {
            return memory.tensorParallel();
        }
    }

    /**
     * A server that serves one request at a time for a random service time: the textbook server of
     * queueing theory, used to check the simulator against Erlang C and Pollaczek-Khinchine.
     *
     * @param serviceTime    service time distribution
     * @param gpusPerReplica GPUs billed per server
     */
    record Queueing(DurationSpec serviceTime, int gpusPerReplica) implements ServerSpec {
    }

    /**
     * A hosted model API.
     *
     * @param api prices, limits and latency
     */
    record Api(ApiSpec api) implements ServerSpec {
        @Override
        public int gpusPerReplica() {
            return 0;
        }
    }

    /**
     * One disaggregated deployment (xPyD): {@code prefillWorkers} workers that only prefill
     * prompts, {@code decodeWorkers} that only decode, and the link the KV cache of every request
     * crosses between them. A pool's replica is one such deployment, billed for all its GPUs.
     *
     * @param prefill        one prefill worker (its GPUs, layout and batching limits)
     * @param prefillWorkers prefill workers in the deployment
     * @param decode         one decode worker
     * @param decodeWorkers  decode workers in the deployment
     * @param link           the KV transfer link
     * @param handoff        what each request waits between its KV arriving and a decode worker
     *                       being able to take it over
     */
    record Disaggregated(Llm prefill, int prefillWorkers, Llm decode, int decodeWorkers, KvLinkSpec link,
                         HandoffSpec handoff) implements ServerSpec {

        /** A deployment whose requests wait nothing beyond their transfer ({@link HandoffSpec#NONE}). */
        public Disaggregated(Llm prefill, int prefillWorkers, Llm decode, int decodeWorkers, KvLinkSpec link) {
            this(prefill, prefillWorkers, decode, decodeWorkers, link, HandoffSpec.NONE);
        }

        /** The same deployment with {@code handoff}. */
        public Disaggregated withHandoff(HandoffSpec handoff) {
            return new Disaggregated(prefill, prefillWorkers, decode, decodeWorkers, link, handoff);
        }

        @Override
        public int gpusPerReplica() {
            return prefillWorkers * prefill.gpusPerReplica() + decodeWorkers * decode.gpusPerReplica();
        }

        /** Bytes of KV cache a prompt of {@code tokens} tokens moves from prefill to decode. */
        public double transferBytes(int tokens) {
            return tokens * prefill.memory().kvBytesPerToken();
        }

        /** Seconds one transfer of a prompt of {@code tokens} tokens takes on an idle link. */
        public double transferSeconds(int tokens) {
            return link.transferSeconds(transferBytes(tokens),
                    Math.min(prefill.gpusPerReplica(), decode.gpusPerReplica()));
        }
    }
}
