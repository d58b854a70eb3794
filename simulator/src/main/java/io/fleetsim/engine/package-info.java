/**
 * The discrete-event executive: a clock, an event queue of primitive keys, and the loop that
 * pops the next event and calls its handler. Same-time events run by priority, then in the order
 * scheduled. It knows nothing of LLMs, pools or prices and must not import any other fleetsim
 * package (checked by {@code DependencyRulesTest}).
 */
package io.fleetsim.engine;
