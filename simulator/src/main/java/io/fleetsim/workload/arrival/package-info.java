/**
 * Arrival processes: renewal gaps (exponential, gamma) run in operational time, time-varying rate
 * factors (diurnal, flash crowds, Markov-modulated bursts, growth) combined into one rate
 * profile whose integral is inverted exactly, and trace replay with time and rate scaling.
 */
package io.fleetsim.workload.arrival;
