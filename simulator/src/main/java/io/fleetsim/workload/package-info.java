/**
 * The traffic: arrival processes, request shapes and lengths, shared prefixes, conversations and
 * closed-loop users, turned into requests for the fleet. Knows nothing of pools or prices.
 */
package io.fleetsim.workload;
