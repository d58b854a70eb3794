/**
 * What one replica does with its requests: continuous batching with chunked prefill, paged KV
 * blocks, prefix caching and preemption on an LLM replica, textbook queueing servers, hosted
 * APIs with rate limits; and how long a batch step takes ({@code StepTimeModel}). Knows nothing
 * of prices.
 *
 * <p>Must not import {@code cost}, {@code metrics}, {@code fleet} or {@code run}: it tells a
 * {@code ServingListener} what happened and never reads it back.
 */
package io.fleetsim.serving;
