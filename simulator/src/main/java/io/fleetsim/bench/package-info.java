/**
 * Benchmarks kept apart from the tests: the bare event engine on an M/M/c queue, in events
 * per second. Imports only the engine.
 */
package io.fleetsim.bench;
