/**
 * The traffic: arrival processes, request shapes and lengths, shared prefixes, conversations and
 * closed-loop users, turned into requests for the fleet, and the outcomes a request can have
 * ({@code RejectCause}, {@code WasteCause}). Knows nothing of pools or prices: must not import
 * {@code fleet}, {@code serving}, {@code cost}, {@code metrics} or {@code run}.
 */
package io.fleetsim.workload;
